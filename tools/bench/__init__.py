"""make bench: synthesised corpora and timings, outside the generator package (and so
outside the cache digest: editing the benchmark invalidates no cached result)."""
