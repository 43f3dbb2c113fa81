"""What plain-text page scrapes share: one paragraph a line, chrome around the article."""

from __future__ import annotations

from gen.cleaning.dates import find_date
from gen.cleaning.text import TEXT_STEPS, run_steps
from gen.models import Block, RawDocument, Source
from gen.reading.readers import common
from gen.rules import Boilerplate, boilerplate, formats


def lines_of(text: str) -> list[str]:
    return [line for line in run_steps(text, TEXT_STEPS).split("\n") if line]


def first_date(lines: list[str], rules: Boilerplate, limit: int = 15) -> tuple[str, str]:
    """The date on the first header line that carries one."""
    for line in lines[:limit]:
        if rules.is_header(line) or line.startswith(("时间", "发布时间", "日期")):
            found = find_date(line)
            if found:
                return found
    return "", ""


def read_scrape(
    lines: list[str], *, title: str, date: tuple[str, str], publisher: str = "", summary: str = "",
) -> RawDocument:
    """`lines`: the cleaned non-empty lines of the scrape (see lines_of); `publisher`: a
    guess (a masthead) for when neither the body nor a header line names the source."""
    rules = boilerplate()
    return RawDocument(
        blocks=tuple(Block("p", line) for line in lines),
        title=title,
        date=date[0],
        datetime=date[1],
        publisher_hint=common.source_named_on([ln for ln in lines[:15] if rules.is_header(ln)]) or publisher,
        summary=summary,
        scrape=True,
        warnings=() if date[0] else ("no date found",),
    )


def text_family_score(source: Source, family: str) -> float:
    """The family's signals (gen/data/formats.yml) in the head and tail of a text without
    front matter; 0 below the minimum score."""
    if source.front is not None:
        return 0.0
    rules = formats()
    text = source.body
    head, tail = text[: rules.window], text[-rules.window:]
    points = (sum(s.weight for s in rules.head_signals.get(family, ()) if s.pattern.search(head))
              + sum(s.weight for s in rules.tail_signals.get(family, ()) if s.pattern.search(tail)))
    return points if points >= rules.min_score else 0.0
