"""Which article (第X条) each paragraph of a law, regulation or measures belongs to."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from gen.models import Paragraph
from gen.rules import read_yaml


@cache
def _rules() -> tuple[frozenset[str], re.Pattern[str]]:
    clauses = read_yaml("doctypes.yml")["clauses"]
    return frozenset(clauses["types"]), re.compile(clauses["opening"])


def with_clauses(paragraphs: list[Paragraph], doc_type: str) -> list[Paragraph]:
    """Each paragraph with the article it opens, or the one it continues; others unchanged."""
    types, opening = _rules()
    if doc_type not in types:
        return paragraphs
    out, current = [], ""
    for paragraph in paragraphs:
        found = opening.match(paragraph.text.lstrip(" \u3000")) if paragraph.kind != "img" else None
        if found:
            current = found.group(0)
        elif paragraph.heading:
            current = ""  # a chapter or section heading: what follows is not the last article's
        out.append(replace(paragraph, clause=current) if current else paragraph)
    return out
