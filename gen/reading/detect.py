"""One reader per source family, chosen from the content, never from the file name.

Every family module has the same contract: `NAME`, `score(source) -> float` (how strongly
the content looks like the family; 0 when it cannot be) and `read(source) -> RawDocument`.
`READERS` lists them; the highest score wins (ties: the earlier in the list), and a text
that no family claims is read as plain text. The steps every family shares then run once
(gen.reading.finish).
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

from gen.models import Document, RawDocument, Source
from gen.reading.finish import finish
from gen.reading.frontmatter import FrontMatterError, split
from gen.reading.readers import (
    cms_page,
    content_scrape,
    digest,
    hexo,
    html_page,
    jekyll,
    law_text,
    markdown_doc,
    pdf_notice,
    portal_scrape,
    tender_text,
)

# Posts and pages are told apart by their structure; the plain-text families by the
# signals in gen/data/formats.yml (alphabetical, so that equal scores resolve as always).
READERS: tuple[ModuleType, ...] = (
    jekyll, hexo, markdown_doc, html_page, content_scrape, pdf_notice, portal_scrape, law_text, tender_text, cms_page, digest,
)
PLAIN_TEXT = "text"  # no family claims it: read line by line, as a content scrape
FORMATS = (*(reader.NAME for reader in READERS), PLAIN_TEXT)


class Unreadable(ValueError):
    """The text holds no article; the message is the report reason."""


def source_of(text: str) -> tuple[Source, tuple[str, ...]]:
    """The text with its front matter split off once; a fence that does not parse is
    reported, and its lines are not published."""
    try:
        front, body = split(text)
    except FrontMatterError as error:
        return Source(text, None, _drop_broken_fence(text)), (str(error),)
    return Source(text, front, body), ()


def choose(source: Source) -> tuple[str, ModuleType]:
    best, best_score = None, 0.0
    for reader in READERS:
        points = reader.score(source)
        if points > best_score:
            best, best_score = reader, points
    return (best.NAME, best) if best is not None else (PLAIN_TEXT, content_scrape)


def detect(text: str) -> str:
    return choose(source_of(text)[0])[0]


def read_text(text: str, source_file: str) -> Document:
    source, warnings = source_of(text)
    family, reader = choose(source)
    raw: RawDocument = reader.read(source)
    if warnings:
        raw = replace(raw, warnings=warnings + raw.warnings)
    document = finish(raw, source_file, family)
    if not document.blocks:
        raise Unreadable(f"no article text found ({family})")
    return document


def _drop_broken_fence(text: str) -> str:
    stripped = text.lstrip()
    if not stripped.startswith("---"):
        return text
    end = stripped.find("\n---", 3)
    return stripped[end + 4:] if end > 0 else stripped[3:]
