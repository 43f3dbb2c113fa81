"""Whole HTML pages: trafilatura finds the main text and metadata; our rules add the
Chinese dates ("2022年05月30日") and credits that generic extractors miss."""

from __future__ import annotations

import re

from gen.cleaning.dates import DateError, find_date, parse_date
from gen.models import RawDocument, Source
from gen.reading.readers import common
from gen.rendering.markup import safe_url
from gen.rules import boilerplate

NAME = "html_page"
_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.I)


def score(source: Source) -> float:
    """A whole HTML document (doctype, <html> or <body>) without front matter; it outranks
    the plain-text families, whose signals may also appear in a page's text."""
    return 100.0 if source.front is None and _PAGE.search(source.body[:2000]) else 0.0


def read(source: Source) -> RawDocument:
    import trafilatura  # heavy; only whole HTML pages need it
    from bs4 import BeautifulSoup

    from gen.cleaning.foreign import release_swallowed
    from gen.cleaning.htmlblocks import html_to_blocks

    text = release_swallowed(source.body)  # before trafilatura, which drops <svg> with what it swallowed
    rules = boilerplate()
    main_html = trafilatura.extract(
        text, output_format="html", include_images=True, include_links=True, include_formatting=True,
        favor_recall=True, deduplicate=False,
    ) or ""
    found = trafilatura.extract_metadata(text)
    page = BeautifulSoup(text[:300_000], "html.parser")
    visible = page.get_text("\n")
    date = _page_date(visible, found.date if found else "")
    return RawDocument(
        blocks=tuple(html_to_blocks(main_html, rules)),
        title=(found.title if found else "") or _html_title(page),
        date=date[0],
        datetime=date[1],
        publisher_hint=common.source_named_on(visible[:20_000].split("\n")) or (found.sitename if found and found.sitename else ""),
        author_hint=found.author if found and found.author else "",
        url=safe_url(found.url if found and found.url else ""),
        summary=found.description if found and found.description else "",
        warnings=() if date[0] else ("no date found",),
    )


def _html_title(page) -> str:
    heading = page.find("h1") or page.find("title")
    return heading.get_text(" ", strip=True) if heading else ""


def _page_date(visible: str, extracted: str) -> tuple[str, str]:
    """Chinese publication lines beat generic guesses: they carry the time of day too."""
    for line in visible.split("\n"):
        if re.search(r"(发布|时间|日期|来源)", line) and (found := find_date(line)):
            return found
    try:
        return parse_date(extracted) if extracted else ("", "")
    except DateError:
        return "", ""
