"""Theme and relevance vocabularies from gen/data/themes.yml, compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gen.cleaning.text import strip_cjk_spaces
from gen.rules import DATA_DIR, read_yaml


@dataclass(frozen=True)
class Term:
    """Plain words (found with `in`, many times faster) or, when `pattern` is set, a regex."""

    words: str
    weight: float
    pattern: re.Pattern[str] | None = None

    def find(self, text: str) -> str | None:
        """The matched words, or None."""
        if self.pattern is None:
            return self.words if self.words in text else None
        found = self.pattern.search(text)
        return found.group(0) if found else None


_ENGLISH_AFTER_CHINESE = re.compile(r"[。；！？]\s*(?=[A-Z][a-z])")


@dataclass(frozen=True)
class Theme:
    id: str
    zh: str
    en: str
    description: str
    color: str
    heading_phrases: tuple[str, ...]  # phrases that, heading a section, pass the theme to it
    terms: tuple[Term, ...]
    negative: tuple[Term, ...]
    # words that, in a document or section whose subject is this theme, continue the subject
    continues: re.Pattern[str] | None = None

    @property
    def description_zh(self) -> str:
        """The Chinese sentences of the description (written Chinese first, then English):
        cut where a Chinese sentence ends and an English one begins, never inside a word
        (a Latin word inside the Chinese, such as 政采e贷 or PPP, stays)."""
        return self.description[: self._english_start()].strip()

    @property
    def description_en(self) -> str:
        return self.description[self._english_start():].strip()

    def _english_start(self) -> int:
        found = _ENGLISH_AFTER_CHINESE.search(self.description)
        return found.end() if found else len(self.description)


@dataclass(frozen=True)
class Vocabulary:
    themes: tuple[Theme, ...]
    paragraph_threshold: float
    relevance_terms: tuple[Term, ...]
    traps: tuple[re.Pattern[str], ...]
    anchors: re.Pattern[str]
    substance: re.Pattern[str]
    document_min_share: float
    context_types: frozenset[str]
    paragraph_min_score: float
    heading_phrase_share: float
    scope_breakers: tuple[str, ...]
    other_theme_factor: float

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.themes)


def _terms(items: list[dict]) -> tuple[Term, ...]:
    return tuple(
        Term(str(i["term"]), float(i.get("weight", 1)), re.compile(i["term"]) if i.get("re") else None)
        for i in items or ()
    )


@cache
def vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    raw = read_yaml("themes.yml", data_dir)
    relevance = raw["relevance"]
    return Vocabulary(
        themes=tuple(
            Theme(
                id=t["id"], zh=t["zh"], en=t["en"], description=strip_cjk_spaces(" ".join(t["description"].split())), color=t["color"],
                heading_phrases=tuple(t.get("heading", ())), terms=_terms(t["terms"]), negative=_terms(t.get("negative")),
                continues=re.compile(t["continues"]) if t.get("continues") else None,
            )
            for t in raw["themes"]
        ),
        paragraph_threshold=float(raw["paragraph_threshold"]),
        relevance_terms=_terms(relevance["terms"]),
        traps=tuple(re.compile(p) for p in relevance["traps"]),
        anchors=re.compile(relevance["anchors"]),
        substance=re.compile(relevance["substance"]),
        document_min_share=float(relevance["document_min_share"]),
        context_types=frozenset(relevance.get("context_types", ())),
        paragraph_min_score=float(relevance["paragraph_min_score"]),
        heading_phrase_share=float(raw["heading_phrase_share"]),
        scope_breakers=tuple(raw["scope_breakers"]),
        other_theme_factor=float(raw["other_theme_factor"]),
    )


def score(text: str, terms: tuple[Term, ...]) -> tuple[float, tuple[str, ...]]:
    """Sum of the weights of the distinct terms found, and the words that matched."""
    total, matched = 0.0, []
    for term in terms:
        found = term.find(text)
        if found is not None:
            total += term.weight
            if found not in matched:
                matched.append(found)
    return total, tuple(matched)


def strip_traps(text: str, vocab: Vocabulary) -> str:
    """Remove look-alikes (PMI, a foreign government's purchases) before counting."""
    for trap in vocab.traps:
        text = trap.sub("", text)
    return text
