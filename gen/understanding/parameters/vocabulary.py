"""gen/data/parameters.yml as frozen values with compiled patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gen.rules import DATA_DIR, read_yaml


def _alternation(words: list[str]) -> re.Pattern[str]:
    """Regular expressions (or plain words) as one pattern; longest first so an alternation
    prefers 不得低于 to 低于."""
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(f"(?:{w})" for w in ordered) or r"(?!)")


def _plain(words: list[str]) -> re.Pattern[str]:
    return _alternation([re.escape(w) for w in words])


@dataclass(frozen=True)
class Measure:
    id: str
    zh: str
    en: str
    when: re.Pattern[str] | None  # words in the clause before the value
    when_after: re.Pattern[str] | None  # words right after it ("6家金融机构")
    unit_is: tuple[str, ...]
    near: int  # `when` counts only this many characters before the value (0: the whole clause)


@dataclass(frozen=True)
class Status:
    id: str
    zh: str
    en: str
    patterns: re.Pattern[str]
    needs: re.Pattern[str] | None  # must also occur in the sentence


@dataclass(frozen=True)
class Parameter:
    id: str
    zh: str
    zh_other: str
    en: str
    theme: str | None
    unit: str
    kinds: frozenset[str]
    scoped: bool
    same_clause: bool  # its value must stand in the clause of its cue
    budget_levels: bool  # values given per budget level (thresholds)
    cues: re.Pattern[str]
    requires: re.Pattern[str] | None
    traps: re.Pattern[str] | None
    measures: tuple[Measure, ...]
    statuses: tuple[Status, ...]
    baselines: tuple[dict, ...]
    baseline_note: str
    english: dict

    def status(self, status_id: str) -> Status | None:
        return next((s for s in self.statuses if s.id == status_id), None)

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)


@dataclass(frozen=True)
class ParameterVocabulary:
    parameters: tuple[Parameter, ...]
    qualifier_words: dict[str, str]  # word -> at_least | at_most | above | approximately
    prefix_words: frozenset[str]  # qualifiers written before the number (不低于15%)
    prefix_qualifiers: re.Pattern[str]
    suffix_qualifiers: re.Pattern[str]
    change: re.Pattern[str]  # the words between the previous and the new value
    change_kind: dict[str, str]  # verb -> raised | lowered | changed
    reference_markers: re.Pattern[str]
    reference_before: re.Pattern[str]
    classes: tuple[tuple[str, str], ...]  # (words, class id), longest words first
    class_followers: tuple[str, ...]
    levels: tuple[tuple[str, str], ...]  # (word, level), longest first
    national_issuers: re.Pattern[str]
    procurement_words: re.Pattern[str]
    non_government: re.Pattern[str]
    template_markers: re.Pattern[str]
    unticked: tuple[str, ...]
    ticked: tuple[str, ...]
    english: dict
    cue_literals: tuple[str, ...] | None  # words one of which every cue contains; None: no shortcut

    def may_have_cue(self, text: str) -> bool:
        """False when no cue can match: plain `in` tests, far cheaper than the patterns."""
        return self.cue_literals is None or any(word in text for word in self.cue_literals)

    def parameter(self, parameter_id: str) -> Parameter:
        return next(p for p in self.parameters if p.id == parameter_id)


_GROUP = re.compile(r"\([^()]*\)[?*+]?|\[[^\]]*\][?*+]?(?:\{\d*,?\d*\})?")
_OPTIONAL_CHAR = re.compile(r".(?:[?*]|\{0,?\d*\})")
_LITERAL = re.compile(r"[\u4e00-\u9fff\uff08\uff09“”‘’]+")


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match of `pattern` contains (groups,
    classes and optional characters left out), None if there is none."""
    bare = pattern
    while _GROUP.search(bare):
        bare = _GROUP.sub("|", bare)  # "|" only splits runs here; it is not read as a pattern
    bare = _OPTIONAL_CHAR.sub("|", bare)
    runs = _LITERAL.findall(bare)
    return max(runs, key=len) if runs else None


def _cue_literals(patterns: list[str]) -> tuple[str, ...] | None:
    literals = [required_literal(p) for p in patterns]
    return None if None in literals else tuple(sorted(set(literals)))


def _optional(words: list[str] | None) -> re.Pattern[str] | None:
    return _alternation(words) if words else None


def _parameter(raw: dict) -> Parameter:
    return Parameter(
        id=raw["id"], zh=raw["zh"], zh_other=raw.get("zh_other", ""), en=raw["en"], theme=raw.get("theme"),
        unit=raw.get("unit", ""), kinds=frozenset(raw["kinds"]), scoped=bool(raw.get("scoped", False)),
        same_clause=bool(raw.get("same_clause", False)),
        budget_levels=bool(raw.get("budget_levels", False)),
        cues=_alternation(raw["cues"]), requires=_optional(raw.get("requires")), traps=_optional(raw.get("traps")),
        measures=tuple(Measure(m["id"], m["zh"], m["en"], _optional(m.get("when")), _optional(m.get("when_after")),
                               tuple(m.get("unit_is", ())), int(m.get("near", 0))) for m in raw.get("measures", ())),
        statuses=tuple(Status(s["id"], s["zh"], s["en"], _alternation(s["patterns"]), _optional(s.get("needs")))
                       for s in raw.get("statuses", ())),
        baselines=tuple(raw.get("baselines") or ()), baseline_note=raw.get("baseline_note", ""),
        english=raw.get("english", {}),
    )


@cache
def parameter_vocabulary(data_dir: Path = DATA_DIR) -> ParameterVocabulary:
    raw = read_yaml("parameters.yml", data_dir)
    qualifier_words = {word: kind for kind, words in raw["qualifiers"].items() for word in words}
    suffix_words = {word: kind for kind, words in raw["suffix_qualifiers"].items() for word in words}
    verbs = {verb: kind for kind, words in raw["change_verbs"].items() for verb in words}
    verb_pattern = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    # "由A（以上）（阶段性）提高至B": a few words between, never a number or a clause break.
    change = re.compile(rf"^\s*(?:以上|以下)?[^，,。；;\d%]{{0,6}}?(?P<verb>{verb_pattern})(?:至|到|为)\s*$")
    classes = sorted(((w, c) for c, words in raw["classes"].items() for w in words), key=lambda x: -len(x[0]))
    levels = sorted(((w, lv) for lv, words in raw["levels"].items() for w in words), key=lambda x: -len(x[0]))
    parameters = tuple(_parameter(p) for p in raw["parameters"])
    return ParameterVocabulary(
        parameters=parameters,
        qualifier_words={**qualifier_words, **suffix_words},
        prefix_words=frozenset(qualifier_words),
        prefix_qualifiers=_plain(list(qualifier_words)),
        suffix_qualifiers=re.compile(r"\s*(?:" + _plain(list(suffix_words)).pattern + ")"),  # used with .match(text, at)
        change=change,
        change_kind=verbs,
        reference_markers=_plain(raw["reference_markers"]),
        reference_before=_plain(raw["reference_before"]),
        classes=tuple(classes),
        class_followers=tuple(raw["class_followers"]),
        levels=tuple(levels),
        national_issuers=_plain(raw["national_issuers"]),
        procurement_words=_plain(raw["procurement_words"]),
        non_government=_plain(raw["non_government"]),
        template_markers=_plain(raw["template_markers"]),
        unticked=tuple(raw["unticked"]),
        ticked=tuple(raw["ticked"]),
        english=raw["english"],
        cue_literals=_cue_literals([cue for p in raw["parameters"] for cue in p["cues"]]),
    )
