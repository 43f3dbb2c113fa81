"""What plain-text page scrapes share: one paragraph a line, chrome around the article."""

from __future__ import annotations

from gen.cleaning.blocks import finish_body
from gen.cleaning.dates import find_date
from gen.cleaning.text import TEXT_STEPS, run_steps
from gen.models import Block, Document, Meta
from gen.reading.readers import common
from gen.rules import Boilerplate, boilerplate


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
    lines: list[str], source_file: str, fmt: str, *, title: str, date: tuple[str, str], publisher: str = "",
    summary: str = "",
) -> Document:
    """`lines`: the cleaned non-empty lines of the scrape (see lines_of)."""
    rules = boilerplate()
    title = common.clean_title(title, rules)
    blocks, credits = finish_body([Block("p", line) for line in lines], title, rules, scrape=True)
    title = common.repair_title(title, credits.original_title) or common.derive_title(blocks)
    warnings = [] if date[0] else ["no date found"]
    meta = Meta(
        title=title,
        date=date[0],
        datetime=date[1],
        publisher=credits.publisher or common.source_named_on([ln for ln in lines[:15] if rules.is_header(ln)]) or publisher,
        author=credits.author,
        summary=common.summary_of(summary, blocks),
    )
    return common.document(source_file, fmt, meta, blocks, warnings)
