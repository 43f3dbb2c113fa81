"""Plain-text scrapes of news portals: masthead, breadcrumb (当前位置:首页 >> …), a
"栏目: … 时间:… 发布:…" line, 【摘要】, kicker lines, a byline (■ name), the article, then
copyright, 责任编辑, 本文来源 and subscription adverts."""

from __future__ import annotations

import re

from gen.cleaning.text import squash
from gen.models import RawDocument, Source
from gen.reading.readers._scrape import first_date, lines_of, read_scrape, text_family_score
from gen.rules import boilerplate

NAME = "portal_scrape"
_BREADCRUMB = re.compile(r"^(?:当前位置|您(?:现在)?的位置)\s*[:：](.*)$")
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|>|›|»|/)\s*")
_MASTHEAD = re.compile(r"^([\u4e00-\u9fa5]{2,20}?)社?(?:主办|出版)")
_ABSTRACT = re.compile(r"^【(?:摘要|内容提要|导读)】\s*[:：]?\s*(.*)$")


def score(source: Source) -> float:
    return text_family_score(source, NAME)


def read(source: Source) -> RawDocument:
    rules = boilerplate()
    lines = lines_of(source.body)
    title = _title(lines)
    masthead = _MASTHEAD.match(lines[0]) if lines else None
    return read_scrape(
        lines,
        title=title,
        date=first_date(lines, rules),
        publisher=masthead.group(1) if masthead else "",
        summary=_abstract(lines, title),
    )


def _title(lines: list[str]) -> str:
    """The line the head repeats; else the breadcrumb's last step; else the first line."""
    head = lines[:12]
    keys = [squash(line) for line in head]
    for line, key in zip(head, keys, strict=True):
        if len(key) >= 6 and keys.count(key) >= 2:
            return line
    for line in head:
        crumb = _BREADCRUMB.match(line)
        if crumb:
            steps = [s for s in _CRUMB_SPLIT.split(crumb.group(1)) if s]
            if steps:
                return steps[-1]
    return lines[0] if lines else ""


def _abstract(lines: list[str], title: str) -> str:
    for index, line in enumerate(lines[:15]):
        match = _ABSTRACT.match(line)
        if not match:
            continue
        text = match.group(1) or (lines[index + 1] if index + 1 < len(lines) else "")
        if len(text) >= 20 and squash(text) != squash(title) and "。" in text:
            return text
    return ""
