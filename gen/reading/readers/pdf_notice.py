"""Government notices extracted from PDF: issuer, a title split over lines, a document
number (威财采〔2023〕3 号), the date, then text hard-wrapped every ~30 characters with
page-break artefacts, sections 一、… and items 1.…"""

from __future__ import annotations

import re

from gen.cleaning.dates import DateError, parse_date
from gen.cleaning.text import PDF_STEPS, run_steps
from gen.models import Block, RawDocument, Source
from gen.reading.readers._scrape import text_family_score
from gen.rules import boilerplate

NAME = "pdf_notice"
DOC_NUMBER = re.compile(r"([\u4e00-\u9fa5]{1,12})[〔\[［(（](\d{4})[〕\]］)）](\d{1,4})号")
_DATE_LINE = re.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[二〇○零一三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$"
)
_ISSUER = re.compile(r"(局|厅|委|委员会|政府|办公室|办公厅|中心|部|署|院|处|会|公司)(文件)?$")
_TITLE_END = ("通知", "意见", "办法", "方案", "要点", "决定", "公告", "通告", "函", "规定", "细则", "批复", "报告")
_STRUCTURE = re.compile(r"^(?:[一二三四五六七八九十]+、|\d{1,3}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十百]+[条章节]|附件)")
_SOFT_END = "，、,"
_HARD_END = "。！？!?：:；;"


def score(source: Source) -> float:
    return text_family_score(source, NAME)


def read(source: Source) -> RawDocument:
    text = source.body
    rules = boilerplate()
    # page numbers and similar junk lines go before joining, or they land mid-sentence
    lines = [line for line in run_steps(text, PDF_STEPS).split("\n") if line and not rules.is_drop(line)]
    number_at, doc_number = _doc_number(lines)
    issuer = lines[0] if lines and _ISSUER.search(lines[0]) and len(lines[0]) <= 30 else ""
    title_start = 1 if issuer else 0
    title_end = number_at if number_at > 0 else _title_end(lines)
    if number_at >= 0 and title_end <= title_start:
        # red-header documents: issuer, number, then the title ("关于…" … "的实施意见")
        title_start = number_at + 1
        title_end = _title_end(lines, title_start)
    title = "".join(lines[title_start:title_end])
    date_at = next((i for i, line in enumerate(lines[:60]) if _DATE_LINE.match(line)), -1)
    signer = lines[date_at - 1] if date_at > 0 and _ISSUER.search(lines[date_at - 1]) else ""
    skip = {i for i in (number_at, date_at, date_at - 1 if signer else -1) if i >= 0}
    body_lines = [line for i, line in enumerate(lines) if i >= title_end and i not in skip and i != 0]
    warnings: list[str] = []
    date = ("", "")
    if date_at >= 0:
        try:
            date = parse_date(lines[date_at])
        except DateError as error:
            warnings.append(str(error))
    else:
        warnings.append("no date found")
    return RawDocument(
        blocks=tuple(Block("p", p) for p in join_wrapped(body_lines)),
        title=title,
        date=date[0],
        datetime=date[1],
        publisher=signer or issuer,
        doc_number=doc_number,
        warnings=tuple(warnings),
    )


def _doc_number(lines: list[str]) -> tuple[int, str]:
    for index, line in enumerate(lines[:25]):
        match = DOC_NUMBER.search(line)
        if match and len(line) <= 30:
            return index, f"{match.group(1)}〔{match.group(2)}〕{match.group(3)}号"
    return -1, ""


def _title_end(lines: list[str], start: int = 0) -> int:
    """The title runs from `start` to the line that ends like a title (…的通知, …意见)."""
    for index in range(start, min(len(lines), start + 6)):
        if lines[index].endswith(_TITLE_END):
            return index + 1
        if lines[index].endswith(("：", ":")):
            return index
    return start + 1 if len(lines) > start else start


def join_wrapped(lines: list[str]) -> list[str]:
    """Re-join hard-wrapped lines into paragraphs.

    A line ends its paragraph when the next line opens a section or item, when it ends
    a sentence well short of the typical line width, or when it is short and does not
    end on a comma (titles, signatures).
    """
    if not lines:
        return []
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(0.8 * (len(lengths) - 1))]
    paragraphs: list[str] = []
    current = previous = ""
    for line in lines:
        if current and _ends_paragraph(previous, line, width):
            paragraphs.append(current)
            current = ""
        current += line
        previous = line
    if current:
        paragraphs.append(current)
    return paragraphs


def _ends_paragraph(previous: str, line: str, width: int) -> bool:
    if _STRUCTURE.match(line):
        return True
    if previous[-1] in _HARD_END and len(previous) < width - 1:
        return True
    return len(previous) < 0.7 * width and previous[-1] not in _SOFT_END
