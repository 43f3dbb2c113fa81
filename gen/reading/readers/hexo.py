"""Hexo posts from feed archives: RFC 1123 GMT dates, `categories` lists, cover images,
and `author` naming the aggregating portal rather than the writer."""

from __future__ import annotations

import re

from gen.models import RawDocument, Source
from gen.reading.readers._post import is_html_post, read_post

NAME = "hexo"
_RFC1123 = re.compile(r"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$")
_HEXO_KEYS = ("headimg", "thumbnail", "cover", "top_img", "comments", "categories")


def is_hexo(source: Source) -> bool:
    return _points(source.front or {}, source.text) >= 2


def score(source: Source) -> float:
    return 1.0 if is_html_post(source) and is_hexo(source) else 0.0


def _points(fm: dict, raw_text: str) -> int:
    """How strongly the front matter looks like Hexo's rather than Jekyll's."""
    points = sum(1 for key in _HEXO_KEYS if key in fm)
    if _RFC1123.match(str(fm.get("date", "")).strip()):
        points += 3
    if raw_text.startswith("\n") or raw_text.startswith("\r\n"):
        points += 1
    if "layout" in fm:
        points -= 2
    return points


def read(source: Source) -> RawDocument:
    return read_post(source, aggregator_author=True)
