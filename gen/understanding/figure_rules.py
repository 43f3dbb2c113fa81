"""gen/data/figures.yml compiled: qualifier words, duration and ordinal guards, period
patterns, national words and the measure's trimming words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import yaml

from gen.rules import DATA_DIR


def _alternation(words: list[str]) -> str:
    """Longest first, so 不得超过 is tried before 超过 and 超过 before 超."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class FigureRules:
    before: re.Pattern[str]  # a qualifier ending where the number starts
    not_after: frozenset[str]
    inside: frozenset[str]
    after: re.Pattern[str]  # a qualifier starting where the unit ends
    before_share: re.Pattern[str]  # 超过…的 ending where a share starts
    share_bound_excluded: frozenset[str]
    duration_after: str  # alternation: what after 个 makes a duration
    ordinal_before: str  # alternation: what before a number makes an ordinal
    periods: re.Pattern[str]
    baseline_before_period: tuple[str, ...]
    national: re.Pattern[str]
    province_wide: re.Pattern[str]
    trailing: re.Pattern[str]
    leading: re.Pattern[str]
    stop_after: re.Pattern[str]
    skip_after: re.Pattern[str]
    object_verb: re.Pattern[str]
    max_measure: int
    hard_max_measure: int
    change_between: re.Pattern[str]


@cache
def figure_rules() -> FigureRules:
    data = yaml.safe_load((DATA_DIR / "figures.yml").read_text(encoding="utf-8"))
    qualifiers, measure = data["qualifiers"], data["measure"]
    return FigureRules(
        before=re.compile(rf"(?:{_alternation(qualifiers['before'])})$"),
        not_after=frozenset(qualifiers['not_after']),
        inside=frozenset(qualifiers["inside"]),
        after=re.compile(_alternation(qualifiers["after"])),
        # the words between the bound and 的 name the whole the share is of: no clause marks
        before_share=re.compile(rf"(?P<word>{_alternation(qualifiers['before_share'])})[^，,；;。：:、]{{1,24}}?的$"),
        share_bound_excluded=frozenset(qualifiers["share_bound_excluded"]),
        duration_after=_alternation(data["duration_after"]),
        ordinal_before=_alternation(data["ordinal_before"]),
        periods=re.compile("|".join(f"(?:{p})" for p in data["periods"])),
        baseline_before_period=tuple(data["baseline_before_period"]),
        national=re.compile(_alternation(data["national_words"])),
        province_wide=re.compile(_alternation(data["province_words"])),
        trailing=re.compile(rf"(?:{_alternation(measure['trailing_words'])})$"),
        leading=re.compile(rf"^(?:{_alternation(measure['leading_words'])}|[，,：:\s])"),
        stop_after=re.compile(rf"{_alternation(measure['stop_after'])}|[，,；;。：:、（(“\"\s]"),
        object_verb=re.compile(rf"(?:{_alternation(measure['object_verbs'])})$"),
        skip_after=re.compile(rf"(?:{_alternation(measure['skip_after'])})+"),
        max_measure=int(measure["max_length"]),
        hard_max_measure=int(measure["hard_max_length"]),
        change_between=re.compile(measure["change_between"]),
    )
