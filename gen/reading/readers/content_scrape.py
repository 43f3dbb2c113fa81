"""Plain-text scrapes of content sites: title, a "user date 阅读:N 评论:N" header line, a
teaser ending in "...", the article, then site chrome (版权声明, 热门标签, 热门文章…)."""

from __future__ import annotations

from gen.models import RawDocument, Source
from gen.reading.readers._scrape import first_date, lines_of, read_scrape, text_family_score
from gen.rules import boilerplate

NAME = "content_scrape"


def score(source: Source) -> float:
    return text_family_score(source, NAME)


def read(source: Source) -> RawDocument:
    lines = lines_of(source.body)
    title = lines[0] if lines else ""
    return read_scrape(lines, title=title, date=first_date(lines, boilerplate()))
