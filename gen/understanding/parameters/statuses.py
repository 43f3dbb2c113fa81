"""Values without a number: a deposit waived (免收投标保证金) or replaced by a guarantee
(以保函替代投标保证金), small projects reserved entirely for SMEs (专门面向中小企业采购).

A status is read in the clause of its parameter's cue. Forms need care: a choice left
unticked (□不收取) says nothing, and a form printing both choices untouched ("本项目不收取
履约保证金" above "本项目收取履约保证金") says nothing either.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gen.models import ParameterFact, ParameterValue
from gen.understanding.parameters import when, where
from gen.understanding.parameters.quoting import fact_quote

if TYPE_CHECKING:
    from gen.understanding.parameters.extract import Cue, ParagraphContext

STATUS_CLAUSE_MARKS = "，,；;。"  # no colon: it joins a form's label to its answer
_NEGATION = re.compile(r"^(?:不再|不|免于|免|无需|停止|暂停|取消)")


def status_facts(ctx: ParagraphContext, start: int, end: int, cues: list[Cue]):
    for parameter in ctx.vocab.parameters:
        for status in parameter.statuses:
            for m in status.patterns.finditer(ctx.norm, start, end):
                if unticked(ctx, m.start(), start) or offers_both(ctx, m):
                    continue
                if status.needs and not status.needs.search(ctx.norm, start, end):
                    continue
                # a colon joins a form's label to its answer: "投标保证金：☑不收取"
                clause = ctx.clause(m.start(), m.end(), start, end, STATUS_CLAUSE_MARKS)
                if parameter.traps and parameter.traps.search(ctx.norm, *clause):
                    continue
                own = [c for c in cues if c.parameter is parameter and clause[0] <= c.start < clause[1]]
                if own or status.needs:
                    yield from _facts(ctx, parameter, status.id, m, own, start, end)


def _facts(ctx: ParagraphContext, parameter, status_id: str, match: re.Match[str], own: list[Cue], start: int, end: int):
    cue = own[0] if own else None
    scopes = ctx.scopes(start, match.start()) if parameter.scoped else [("all", "")]
    if status_id == "reserved_entirely":
        scopes = [s for s in ctx.scopes(start, end) if "以下" in s[1]] or scopes
    scopes = [(cls or ctx.default_class, condition) for cls, condition in scopes]
    spans = [match.span()] + ([(cue.start, cue.end)] if cue else [])
    date, basis = when.fact_date(ctx.text[start:end], ctx.text[:start], ctx.dates)
    for place, place_span in ctx.places(min([match.start()] + [c.start for c in own]), start):
        quote = fact_quote(ctx.text, spans + ([place_span] if place_span else []))
        for scope_class, condition in scopes:
            yield ParameterFact(
                parameter=parameter.id, value=ParameterValue(status=status_id), anchor=ctx.paragraph.anchor,
                quote=quote, scope_class=scope_class, scope_condition=condition, place=place,
                level=where.level_of(place), date=date, date_basis=basis, text=match.group(),
            )


def unticked(ctx: ParagraphContext, at: int, floor: int) -> bool:
    """A choice left empty in a form (□不收取) says nothing; a ticked one (☑) does. The box
    that counts is the last one before the words, within their sentence."""
    boxes = [(ctx.text.rfind(box, floor, at), box) for box in (*ctx.vocab.unticked, *ctx.vocab.ticked)]
    position, box = max(boxes)
    return position >= 0 and box in ctx.vocab.unticked


def offers_both(ctx: ParagraphContext, match: re.Match[str]) -> bool:
    """A form printing both choices, neither ticked."""
    affirmative = _NEGATION.sub("", match.group())
    if affirmative == match.group() or any(ctx.text.startswith(box) for box in ctx.vocab.ticked):
        return False
    other = ctx.text[:match.start()] + affirmative + ctx.text[match.end():]
    return any(_unboxed(other) == _unboxed(n) for n in ctx.neighbours)


def _unboxed(text: str) -> str:
    return re.sub(r"^[\W\uf000-\uf0ff]+", "", text)
