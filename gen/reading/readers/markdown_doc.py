"""Clean Markdown with front matter: validated and passed through paragraph by paragraph."""

from __future__ import annotations

import re

from gen.cleaning.dates import DateError, parse_date
from gen.cleaning.text import clean_inline
from gen.models import Block, RawDocument, Source
from gen.reading.readers._post import looks_like_html, split_markdown_leftovers
from gen.rendering.markup import safe_url
from gen.rules import boilerplate

NAME = "markdown"
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)[^)]*\)\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)[^)]*\)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.M)
_INLINE_MARK = re.compile(r"(\*\*|__|\*|`)")


def score(source: Source) -> float:
    """Front matter over a Markdown (not HTML) body."""
    return 1.0 if source.front is not None and not looks_like_html(source.body) else 0.0


def read(source: Source) -> RawDocument:
    fm = source.front or {}
    rules = boilerplate()
    parts = split_markdown_leftovers(source.body)  # original link and "> " summary, as in posts
    blocks = [_block(chunk) for chunk in _chunks(parts.html) if not rules.nav_line.match(chunk.strip())]
    warnings: list[str] = []
    date = ("", "")
    try:
        date = parse_date(fm.get("date"))
    except DateError as error:
        warnings.append(str(error))
    return RawDocument(
        blocks=tuple(b for b in blocks if b.text or b.src),
        title=str(fm.get("title") or ""),
        date=date[0],
        datetime=date[1],
        publisher=str(fm.get("publisher") or ""),
        author=str(fm.get("author") or ""),
        url=safe_url(str(fm.get("url") or fm.get("link") or parts.url or "")),
        doc_number=str(fm.get("doc_number") or ""),
        summary=str(fm.get("summary") or fm.get("description") or parts.summary),
        warnings=tuple(warnings),
    )


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
