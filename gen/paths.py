"""Every generated path under docs/, and the URL each page is published at: the one place.

Pages are Markdown files; MkDocs publishes `a/b.md` at `a/b/` and `a/index.md` at `a/`
(`use_directory_urls`). The writer accepts only paths under `GENERATED`; `.gitignore` and
`make clean` are checked against it by tests/test_paths.py.
"""

from __future__ import annotations

from urllib.parse import urlencode

HOME = "index.md"
SOURCE_LIST = "sources/index.md"
THEME_INDEX = "themes/index.md"
REGION_INDEX = "regions/index.md"
TIMELINE = "timeline/index.md"
GLOSSARY = "glossary/index.md"
OTHERS = "others/index.md"
SOURCES_JSON = "data/sources.json"
SOURCES_SCHEMA = "data/sources.schema.json"
RSS = "feeds/rss.xml"
JSON_FEED = "feeds/feed.json"
FIGURES_CSV = "data/figures.csv"
PASSAGES_CSV = "data/passages.csv"
PARAMETERS = "parameters/index.md"
PARAMETERS_JSON = "data/parameters.json"
PARAMETERS_SCHEMA = "data/parameters.schema.json"
PARAMETERS_CSV = "data/parameters.csv"
SEARCH = "search/index.md"
# The passages hooks/search_index.py indexes: read by the hook, not published.
SEARCH_RECORDS = "data/search-records.jsonl"
# One record per published source, its title the text: indexed beside the passages, under
# SEARCH_SOURCES_INDEX, so a title finds its source page.
SEARCH_SOURCE_RECORDS = "data/search-sources.jsonl"
# Where that hook writes the index, inside the built site (read by assets/search.js).
SEARCH_INDEX = "search-index/"
SEARCH_SOURCES_INDEX = "search-index/sources/"


def source(article_id: str) -> str:
    return f"sources/{article_id}.md"


def source_list(number: int) -> str:
    """Page `number` (from 1) of the list of all sources."""
    return SOURCE_LIST if number == 1 else f"sources/page-{number}.md"


def _paged(first: str, number: int) -> str:
    """Page `number` (from 1) of a page's passages: page 1 is the page itself, later pages
    sit in a folder of its name ("themes/sme.md" -> "themes/sme/page-2.md")."""
    return first if number == 1 else f"{first[: -len('.md')]}/page-{number}.md"


def theme(theme_id: str, number: int = 1) -> str:
    return _paged(f"themes/{theme_id}.md", number)


def region(adcode: str, number: int = 1) -> str:
    return _paged(f"regions/{adcode}.md", number)


def glossary_term(slug: str, number: int = 1) -> str:
    """Every passage that uses one glossary term (the glossary lists the first few)."""
    return _paged(f"glossary/{slug}.md", number)


def theme_feed(theme_id: str) -> str:
    """RSS of the newest sources on one theme (linked from the theme's page)."""
    return f"feeds/{theme_id}.xml"


def filtered_passages(province: str, theme_id: str) -> str:
    """Where a reader finds one province's passages on one theme (a heat-map cell's link):
    the search page filtered to the passages that name the province (the `named` filter,
    gen/site/search.py) and are on the theme."""
    return f"{SEARCH}?{urlencode({'named': province, 'theme': theme_id})}"

# The hidden tree under docs/ that holds the generated output; the GENERATED entries are
# symbolic links into it (gen/write.py).
OUTPUT_TREE = ".output"

# Top-level entries of docs/ that belong to the generator; everything else is hand-written.
GENERATED = tuple(dict.fromkeys(
    path.split("/")[0]
    for path in (HOME, source("x"), SOURCE_LIST, THEME_INDEX, theme("x"), theme("x", 2), REGION_INDEX, region("x"),
                 region("x", 2), TIMELINE, GLOSSARY, glossary_term("x"), glossary_term("x", 2), OTHERS, SOURCES_JSON,
                 SOURCES_SCHEMA, RSS, JSON_FEED, theme_feed("x"), FIGURES_CSV, PASSAGES_CSV, PARAMETERS,
                 PARAMETERS_JSON, PARAMETERS_SCHEMA, PARAMETERS_CSV, SEARCH, SEARCH_RECORDS,
                 SEARCH_SOURCE_RECORDS)
))


def url(page: str) -> str:
    """The site-relative URL MkDocs publishes a page at ("sources/x.md" -> "sources/x/")."""
    if page == HOME:
        return ""
    if page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[: -len(".md")] + "/" if page.endswith(".md") else page


def href(from_page: str, target: str) -> str:
    """A link written as raw HTML (an inline chart's), which MkDocs does not rewrite: from
    the published URL of one page to that of another path under docs/ (query and anchor kept)."""
    path, tail = split_tail(target)
    return (relative(url(from_page), url(path)) or "./") + tail


def split_tail(target: str) -> tuple[str, str]:
    """A link's path and what follows it (its query and anchor, with their ? and #)."""
    end = min((at for at in (target.find("?"), target.find("#")) if at >= 0), default=len(target))
    return target[:end], target[end:]


def relative(here: str, there: str) -> str:
    """The relative path from `here` to `there`, both from the same root ("a/b.md", "a/b/");
    shared by the Markdown links between pages and the links written as raw HTML."""
    mine, theirs = here.split("/")[:-1], there.split("/")
    shared = 0
    while shared < min(len(mine), len(theirs) - 1) and mine[shared] == theirs[shared]:
        shared += 1
    return "/".join([".."] * (len(mine) - shared) + theirs[shared:])
