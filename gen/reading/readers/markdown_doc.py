"""Clean Markdown with front matter: validated and passed through paragraph by paragraph."""

from __future__ import annotations

import re

from gen.cleaning.blocks import finish_body
from gen.cleaning.dates import DateError, parse_date
from gen.cleaning.text import clean_inline
from gen.models import Block, Document, Meta
from gen.reading.readers import common
from gen.reading.readers._post import split_markdown_leftovers
from gen.rendering.markup import safe_url
from gen.rules import boilerplate

FORMAT = "markdown"
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)[^)]*\)\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
_INLINE_MARK = re.compile(r"(\*\*|__|\*|`)")


def read(fm: dict, body: str, source_file: str) -> Document:
    rules = boilerplate()
    parts = split_markdown_leftovers(body)  # original link and "> " summary, as in posts
    blocks = [_block(chunk) for chunk in _chunks(parts.html) if not rules.nav_line.match(chunk.strip())]
    title = common.clean_title(str(fm.get("title") or ""), rules)
    blocks, credits = finish_body([b for b in blocks if b.text or b.src], title, rules, scrape=False)
    warnings: list[str] = []
    date = ("", "")
    try:
        date = parse_date(fm.get("date"))
    except DateError as error:
        warnings.append(str(error))
    meta = Meta(
        title=title or common.derive_title(blocks),
        date=date[0],
        datetime=date[1],
        publisher=str(fm.get("publisher") or credits.publisher or ""),
        author=str(fm.get("author") or credits.author or ""),
        url=safe_url(str(fm.get("url") or fm.get("link") or parts.url or "")),
        doc_number=str(fm.get("doc_number") or ""),
        summary=common.summary_of(str(fm.get("summary") or fm.get("description") or parts.summary), blocks),
    )
    return common.document(source_file, FORMAT, meta, blocks, warnings)


def _chunks(body: str) -> list[str]:
    """Blank-line separated blocks; each list item is a block of its own."""
    out: list[str] = []
    for chunk in re.split(r"\n\s*\n", body):
        if _LIST_ITEM.match(chunk):
            out.extend(item for item in _LIST_ITEM.split(chunk) if item.strip())
        elif chunk.strip():
            out.append(chunk)
    return out


def _block(chunk: str) -> Block:
    chunk = chunk.strip()
    heading = _HEADING.match(chunk)
    if heading and "\n" not in chunk:
        return Block("h", clean_inline(_strip_marks(heading.group(1))))
    image = _IMAGE.match(chunk)
    if image:
        return Block("img", clean_inline(image.group(1)), src=safe_url(image.group(2)))
    chunk = re.sub(r"^\s*(?:[-*+]|>)\s+", "", chunk, flags=re.M)
    links = tuple((label, safe_url(url)) for label, url in _LINK.findall(chunk) if safe_url(url))
    text = _LINK.sub(r"\1", chunk)
    return Block("p", clean_inline(_strip_marks(text)), links=links)


def _strip_marks(text: str) -> str:
    return _INLINE_MARK.sub("", text)
