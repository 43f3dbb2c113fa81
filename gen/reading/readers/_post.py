"""What Jekyll and Hexo posts share: front matter plus an HTML body with Markdown leftovers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from gen.cleaning.dates import DateError, parse_date
from gen.cleaning.text import clean_inline
from gen.models import Block, RawDocument, Source
from gen.reading.readers import common
from gen.rendering.markup import safe_url
from gen.rules import boilerplate

_AUTOLINK = re.compile(r"^\s*<(https?://[^>\s]+)>\s*$")
_ORIGINAL_LINK = re.compile(r"^\s*\[[^\]]*(?:原文|原始|来源|source)[^\]]*\]\((https?://[^)\s]+)\)\s*$", re.I)
_SUMMARY_LINE = re.compile(r"^\s*>\s?(.+)$")
_HTML_TAG = re.compile(r"<(p|div|span|br|img|h[1-6]|section|article|font|strong|table|ul|ol)\b", re.I)


@dataclass(frozen=True)
class PostParts:
    html: str
    url: str
    summary: str


def looks_like_html(body: str) -> bool:
    return bool(_HTML_TAG.search(body))


def split_markdown_leftovers(body: str) -> PostParts:
    """Pull the original link and a "> " summary out of the body; keep the HTML."""
    url = summary = ""
    kept: list[str] = []
    for line in body.split("\n"):
        if match := (_AUTOLINK.match(line) or _ORIGINAL_LINK.match(line)):
            url = url or match.group(1)
            continue
        if (match := _SUMMARY_LINE.match(line)) and not line.lstrip().startswith("<"):
            summary = summary or clean_inline(match.group(1))
            continue
        kept.append(line)
    return PostParts("\n".join(kept), url, summary)


def read_post(source: Source, *, aggregator_author: bool) -> RawDocument:
    """Shared reading of a post; `aggregator_author` says the `author` key names a portal."""
    # bs4 is slow to import, and runs that read only text sources never need it.
    from gen.cleaning.htmlblocks import html_to_blocks

    fm = source.front or {}
    rules = boilerplate()
    parts = split_markdown_leftovers(source.body)
    blocks = html_to_blocks(parts.html, rules)
    warnings: list[str] = []
    date, moment = "", ""
    try:
        date, moment = parse_date(fm.get("date"))
    except DateError as error:
        warnings.append(str(error))
    fm_author = str(fm.get("author") or "").strip()
    declared = str(fm.get("publisher") or fm.get("source") or "").strip()
    return RawDocument(
        blocks=tuple(blocks),
        title=common.clean_title(str(fm.get("title") or ""), rules) or _title_from_blocks(blocks),
        date=date,
        datetime=moment,
        publisher_hint=declared or (fm_author if aggregator_author else ""),
        author_hint="" if aggregator_author else fm_author,
        url=safe_url(str(fm.get("link") or fm.get("url") or fm.get("original") or parts.url or "")),
        summary=str(fm.get("description") or fm.get("excerpt") or parts.summary),
        warnings=tuple(warnings),
    )


def is_html_post(source: Source) -> bool:
    """Front matter over an HTML body: a Jekyll or Hexo post."""
    return source.front is not None and looks_like_html(source.body)


def _title_from_blocks(blocks: list[Block]) -> str:
    for block in blocks[:6]:
        if block.kind in ("bold", "h") and len(block.text) >= 8:
            return block.text
    return ""
