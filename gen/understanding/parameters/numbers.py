"""The numbers of a policy sentence: percentages and ranges, amounts in 元, counts, days.

Full-width digits and signs are read as ASCII by `normalise`, which maps one character to
one character, so every span found in the normalised text is the same span of the original
(quotes are cut from the original). Chinese numerals (百分之三十, 一个工作日) are read by
`chinese_number`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "％": "%", "．": ".", "～": "~"})

NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN = r"[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?"
_DASH = r"(?:—{1,2}|–|－|-|~|至|到)"
_RANGE = re.compile(rf"(?:(?P<a>{NUM})\s*%?|百分之(?P<ac>{CN}))\s*{_DASH}\s*(?:(?P<b>{NUM})\s*%|百分之(?P<bc>{CN}))")
_PERCENT = re.compile(rf"(?:(?P<n>{NUM})\s*%|百分之(?P<c>{CN}))")
_MAGNITUDES = {"": 1, "千": 1_000, "万": 10_000, "十万": 100_000, "百万": 1_000_000, "千万": 10_000_000,
               "亿": 100_000_000, "万亿": 1_000_000_000_000}
_AMOUNT = re.compile(rf"(?:(?P<n>{NUM})|(?P<c>{CN}))\s*(?P<approx>余|多)?\s*(?P<mag>万亿|千万|百万|十万|亿|万|千)?"
                     rf"\s*(?P<approx2>余|多)?\s*元")
_COUNT = re.compile(rf"(?:(?P<n>{NUM})|(?P<c>{CN}))\s*(?P<approx>余|多)?\s*(?P<mag>万|亿)?\s*(?P<approx2>余|多)?"
                    r"\s*(?P<unit>家|笔|户)")
_DAYS = re.compile(rf"(?:(?P<n>{NUM})|(?P<c>{CN}))\s*个?\s*(?P<unit>工作日|日历天|日|天)")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True)
class Token:
    kind: str  # percent | amount | count | days
    low: float
    high: float | None
    unit: str  # %, 元, 家/笔/户, days / working_days
    start: int
    end: int
    approx: str = ""  # 余/多 written inside the figure ("8万余笔")


_HAS_FULL_WIDTH = re.compile("[０-９％．～]")


def normalise(text: str) -> str:
    # str.translate is slow on CJK text: skip it when it would change nothing
    return text.translate(_FULL_WIDTH) if _HAS_FULL_WIDTH.search(text) else text


def chinese_number(text: str) -> float | None:
    """一 -> 1, 十五 -> 15, 三十 -> 30, 一百零五 -> 105, 二点五 -> 2.5; None if it is not one."""
    whole, _, fraction = text.partition("点")
    total = current = 0
    for char in whole:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            return None
    total += current
    if fraction:
        if any(c not in _DIGITS for c in fraction):
            return None
        return tidy(float(f"{total}." + "".join(str(_DIGITS[c]) for c in fraction)))
    return total if whole else None


def tidy(value: float) -> float:
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded


def _value(digits: str | None, chinese: str | None) -> float | None:
    if digits:
        return tidy(float(digits.replace(",", "")))
    return chinese_number(chinese) if chinese else None


def tokens(text: str) -> list[Token]:
    """Every number with a unit, in order, none overlapping (a range before its parts)."""
    text = normalise(text)
    found: list[Token] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(token: Token) -> None:
        taken.append((token.start, token.end))
        found.append(token)

    percent = "%" in text or "百分之" in text  # `in` first: scanning is far cheaper
    for m in _RANGE.finditer(text) if percent else ():
        low, high = _value(m["a"], m["ac"]), _value(m["b"], m["bc"])
        if low is not None and high is not None and low < high and free(*m.span()):
            add(Token("percent", low, high, "%", *m.span()))
    for m in _PERCENT.finditer(text) if percent else ():
        value = _value(m["n"], m["c"])
        if value is not None and free(*m.span()):
            add(Token("percent", value, None, "%", *m.span()))
    for m in _AMOUNT.finditer(text) if "元" in text else ():
        value = _value(m["n"], m["c"])
        if value is not None and _is_number_start(text, m.start()) and free(*m.span()):
            amount = tidy(value * _MAGNITUDES[m["mag"] or ""])
            add(Token("amount", amount, None, "元", *m.span(), approx=m["approx"] or m["approx2"] or ""))
    for m in _COUNT.finditer(text) if ("家" in text or "笔" in text or "户" in text) else ():
        value = _value(m["n"], m["c"])
        if value is not None and value > 0 and _is_number_start(text, m.start()) and free(*m.span()):
            count = tidy(value * _MAGNITUDES[m["mag"] or ""])
            add(Token("count", count, None, m["unit"], *m.span(), approx=m["approx"] or m["approx2"] or ""))
    for m in _DAYS.finditer(text) if ("日" in text or "天" in text) else ():
        value = _value(m["n"], m["c"])
        if value is None or value <= 0 or not _is_number_start(text, m.start()) or not free(*m.span()):
            continue
        if text[max(0, m.start() - 1):m.start()] in ("月", "年") or text[m.end():m.end() + 1] == "起" and m["unit"] == "日":
            continue  # a date (7月15日, 1日起), not a length of time
        unit = "working_days" if m["unit"] == "工作日" else "days"
        add(Token("days", value, None, unit, *m.span()))
    return sorted(found, key=lambda t: t.start)


def _is_number_start(text: str, start: int) -> bool:
    """Not the tail of a longer number or word ("第一个", "统一" are not counts)."""
    before = text[start - 1:start] if start else ""
    if before in (".", ","):
        return not text[start - 2:start - 1].isdigit()  # "1,000" and "2.5" continue a number
    return not (before.isdigit() or (before and before in "第统唯单之每"))
