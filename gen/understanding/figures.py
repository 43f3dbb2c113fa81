"""Figures a paragraph reports: amounts in yuan, percentages, ranges, counts with units.

`683.77亿元` -> 68377000000 CNY; `4000余万元` -> 40000000 CNY; `89.71%` -> 89.71 %;
`6%—10%` -> 6 % (upper 10); `1.5万名` -> 15000 名. Chinese numerals go through cn2an.
"""

from __future__ import annotations

import re

from gen.models import Figure

# A number has a bounded length, and an attempt starts only where a match can begin that
# no earlier attempt in the same run would have found: not inside a run of digits (or of
# numerals), not on a three-digit group after "1," and not on final decimals after "1.".
# Otherwise each position of a long run starts an attempt that rescans the rest of the
# run, which is quadratic. A run longer than any real figure (an id, hostile input) gives
# no figure rather than a piece of one.
_NUM = (r"(?<!\d)(?:(?<!\d,)|(?!\d{3}(?!\d)))(?:(?<!\d\.)|(?=\d{1,15}[.,]))"
        r"\d{1,15}(?:,\d{3}){0,5}(?:\.\d{1,15})?")
_CN_DIGITS = "零一二两三四五六七八九十百千"
_CN_NUM = rf"(?<![{_CN_DIGITS}])[{_CN_DIGITS}]{{1,12}}(?:点[零一二三四五六七八九]{{1,12}})?"
_APPROX = r"(?:余|多|来)?"
_MAGNITUDE = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10_000, "十万": 100_000, "百万": 1_000_000,
              "千万": 10_000_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
_MAG = r"(?P<mag>万亿|千万|百万|十万|亿|万|千|百)?"
COUNTERS = "家|名|个|条|项|件|笔|单|户|人次|人|款|类|批|所|座|份|套|台|辆|万人次|次|场|个百分点"
_AMOUNT = re.compile(rf"(?P<num>{_NUM}|{_CN_NUM}){_APPROX}{_MAG}{_APPROX}元")
_RANGE = re.compile(rf"(?P<low>{_NUM})%?\s*(?:—|－|-|~|～|至|到)\s*(?P<high>{_NUM})%")
_PERCENT = re.compile(rf"(?P<num>{_NUM})%")
_COUNT = re.compile(rf"(?P<num>{_NUM}|{_CN_NUM}){_APPROX}{_MAG}{_APPROX}(?P<unit>{COUNTERS})")


_ANY_NUMBER = re.compile(r"[0-9零一二两三四五六七八九十百千]")


def find_figures(text: str) -> tuple[Figure, ...]:
    if not _ANY_NUMBER.search(text):
        return ()
    found: list[tuple[int, Figure]] = []
    # One flag per character: checking a match against every earlier one would be
    # quadratic in the number of figures a paragraph holds.
    taken = bytearray(len(text))

    def claim(match: re.Match[str]) -> bool:
        start, end = match.span()
        if taken.find(1, start, end) != -1:
            return False
        taken[start:end] = b"\x01" * (end - start)
        return True

    for match in _AMOUNT.finditer(text) if "元" in text else ():  # `in` first: scanning is far cheaper
        value = _number(match["num"])
        if value is not None and claim(match):
            found.append((match.start(), Figure(match.group(0), _tidy(value * _MAGNITUDE[match["mag"] or ""]), "CNY")))
    for match in _RANGE.finditer(text) if "%" in text else ():
        low, high = _number(match["low"]), _number(match["high"])
        if low is not None and high is not None and claim(match):
            found.append((match.start(), Figure(match.group(0), low, "%", upper=high)))
    for match in _PERCENT.finditer(text) if "%" in text else ():
        value = _number(match["num"])
        if value is not None and claim(match):
            found.append((match.start(), Figure(match.group(0), value, "%")))
    for match in _COUNT.finditer(text):
        spelled_out = not match["num"][0].isdigit()
        if spelled_out and len(match["num"]) == 1 and match["num"] != "十":
            continue  # 一个, 两家: words, not figures (and cn2an is slow to load)
        value = _number(match["num"])
        if value is not None and value > 0 and not (spelled_out and value < 10) and claim(match):
            unit = match["unit"]
            found.append((match.start(), Figure(match.group(0), _tidy(value * _MAGNITUDE[match["mag"] or ""]), unit)))
    return tuple(f for _, f in sorted(found, key=lambda item: item[0]))


def _number(text: str) -> float | None:
    text = text.replace(",", "")
    try:
        if re.fullmatch(r"[\d.]+", text):
            value = float(text)
        else:
            import cn2an  # slow to import; only Chinese numerals need it

            value = float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError):
        return None
    return _tidy(value)


def _tidy(value: float) -> float:
    """Whole numbers as int, so 683.77亿 is 68377000000, not 68377000000.00001."""
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded
