"""One module per source family; `gen.reading.detect` holds the table that picks one."""
