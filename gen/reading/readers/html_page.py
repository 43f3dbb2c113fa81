"""Whole HTML pages: trafilatura finds the main text and metadata; our rules add the
Chinese dates ("2022年05月30日") and credits that generic extractors miss."""

from __future__ import annotations

import re

from gen.cleaning.blocks import finish_body
from gen.cleaning.dates import DateError, find_date, parse_date
from gen.models import Document, Meta
from gen.reading.readers import common
from gen.rendering.markup import safe_url
from gen.rules import boilerplate

FORMAT = "html_page"
_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.I)


def matches(text: str) -> bool:
    return bool(_PAGE.search(text[:2000]))


def read(text: str, source_file: str) -> Document:
    import trafilatura  # heavy; only whole HTML pages need it
    from bs4 import BeautifulSoup

    from gen.cleaning.htmlblocks import html_to_blocks

    rules = boilerplate()
    main_html = trafilatura.extract(
        text, output_format="html", include_images=True, include_links=True, include_formatting=True,
        favor_recall=True, deduplicate=False,
    ) or ""
    found = trafilatura.extract_metadata(text)
    page = BeautifulSoup(text[:300_000], "html.parser")
    visible = page.get_text("\n")
    blocks = html_to_blocks(main_html, rules)
    title = common.clean_title((found.title if found else "") or _html_title(page), rules)
    blocks, credits = finish_body(blocks, title, rules, scrape=False)
    title = common.repair_title(title, credits.original_title) or common.derive_title(blocks)
    warnings: list[str] = []
    date = _page_date(visible, found.date if found else "")
    if not date[0]:
        warnings.append("no date found")
    meta = Meta(
        title=title,
        date=date[0],
        datetime=date[1],
        publisher=credits.publisher or common.source_named_on(visible[:20_000].split("\n")) or (found.sitename if found and found.sitename else ""),
        author=credits.author or (found.author if found and found.author else ""),
        url=safe_url(found.url if found and found.url else ""),
        summary=common.summary_of(found.description if found and found.description else "", blocks),
    )
    return common.document(source_file, FORMAT, meta, blocks, warnings)


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
