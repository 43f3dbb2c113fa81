"""Figures a paragraph reports: amounts in yuan, percentages, ranges, counts with units.

`683.77亿元` -> 68377000000 CNY; `4000余万元` -> 40000000 CNY (qualifier 余); `89.71%` ->
89.71 %; `6%—10%` -> 6 % (upper 10); `1.5万名` -> 15000 名; `近1000家` -> 1000 家 shown as
written, qualifier 近. Chinese numerals go through cn2an. Durations (5个月, 7个工作日) and
ordinals (第十五条) are not counts. The words around a figure (qualifiers, durations,
ordinals) are data in gen/data/figures.yml.
"""

from __future__ import annotations

import re

from gen.models import Figure
from gen.understanding.figure_rules import figure_rules

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
_RULES = figure_rules()
_INSIDE = "|".join(re.escape(w) for w in sorted(_RULES.inside))
_APPROX1, _APPROX2 = rf"(?P<approx1>{_INSIDE})?", rf"(?P<approx2>{_INSIDE})?"
_MAGNITUDE = {"": 1, "十": 10, "百": 100, "千": 1_000, "万": 10_000, "十万": 100_000, "百万": 1_000_000,
              "千万": 10_000_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}
_MAGS = "万亿|千万|百万|十万|亿|万|千|百"
_MAG = rf"(?P<mag>{_MAGS})?"
# longest first: 个百分点 is one unit, not 个 followed by words
COUNTERS = "|".join(sorted("家|名|个|条|项|件|笔|单|户|人次|人|款|类|批|所|座|份|套|台|辆|万人次|次|场|个百分点|个基点".split("|"),
                           key=lambda w: (-len(w), w)))
_DASH = r"\s*(?:—{1,2}|－|-|~|～|至|到)\s*"
_AMOUNT = re.compile(rf"(?P<num>{_NUM}|{_CN_NUM}){_APPROX1}{_MAG}{_APPROX2}元")
_AMOUNT_RANGE = re.compile(rf"(?P<low>{_NUM})(?P<lowmag>{_MAGS})?元?{_DASH}(?P<num>{_NUM}){_MAG}元")
_RANGE = re.compile(rf"(?P<low>{_NUM})%?{_DASH}(?P<high>{_NUM})%")
_PERCENT = re.compile(rf"(?P<num>{_NUM})%")
_COUNT = re.compile(rf"(?P<num>{_NUM}|{_CN_NUM}){_APPROX1}{_MAG}{_APPROX2}(?P<unit>{COUNTERS})")
_COUNT_RANGE = re.compile(rf"(?P<low>{_NUM}){_DASH}(?P<num>{_NUM}){_MAG}(?P<unit>{COUNTERS})")
_DURATION = re.compile(_RULES.duration_after)
_ORDINAL = re.compile(rf"(?:{_RULES.ordinal_before})$")

_ANY_NUMBER = re.compile(r"[0-9零一二两三四五六七八九十百千]")


def find_figures(text: str) -> tuple[Figure, ...]:
    if not _ANY_NUMBER.search(text):
        return ()
    found: list[Figure] = []
    # One flag per character: checking a match against every earlier one would be
    # quadratic in the number of figures a paragraph holds.
    taken = bytearray(len(text))

    def add(match: re.Match[str], value: float, unit: str, upper: float | None = None) -> None:
        start, end = match.span()
        if taken.find(1, start, end) != -1 or _ORDINAL.search(text, max(0, start - 2), start):
            return
        if unit == "个" and _DURATION.match(text, end):
            return  # 5个月, 7个工作日: a duration
        inside = next((g for g in (match.groupdict().get("approx1"), match.groupdict().get("approx2")) if g), "")
        before = _RULES.before.search(text, max(0, start - 4), start)
        if before and len(before.group()) == 1 and text[before.start() - 1:before.start()] in _RULES.not_after:
            before = None
        if before and taken.find(1, before.start(), start) == -1:
            start = before.start()
        after = _RULES.after.match(text, end)
        if after:
            end = after.end()
        qualifier = "…".join(q for q in (before.group() if before else "", inside, after.group() if after else "") if q)
        if not before and unit == "%":
            share = _RULES.before_share.search(text, max(0, start - 32), start)
            if share and share["word"] not in _RULES.share_bound_excluded:
                qualifier = "…".join(q for q in (share["word"], qualifier) if q)
        taken[start:end] = b"\x01" * (end - start)
        found.append(Figure(text[start:end], value, unit, upper=upper, qualifier=qualifier, start=start))

    if "元" in text:  # `in` first: scanning is far cheaper
        for match in _AMOUNT_RANGE.finditer(text):
            low, high = _number(match["low"]), _number(match["num"])
            scale = _MAGNITUDE[match["mag"] or ""]
            if low is not None and high is not None and low < high:
                add(match, _tidy(low * _MAGNITUDE[match["lowmag"] or match["mag"] or ""]), "CNY", _tidy(high * scale))
        for match in _AMOUNT.finditer(text):
            value = _number(match["num"])
            if value is not None:
                add(match, _tidy(value * _MAGNITUDE[match["mag"] or ""]), "CNY")
    if "%" in text:
        for match in _RANGE.finditer(text):
            low, high = _number(match["low"]), _number(match["high"])
            if low is not None and high is not None:
                add(match, low, "%", high)
        for match in _PERCENT.finditer(text):
            value = _number(match["num"])
            if value is not None:
                add(match, value, "%")
    for match in _COUNT_RANGE.finditer(text):
        low, high = _number(match["low"]), _number(match["num"])
        if low is not None and high is not None and low < high:
            scale = _MAGNITUDE[match["mag"] or ""]
            add(match, _tidy(low * scale), match["unit"], _tidy(high * scale))
    for match in _COUNT.finditer(text):
        spelled_out = not match["num"][0].isdigit()
        if spelled_out and len(match["num"]) == 1 and match["num"] != "十":
            continue  # 一个, 两家: words, not figures (and cn2an is slow to load)
        value = _number(match["num"])
        if value is not None and value > 0 and not (spelled_out and value < 10):
            add(match, _tidy(value * _MAGNITUDE[match["mag"] or ""]), match["unit"])
    return tuple(sorted(found, key=lambda f: f.start))


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
    """Whole numbers as int, so 683.77亿 is 68377000000, not 68377000000.00001 (a double holds
    about 15 significant digits: 9943.3亿 is 994329999999.9999 until rounded to them)."""
    whole_digits = len(str(int(abs(value))))
    rounded = round(value, max(0, min(4, 14 - whole_digits)))
    return int(rounded) if rounded == int(rounded) else rounded
