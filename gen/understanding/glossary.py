"""The glossary (gen/data/glossary.yml) and the spellings of its terms that a text uses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gen.rules import read_yaml


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    en: str
    explain: str
    spellings: tuple[str, ...]
    subject: bool = False  # the site's subject itself: every page is about it, so no passages are listed


@cache
def glossary() -> tuple[GlossaryTerm, ...]:
    raw = read_yaml("glossary.yml")
    return tuple(
        GlossaryTerm(t["term"], t["en"], t["explain"], tuple(dict.fromkeys([t["term"], *t.get("match", [])])),
                     bool(t.get("subject", False)))
        for t in raw["terms"]
    )


@cache
def owners() -> dict[str, int]:
    """Each spelling -> the index of its term."""
    return {spelling: index for index, item in enumerate(glossary()) for spelling in item.spellings}


@cache
def _any_spelling() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in sorted(owners(), key=len, reverse=True)))


def spellings_in(text: str) -> tuple[str, ...]:
    """The glossary spellings a text uses, each once, in order of first use."""
    return tuple(dict.fromkeys(m.group(0) for m in _any_spelling().finditer(text)))
