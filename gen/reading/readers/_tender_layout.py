"""What PDF extraction leaves in a tender document, and how to take it out.

Lines are marked or dropped in order: page furniture (numbers, running headers and
footers) becomes a page-break mark, so reminder boxes can end at a page break while
sentences still join across it; then the table of contents, reminder boxes that say they
are not part of the document, and the blank templates at the end. Every rule is one pass
over the lines, and no pattern can backtrack over a long line more than once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from gen.cleaning.text import PDF_STEPS, run_steps
from gen.rules import read_yaml

PAGE_BREAK = "\x00page"
_NUMERAL = "一二三四五六七八九十百零〇"
# A part or chapter heading: 第一部分 投标人须知, 第三章 评标办法.
PART = re.compile(r"^第([" + _NUMERAL + r"\d]{1,4})(部分|章|篇|册)\s*(.{0,40})$")
# Where the front matter ends and the document proper begins.
SECTION_START = re.compile(
    r"^(?:第[" + _NUMERAL + r"\d]{1,4}(?:部分|章|篇|册)|投标邀请|(?:招标|磋商|谈判|询价|采购|比选|遴选)(?:公告|邀请)|"
    r"(?:竞争性)?(?:磋商|谈判)公告|目录$)"
)
# Dot leaders of a contents line; the look-behind makes every search start at a run's first dot.
LEADER = re.compile(r"(?<![.．…·])(?:[.．]{4,}|…{2,}|·{4,})\s*\d{0,4}\s*$")
_CONTENTS = re.compile(r"^目录$")
_BARE_NUMBER = re.compile(r"^\d{1,3}$")
_FULL_WIDTH = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)}
                            | {chr(0xFF21 + i): chr(0x41 + i) for i in range(26)}
                            | {chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_WIDE_JOINERS = re.compile(r"(?<=[0-9A-Za-z])[－．](?=[0-9A-Za-z])|(?<=[0-9])％")
# "2 4 0 万元": starts only where a run of spaced digits starts, so a long run is tried once
_SPACED_DIGITS = re.compile(r"(?<![\d.])(?<!\d )\d(?: \d)+(?= ?(?:万|亿|元|个|名|台|套|件|家|份|人|日|天|年|月|%|分|次|小时|米|周))")
_DIGIT_UNIT_SPACE = re.compile(r"(?<=\d) (?=%)")
BLANK_LINE_MAX = 30
_PAGE_GAP = 4  # a page holds more lines than this, so two page numbers are never closer


@dataclass(frozen=True)
class TenderRules:
    page_lines: re.Pattern[str]
    notice_box: re.Pattern[str]
    notice_disclaimer: re.Pattern[str]
    forms_part: re.Pattern[str]
    blank_field: re.Pattern[str]
    form_heading: re.Pattern[str]


@cache
def tender_rules() -> TenderRules:
    raw = read_yaml("boilerplate.yml")["tender"]
    return TenderRules(
        page_lines=re.compile("|".join(f"(?:{p})" for p in raw["page_lines"])),
        notice_box=re.compile(raw["notice_box"]),
        notice_disclaimer=re.compile(raw["notice_disclaimer"]),
        forms_part=re.compile(raw["forms_part"]),
        blank_field=re.compile(raw["blank_field"]),
        form_heading=re.compile(raw["form_heading"]),
    )


def normalised_lines(text: str) -> list[str]:
    """PDF text steps, full-width digits and letters made ASCII, digits rejoined to units."""
    text = run_steps(text, PDF_STEPS).translate(_FULL_WIDTH)
    text = _WIDE_JOINERS.sub(lambda m: {"－": "-", "．": ".", "％": "%"}[m.group(0)], text)
    text = _SPACED_DIGITS.sub(lambda m: m.group(0).replace(" ", ""), text)
    text = _DIGIT_UNIT_SPACE.sub("", text)
    return [line for line in text.split("\n") if line]


def mark_pages(lines: list[str], rules: TenderRules) -> list[str]:
    """Page numbers become PAGE_BREAK; so do running headers and footers (lines repeated
    beside page numbers), except where they stand on the cover."""
    marked = list(lines)
    last_page, last_at = 0, -_PAGE_GAP
    for index, line in enumerate(lines):
        if rules.page_lines.match(line):
            marked[index], last_at = PAGE_BREAK, index
            number = re.search(r"\d+", line)
            last_page = int(number.group(0)) if number else last_page
        elif _BARE_NUMBER.match(line) and index - last_at >= _PAGE_GAP:
            value = int(line)
            if (last_page == 0 and value <= 5) or last_page < value <= last_page + 2:
                marked[index], last_page, last_at = PAGE_BREAK, value, index
    return _drop_running_lines(marked)


def _drop_running_lines(lines: list[str]) -> list[str]:
    beside: Counter[str] = Counter()
    for index, line in enumerate(lines):
        if line != PAGE_BREAK and len(line) <= 60 and PAGE_BREAK in lines[max(0, index - 2):index + 3]:
            beside[line] += 1
    everywhere = Counter(lines)
    running = {line for line, count in beside.items() if count >= 3 and count >= 0.6 * everywhere[line]}
    if not running:
        return lines
    first_break = lines.index(PAGE_BREAK) if PAGE_BREAK in lines else len(lines)
    return [PAGE_BREAK if line in running and index > min(first_break, 12) else line for index, line in enumerate(lines)]


def cover_end(lines: list[str], rules: TenderRules) -> int:
    """The cover runs to the first reminder box, contents, page break or section."""
    for index, line in enumerate(lines[:40]):
        if index and (line == PAGE_BREAK or rules.notice_box.match(line) or SECTION_START.match(line)
                      or LEADER.search(line)):
            return index
    return min(len(lines), 12)


def drop_contents(lines: list[str]) -> list[str]:
    """Lines with dot leaders, a 目录 line beside them, and page numbers that wrapped off them."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        if LEADER.search(line):
            if kept and _CONTENTS.match(kept[-1]):
                kept.pop()
            elif len(kept) >= 2 and kept[-2] + kept[-1] == "目录":  # "目" and "录" on lines of their own
                del kept[-2:]
            continue
        if _CONTENTS.match(line) and any(LEADER.search(n) for n in lines[index + 1:index + 3]):
            continue
        if _BARE_NUMBER.match(line) and kept and index and LEADER.search(lines[index - 1]):
            continue
        kept.append(line)
    return kept


def drop_notice_boxes(lines: list[str], rules: TenderRules) -> list[str]:
    """A reminder box that disclaims being part of the document, up to the next page break,
    contents or section."""
    kept: list[str] = []
    skipping = False
    for index, line in enumerate(lines):
        if skipping:
            if line == PAGE_BREAK or SECTION_START.match(line) or LEADER.search(line) or rules.notice_box.match(line):
                skipping = False
            else:
                continue
        if rules.notice_box.match(line) and any(rules.notice_disclaimer.search(n) for n in lines[index:index + 3]):
            skipping = True
            continue
        kept.append(line)
    return kept


def drop_forms(lines: list[str], rules: TenderRules) -> list[str]:
    """The part of blank templates (第六章 投标文件格式) up to a later part that is not
    one, and any other section of templates that is mostly blanks."""
    kept: list[str] = []
    in_forms: tuple[str, int] | None = None  # (kind of part, its number)
    for index, line in enumerate(lines):
        part = PART.match(line)
        if part and is_real_part(lines, index):
            number, kind = chinese_number(part.group(1)), part.group(2)
            if rules.forms_part.search(part.group(3)):
                in_forms = in_forms or (kind, number)
            elif in_forms and kind == in_forms[0] and number > in_forms[1]:
                in_forms = None
        if not in_forms:
            kept.append(line)
    return _drop_trailing_blanks(_drop_blank_sections(kept, rules), rules)


def _drop_trailing_blanks(lines: list[str], rules: TenderRules) -> list[str]:
    """A contract's signature block left at the very end ("甲方（盖章）", "签订时间：")."""
    end = len(lines)
    while end and (lines[end - 1] == PAGE_BREAK or _is_blank_line(lines[end - 1], rules)):
        end -= 1
    return lines[:end]


def _is_blank_line(line: str, rules: TenderRules) -> bool:
    """A short line to fill in, not a sentence that mentions signing ("…签字盖章之日起生效。")."""
    return len(line) <= BLANK_LINE_MAX and not line.endswith(("。", "；", ";")) and bool(rules.blank_field.search(line))


def _drop_blank_sections(lines: list[str], rules: TenderRules) -> list[str]:
    starts = [i for i, line in enumerate(lines) if rules.form_heading.match(line) or PART.match(line)]
    doomed: set[int] = set()
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        if not rules.form_heading.match(lines[start]):
            continue
        section = [line for line in lines[start + 1:end] if line != PAGE_BREAK]
        blanks = sum(1 for line in section if rules.blank_field.search(line))
        if section and blanks >= 0.4 * len(section):
            doomed.update(range(start, end))
    return [line for index, line in enumerate(lines) if index not in doomed]


def is_real_part(lines: list[str], index: int) -> bool:
    """A part heading, not an entry of a list of the parts (a neighbour is a part heading too)."""
    neighbours = [n for n in (_neighbour(lines, index, -1), _neighbour(lines, index, 1)) if n]
    return not any(PART.match(n) for n in neighbours)


def _neighbour(lines: list[str], index: int, step: int) -> str:
    at = index + step
    while 0 <= at < len(lines) and lines[at] == PAGE_BREAK:
        at += step
    return lines[at] if 0 <= at < len(lines) else ""


def chinese_number(text: str) -> int:
    """一 .. 九十九 (and Arabic digits) as an int; enough for part and chapter numbers."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0) if tens or ones else 10
    return digits.get(text[-1:], 0)
