"""The quote of a fact: the words of its paragraph that state it, and only those.

Rules of gen.site.taxonomy.quote: every piece between two GAP marks is a contiguous span of
the paragraph, pieces keep the paragraph's order, and a GAP stands wherever text is left out
between pieces or cut at either end of a sentence. A sentence too long to quote whole is cut
to the clauses from the first thing that must be shown (the place) to the last (the value).
"""

from __future__ import annotations

from gen.site.taxonomy import GAP, sentence_spans

LIMIT = 160  # characters of one quoted sentence before it is cut to its clauses
_CLAUSE_END = "，,：:、"


def fact_quote(text: str, spans: list[tuple[int, int]]) -> str:
    """Quote the sentences of `text` that hold `spans` (place, cue, value), in order."""
    sentences = sentence_spans(text)
    pieces: list[tuple[int, int]] = []
    for start, end in sentences:
        inside = [(a, b) for a, b in spans if start <= a < end]
        if not inside:
            continue
        if end - start <= LIMIT:
            pieces.append((start, end))
            continue
        first, last = min(a for a, _ in inside), max(b for _, b in inside)
        pieces.append((_clause_start(text, start, first), _clause_end(text, last, end)))
    out, previous_end = "", None
    for start, end in pieces:
        cut_before = previous_end is not None and start != previous_end
        leads_cut = previous_end is None and start not in {s for s, _ in sentences}
        out += (GAP if cut_before or leads_cut else "") + text[start:end].strip()
        previous_end = end
    if pieces and pieces[-1][1] not in {e for _, e in sentences}:
        out += GAP
    return out


def _clause_start(text: str, floor: int, at: int) -> int:
    """The start of the clause holding `at`, no earlier than `floor`."""
    cut = max((text.rfind(mark, floor, at) for mark in _CLAUSE_END), default=-1)
    return cut + 1 if cut >= floor else floor


def _clause_end(text: str, at: int, ceiling: int) -> int:
    """The end of the clause holding `at` (after its mark), no later than `ceiling`."""
    ends = [i for i in (text.find(mark, at, ceiling) for mark in _CLAUSE_END) if i >= 0]
    return min(ends) + 1 if ends else ceiling
