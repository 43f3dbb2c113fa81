"""Hard-wrapped tender lines back into paragraphs.

PDF extraction breaks every line at the page width, splits table cells onto lines of their
own and puts filled-in blanks ("本合同一式" / "陆" / "份，…") on separate lines. A line
continues the paragraph unless it opens a numbered item, a heading or a checkbox list, or
the line before ended a sentence short of the width.
"""

from __future__ import annotations

import re

from gen.reading.readers._tender_layout import PAGE_BREAK, PART

# Numbered items and sub-clauses that always start a paragraph.
STRUCTURE = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    r"\d{1,2}(?:\.\d{1,2}){0,4}(?:[.．、](?!\d)|\s)|[①-⑳]|[★▲◆●※]|注\s*[\d①-⑳]?[:：]|[A-Za-z][.．、)）](?![A-Za-z])|"
    r"(?:附件|格式)\s*[\d一二三四五六七八九十])"
)
CHECKBOX = re.compile(r"^[□☑■☐√]")
LABELLED = re.compile(r"^[\u4e00-\u9fa5]{2,10}[:：]")  # "项目编号：…", "地址：…": a field of its own
_HARD_END = "。！？!?；;：:"
_SOFT_END = "，、,（(《“‘"
_TAIL_OF_SENTENCE = re.compile(r"^[^\s，。、；：]{1,2}[，、；。]")  # "份，由甲乙双方…": a broken sentence's end
_PUNCT_END = re.compile(r"[。！？!?；;：:，、,）)》”’」]$")


def paragraphs(lines: list[str]) -> list[str]:
    body = [line for line in lines if line != PAGE_BREAK]
    if not body:
        return []
    lengths = sorted(len(line) for line in body)
    width = lengths[int(0.8 * (len(lengths) - 1))]
    out: list[str] = []
    current = previous = ""
    for line in body:
        if current and _starts_paragraph(previous, line, width):
            out.append(current)
            current = ""
        if current and CHECKBOX.match(line):
            current += " "
        current += line
        previous = line
    if current:
        out.append(current)
    return out


def _starts_paragraph(previous: str, line: str, width: int) -> bool:
    part_before = PART.match(previous)
    if part_before and not part_before.group(3) and len(line) <= 20 and not STRUCTURE.match(line):
        return False  # "第四章" and its name "评标" on the next line
    if PART.match(line) or part_before:
        return True
    if CHECKBOX.match(line):
        return bool(_PUNCT_END.search(previous)) and previous[-1] in "。；;"
    if STRUCTURE.match(line) or LABELLED.match(line):
        return True
    if _TAIL_OF_SENTENCE.match(line):
        return False
    if len(line) <= 2 and not line.isdigit() and not _PUNCT_END.search(previous):
        return False  # a filled-in blank or a split table cell
    if previous[-1] in _HARD_END and len(previous) < width - 1:
        return True
    return len(previous) < 0.6 * width and previous[-1] not in _SOFT_END
