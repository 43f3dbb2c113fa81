"""The procurement briefing generator: sources in `seeds/` -> Markdown pages in `docs/`.

The stages, in the order `pipeline.build` runs them, each a package passing the frozen
values of `models`:

    reading/        find the files, decode bytes, detect the family, one reader per family
    cleaning/       text steps, HTML to blocks, block steps (teaser, junk, tail, credits), dates
    understanding/  slugs and anchors, themes, places, figures, glossary terms, duplicates
    site/           the pages: sources, themes and regions, timeline, listings, home, feeds, data
    rendering/      escaping and links, front matter, the Jinja environment
    write.py        the only code that writes to docs/

`paths` declares every generated path; `rules` loads the editable data in `data/`;
`incremental/` (cache, process pool, watch mode) makes the same build faster and changes
no output.
"""
