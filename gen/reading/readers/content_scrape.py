"""Plain-text scrapes of content sites: title, a "user date 阅读:N 评论:N" header line, a
teaser ending in "...", the article, then site chrome (版权声明, 热门标签, 热门文章…)."""

from __future__ import annotations

from gen.models import Document
from gen.reading.readers._scrape import first_date, lines_of, read_scrape
from gen.rules import boilerplate

FORMAT = "content_scrape"


def read(text: str, source_file: str, fmt: str = FORMAT) -> Document:
    lines = lines_of(text)
    title = lines[0] if lines else ""
    return read_scrape(lines, source_file, fmt, title=title, date=first_date(lines, boilerplate()))
