"""What a figure is a fact about: the thing it measures, the period and the place its
sentence gives for it.

- measure: the words of its clause before it, less a leading period or place and trailing
  verbs (规模为 -> 规模); a figure listed after another (105.73亿元、239.31亿元) shares the
  first one's; where no words are left, the noun right after it (1.5万名评审专家).
- period: the nearest time its sentence names before it (2021年, 截至10月底, 近五年来),
  unless that time is a comparison's baseline (较2020年).
- place: the place its sentence names nearest before it (a list such as 张掖市、海口市等
  counts whole), else nationally when the sentence says 全国 before it, else the place
  named after it; else the one place its passage names elsewhere; else its document's
  place; else national. A round-up paragraph naming several places never lends one to a
  sentence that names none.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from gen.models import Figure, Paragraph, Place
from gen.understanding.figure_rules import figure_rules

_LIST_JOINT = re.compile(r"^(?:[、，,]|和|及|与|以及)?$")
_CLAUSE_MARKS = "，,；;。！？!?：:（("
_MEASURE_CUT = "的”」）)"


_SENTENCE_MARKS = "。！？!?；;"
_MAX_LISTED = 12  # a list of places longer than this keeps its last ones (a table shows three and 等)
_MEASURE_WINDOW = 64  # a measure is read from at most this many characters before its figure


class _Marks:
    """The paragraph's sentence and clause breaks, periods, national words and place
    mentions found once, so each figure looks its own up by bisection: a paragraph of many
    figures costs linear time, not the paragraph's length once per figure."""

    def __init__(self, text: str, named: list[Place]):
        rules = figure_rules()
        self.text = text
        self.sentences = [i for i, c in enumerate(text) if c in _SENTENCE_MARKS]
        self.clauses = [i for i, c in enumerate(text) if c in _CLAUSE_MARKS]
        self.periods = [m for m in rules.periods.finditer(text) if m.end() > m.start()]
        self.period_ends = [m.end() for m in self.periods]
        self.national = [m.span() for m in rules.national.finditer(text)]
        self.province_wide = [m.span() for m in rules.province_wide.finditer(text)]
        self.mentions = sorted((found, found + len(place.name), place) for place in {p.name: p for p in named}.values()
                               for found in _positions(text, place.name, 0, len(text)))
        self.mention_starts = [m[0] for m in self.mentions]
        elsewhere = _without_prefixes(named)
        self.single = elsewhere[0] if len({p.adcode for p in elsewhere}) == 1 else None

    def sentence(self, at: int) -> tuple[int, int]:
        i = bisect_left(self.sentences, at)
        return (self.sentences[i - 1] + 1 if i else 0), (self.sentences[i] + 1 if i < len(self.sentences) else len(self.text))

    def clause_start(self, at: int) -> int:
        i = bisect_left(self.clauses, at)
        return max(self.clauses[i - 1] + 1 if i else 0, at - _MEASURE_WINDOW)


def with_facts(paragraph: Paragraph, document_places: tuple[Place, ...]) -> Paragraph:
    """The paragraph with each figure's measure, period and place filled in."""
    if not paragraph.figures:
        return paragraph
    text = paragraph.text
    named = [p for p in paragraph.places if p.found_in == "text"]
    marks = _Marks(text, named)
    figures: list[Figure] = []
    for index, figure in enumerate(paragraph.figures):
        at = figure.start if figure.start >= 0 else text.find(figure.text)
        if at < 0:
            figures.append(figure)
            continue
        if figure.start != at:
            figure = replace(figure, start=at)
        places, place_from = _place(marks, figure, document_places)
        following = paragraph.figures[index + 1].start if index + 1 < len(paragraph.figures) else len(text)
        figures.append(replace(figure, measure=measure_of(text, figure, figures[-1] if figures else None, named, marks,
                                                          following),
                               period=_period(marks, at), places=places, place_from=place_from))
    return replace(paragraph, figures=tuple(figures))


def measure_of(text: str, figure: Figure, previous: Figure | None, places: list[Place], marks: _Marks | None = None,
               following: int = -1) -> str:
    """What the figure measures; the noun after it is read no further than `following`,
    where the next figure starts (200万元以下的货物…、400万元以下的工程采购项目)."""
    rules = figure_rules()
    at = figure.start
    start = (marks or _Marks(text, places)).clause_start(at)
    if previous is not None and previous.start >= start:
        between = text[previous.start + len(previous.text):at]
        if _LIST_JOINT.match(between) or rules.change_between.match(between):
            return previous.measure  # 分别为105.73亿元、239.31亿元; 由6%—10%提高至10%—20%
        left = ""  # the words before are the earlier figure's noun (1.5万名专家和近1000家机构)
    else:
        left = _trim_left(text[start:at], places)
        if left.endswith("等") and "、" in left and figure.unit not in ("CNY", "%"):
            left = ""  # 开标、评标等7个方面: the list is what the count counts; the noun follows
    share = rules.before_share.search(left) if figure.unit == "%" else None
    if share and share["word"] not in rules.share_bound_excluded:
        left = left[: share.start()]  # 份额超过总规模的80%: the share is of 份额
    elif share:
        # 绿色采购额占同类产品采购额的80%: the share is of what comes before 占; a clause
        # opening with 占 (…，占全省政府采购规模的89.71%) names only the whole
        subject = left[: share.start()]
        # …分别占全国政府采购规模的63.4%、1.1%: a listed subject is no one figure's measure
        left = subject if subject and "、" not in subject else left[share.start():]
    takes_object = figure.unit not in ("CNY", "%") and rules.object_verb.search(left) is not None
    while True:
        trimmed = rules.trailing.sub("", left)
        if trimmed == left:
            break
        left = trimmed
    if len(left.strip()) < 2 or takes_object:
        noun = _noun_after(text, at + len(figure.text), following if following > at else len(text))
        return noun or (left.strip() if len(left.strip()) >= 2 else "")
    if len(left) > rules.max_measure:
        cut = max(left.rfind(c, 0, len(left) - 1) for c in _MEASURE_CUT)
        if cut >= 0 and len(left) - cut - 1 >= 2:
            left = left[cut + 1:]
        elif len(left) > rules.hard_max_measure:
            return ""
    return left.strip()


def _trim_left(left: str, places: list[Place]) -> str:
    """Less the clause's leading words: a period, a place, 其中, 全省."""
    rules = figure_rules()
    names = sorted({p.name for p in places}, key=len, reverse=True)
    while left:
        period = rules.periods.match(left)
        if period and period.end() > 0:
            left = left[period.end():]
            continue
        lead = rules.leading.match(left)
        if lead:
            left = left[lead.end():]
            continue
        name = next((n for n in names if left.startswith(n)), None)
        if name:
            left = left[len(name):]
            continue
        baseline = next((w for w in rules.baseline_before_period if left.startswith(w)), None)
        if baseline and rules.periods.match(left, len(baseline)):
            left = left[rules.periods.match(left, len(baseline)).end():]
            continue
        break
    return left


def _noun_after(text: str, at: int, limit: int) -> str:
    rules = figure_rules()
    skip = rules.skip_after.match(text, at)
    at = skip.end() if skip else at
    window = text[at: min(limit, at + rules.max_measure + 8)]
    window = window[: min([i for i in map(window.find, _CLAUSE_MARKS) if i >= 0], default=len(window))]
    # 需求一致、应用普遍的采购品目, 来自山区26县及海岛县的供应商: the head noun follows the last
    # 的 of the clause, unless a figure follows it (代理机构的3800名: a possessive)
    heads = [i + 1 for i, c in enumerate(window) if c == "的" and not window[i + 1:i + 2].isdigit()]
    for begin in (heads[-1:] or []) + [0]:
        stop = rules.stop_after.search(window, begin)
        noun = window[begin: stop.start() if stop else len(window)]
        if 2 <= len(noun) <= rules.max_measure:
            return noun
    return ""


def period_of(text: str, at: int) -> str:
    return _period(_Marks(text, []), at)


def _period(marks: _Marks, at: int) -> str:
    """The nearest period before `at` in its sentence that is no comparison's baseline (较2020年)."""
    rules = figure_rules()
    start, _ = marks.sentence(at)
    i = bisect_right(marks.period_ends, at) - 1
    while i >= 0 and marks.periods[i].start() >= start:
        match = marks.periods[i]
        if not any(marks.text.endswith(w, start, match.start()) for w in rules.baseline_before_period):
            return match.group()
        i -= 1
    return ""


def figure_place(text: str, figure: Figure, named: list[Place], document_places: tuple[Place, ...]
                 ) -> tuple[tuple[Place, ...], str]:
    return _place(_Marks(text, named), figure, document_places)


def _place(marks: _Marks, figure: Figure, document_places: tuple[Place, ...]) -> tuple[tuple[Place, ...], str]:
    at, text = figure.start, marks.text
    start, end = marks.sentence(at)
    mentions, first = marks.mentions, bisect_left(marks.mention_starts, start)
    i = bisect_left(marks.mention_starts, at) - 1
    while i >= first and mentions[i][1] > at:
        i -= 1  # a mention overlapping the figure is not before it
    if i >= first:
        chosen = [mentions[i]]
        for k in range(i - 1, first - 1, -1):  # indices, not a slice: a slice copies the sentence's mentions
            mention = mentions[k]
            if len(chosen) < _MAX_LISTED and mention[1] <= chosen[0][0] and _LIST_JOINT.match(text[mention[1]:chosen[0][0]]):
                chosen.insert(0, mention)
            else:
                break
        return _without_prefixes([m[2] for m in chosen]), "sentence"
    if _named_between(marks.national, start, at):
        return (), "national"
    j = bisect_left(marks.mention_starts, at)
    if j < len(mentions) and mentions[j][1] <= end:
        return (mentions[j][2],), "sentence"
    province_wide = _named_between(marks.province_wide, start, at)
    if marks.single is not None:
        return (replace(_widened(marks.single, province_wide), found_in="passage"),), "passage"
    if document_places:
        return tuple(dict.fromkeys(replace(_widened(p, province_wide), found_in="document") for p in document_places)), "document"
    return (), "national"


def _named_between(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether one of the sorted, non-overlapping spans lies within start..end."""
    k = bisect_left(spans, (start, -1))
    return k < len(spans) and spans[k][1] <= end


def _widened(place: Place, province_wide: bool) -> Place:
    """The province of an inherited city when the sentence speaks of the whole province (全省)."""
    if not province_wide or not place.city:  # already a province (or a province-run county)
        return place
    from gen.understanding.places import gazetteer  # the gazetteer loads once, and only here

    return next((p for p in gazetteer().find(place.province) if p.name == place.province), place)


def _without_prefixes(found: list[Place]) -> tuple[Place, ...]:
    """A province named just before its own city ("甘肃省兰州新区") is that city's prefix."""
    return tuple(dict.fromkeys(p for p in found if not any(o.province == p.name and o.name != p.name for o in found)))


def _positions(text: str, name: str, start: int, end: int) -> list[int]:
    out, at = [], text.find(name, start, end)
    while at >= 0:
        out.append(at)
        at = text.find(name, at + len(name), end)
    return out
