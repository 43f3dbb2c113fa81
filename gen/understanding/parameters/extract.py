"""Policy parameters stated in an article's paragraphs (gen/data/parameters.yml).

Sentence by sentence: every number with a unit is read (numbers.py); two joined by a change
verb ("由6%—10%提高至10%—20%") are one value with its previous one. A value belongs to the
parameter whose cue stands nearest before it in the sentence (else nearest after); the
parameter's `requires` words must occur in the sentence or earlier in the paragraph, and
none of its traps in the value's clause. Numbers that set a project's size ("200万元以下的
货物和服务采购项目") are scope, never values; numbers compared with a standard ("高于…的指导
标准") are not the place's own. Values without a number (免收投标保证金) are statuses read
in the clause of their cue. A list of places before the value gives one fact per place.
No match, no fact: nothing is inferred that the sentence does not say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from gen.models import Article, Paragraph, ParameterFact, ParameterValue, Place
from gen.understanding.parameters import scope, statuses, when, where
from gen.understanding.parameters.numbers import Token, normalise, tokens
from gen.understanding.parameters.quoting import fact_quote, sentence_spans
from gen.understanding.parameters.statuses import STATUS_CLAUSE_MARKS
from gen.understanding.parameters.vocabulary import Parameter, ParameterVocabulary
from gen.understanding.places import Gazetteer

_CLAUSE_MARKS = "，,；;。：:"
_KIND_OF_TOKEN = {"percent": "percent", "amount": "amount", "count": "count", "days": "days"}
_SIZE_AFTER = re.compile(r"^\s*(?:及以上|及以下|以上|以下)?\s*的?\s*(?:货物|服务|工程|采购项目|项目|采购包)")
_SIZE_BEFORE = re.compile(r"(?:超过|高于|低于|不足|单笔|单项)\s*$")
_LIST_CONTINUES = re.compile(r"^[、和及与\s]*$")
REFERENCE_WINDOW = 10  # characters after a value in which "…的指导标准" makes it a reference
QUALIFIER_WINDOW = 16  # characters before a value in which its qualifier may stand


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    parameter: Parameter


@dataclass(frozen=True)
class Value:
    tokens: tuple[Token, ...]  # (value,) or (previous, value)
    change: str = ""

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def current(self) -> Token:
        return self.tokens[-1]


def article_facts(article: Article, vocab: ParameterVocabulary, places: Gazetteer) -> tuple[ParameterFact, ...]:
    home = where.home_place(article, places, vocab)
    default_class = _title_class(article.meta.title, vocab)
    dates = when.document_dates(article)
    facts: list[ParameterFact] = []
    seen: set[tuple] = set()
    paragraphs = article.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind not in ("p", "h") or not paragraph.text or vocab.template_markers.search(paragraph.text):
            continue
        if not vocab.may_have_cue(paragraph.text):
            continue
        if not article.on_topic and not _about_procurement(paragraphs, index, vocab):
            continue
        context = ParagraphContext(article, paragraph, index, vocab, places, home, default_class, dates)
        for fact in context.facts():
            key = (fact.parameter, fact.measure, fact.place and (fact.place.adcode, fact.place.name), fact.level,
                   fact.scope_class, fact.scope_condition, fact.value, fact.previous)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return tuple(facts)


def _about_procurement(paragraphs: tuple[Paragraph, ...], index: int, vocab: ParameterVocabulary) -> bool:
    """In a document not about government procurement (an SME law, a company's purchasing),
    only a paragraph that speaks of it, or follows one that does, states its parameters:
    "第二十八条 …纳入政府采购：" then "（二）向中小企业预留的采购份额…"."""
    return any(vocab.procurement_words.search(p.text) for p in paragraphs[max(0, index - 1):index + 1])


def _title_class(title: str, vocab: ParameterVocabulary) -> str:
    """A tender's title says what it buys: 服务类公开招标文件."""
    for word, cls in vocab.classes:
        if f"{word}类" in title:
            return cls
    return "all"


class ParagraphContext:
    """One paragraph being read."""

    @cached_property
    def mentions(self) -> list[where.Mention]:
        return where.mentions(self.text, self.places_found)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokens(self.text)

    def __init__(self, article: Article, paragraph: Paragraph, index: int, vocab: ParameterVocabulary,
                 places: Gazetteer, home: Place | None, default_class: str,
                 dates: list[tuple[str, str]]):
        self.article, self.paragraph, self.vocab = article, paragraph, vocab
        self.text = paragraph.text
        self.norm = normalise(paragraph.text)
        self.neighbours = [p.text for p in article.paragraphs[max(0, index - 1):index + 2] if p is not paragraph]
        self.places_found = places
        self.home, self.default_class = home, default_class
        self.dates = dates

    def facts(self):
        for start, end in sentence_spans(self.text):
            if not self.vocab.may_have_cue(self.norm[start:end]):
                continue
            cues = self._cues(start, end)
            if not cues or self._non_government(start, end):
                continue
            yield from self._numeric(start, end, cues)
            yield from statuses.status_facts(self, start, end, cues)

    def _non_government(self, start: int, end: int) -> bool:
        """A company's own purchasing ("冀东油田物资集中采购…投标保证金…")."""
        return bool(self.vocab.non_government.search(self.norm, start, end)) and not re.search(
            "政府采购|政采|采购人", self.norm[start:end])

    # cues and values

    def _cues(self, start: int, end: int) -> list[Cue]:
        """Cues in the sentence; where two parameters' cues overlap (预留份额 is both the SME
        and the rural set-aside's), the one whose `requires` the sentence meets wins, then
        the one listed first."""
        found: list[tuple[tuple[int, int], Cue]] = []
        for order, parameter in enumerate(self.vocab.parameters):
            for m in parameter.cues.finditer(self.norm, start, end):
                in_sentence = parameter.requires is None or bool(parameter.requires.search(self.norm, start, end))
                found.append(((0 if in_sentence else 1, order), Cue(m.start(), m.end(), parameter)))
        kept: list[Cue] = []
        for _, cue in sorted(found, key=lambda item: item[0]):
            if not any(cue.start < k.end and k.start < cue.end and k.parameter is not cue.parameter for k in kept):
                kept.append(cue)
        return sorted(kept, key=lambda c: c.start)

    def _values(self, start: int, end: int) -> list[Value]:
        inside = [t for t in self.tokens if start <= t.start and t.end <= end and not self._is_scope(t)]
        values, index = [], 0
        while index < len(inside):
            token = inside[index]
            after = inside[index + 1] if index + 1 < len(inside) else None
            change = self.vocab.change.match(self.norm[token.end:after.start]) if after else None
            if after and change and after.kind == token.kind:
                values.append(Value((token, after), self.vocab.change_kind[change["verb"]]))
                index += 2
            else:
                values.append(Value((token,)))
                index += 1
        return values

    def _is_scope(self, token: Token) -> bool:
        """A project-size condition (200万元以下的货物) or a year, not a value."""
        if token.kind != "amount":
            return False
        return bool(_SIZE_AFTER.match(self.norm[token.end:]) or _SIZE_BEFORE.search(self.norm[:token.start]))

    def clause(self, start: int, end: int, floor: int, ceiling: int, marks: str = _CLAUSE_MARKS) -> tuple[int, int]:
        left = max((self.norm.rfind(m, floor, start) for m in marks), default=-1)
        rights = [i for i in (self.norm.find(m, end, ceiling) for m in marks) if i >= 0]
        return (left + 1 if left >= floor else floor), (min(rights) if rights else ceiling)

    def _requires_met(self, parameter: Parameter) -> bool:
        return parameter.requires is None or bool(parameter.requires.search(self.norm))

    def _numeric(self, start: int, end: int, cues: list[Cue]):
        previous_end, self._listed_scopes = start, None
        values = self._values(start, end)
        respective = self._respective(values, start)
        for value in values:
            parameter, cue = self._owner(value, cues, start, end)
            floor = previous_end
            previous_end = value.end
            if parameter is None or self._is_reference(value, end):
                continue
            clause = self.clause(value.start, value.end, start, end)
            if parameter.traps and parameter.traps.search(self.norm, *clause):
                continue
            if parameter.same_clause:
                # a form's label and its answer make one clause: "投标保证金金额：5000元"
                own_clause = self.clause(value.start, value.end, start, end, STATUS_CLAUSE_MARKS)
                if not own_clause[0] <= cue.start < own_clause[1]:
                    continue
            measure = self._measure(parameter, value, floor, end)
            if measure is None:
                continue
            yield from self._facts_for(parameter, measure, value, cue, start, end, floor, respective.get(value.start))

    def _owner(self, value: Value, cues: list[Cue], start: int, end: int) -> tuple[Parameter | None, Cue | None]:
        """The cue nearest before the value in its clause, else nearest after it in its clause,
        else nearest before it in the sentence."""
        kind = _KIND_OF_TOKEN[value.current.kind]
        fitting = [c for c in cues if kind in c.parameter.kinds and self._requires_met(c.parameter)]
        clause = self.clause(value.start, value.end, start, end)
        before = [c for c in fitting if c.end <= value.start]
        in_clause = [c for c in before if c.start >= clause[0]]
        after = [c for c in fitting if c.start >= value.end and c.start < clause[1]]
        if in_clause or not after:
            cue = max(in_clause or before, key=lambda c: c.end, default=None)
        else:
            cue = min(after, key=lambda c: c.start)
        return (cue.parameter, cue) if cue else (None, None)

    def _is_reference(self, value: Value, end: int) -> bool:
        """A number compared with a standard: "高于…30万元的指导标准", "高于国家规定的40%"."""
        window = self.norm[value.end:min(end, value.end + REFERENCE_WINDOW)]
        window = re.split(r"[，,；;。]", window, maxsplit=1)[0]
        if self.vocab.reference_markers.search(window):
            return True
        lead = self.norm[max(0, value.start - REFERENCE_WINDOW):value.start]
        return not value.change and bool(self.vocab.reference_before.search(lead))

    def _measure(self, parameter: Parameter, value: Value, floor: int, end: int) -> str | None:
        """The measure's id ("" for the parameter itself), None if no measure fits."""
        unit = value.current.unit
        before = self.norm[floor:value.start]
        after = self.norm[value.end:end]
        restricted = False
        for measure in parameter.measures:
            if measure.unit_is:
                restricted = True
                if unit not in measure.unit_is:
                    continue
            conditional = measure.when is not None or measure.when_after is not None
            if not conditional:
                return measure.id
            near = before[-measure.near:] if measure.near else before
            if (measure.when and measure.when.search(near)) or (measure.when_after and measure.when_after.search(after)):
                return measure.id
        return None if restricted else ""

    # facts

    def _respective(self, values: list[Value], start: int) -> dict[int, tuple[int, int]]:
        """"佛山市、东莞市分别…提高至45%和50%": value start -> (its position, list length),
        for a list of values after 分别."""
        found: dict[int, tuple[int, int]] = {}
        run: list[Value] = []
        for value in [*values, None]:
            if value is not None and run and _LIST_CONTINUES.match(self.norm[run[-1].end:value.start]):
                run.append(value)
                continue
            if len(run) > 1 and "分别" in self.norm[start:run[0].start]:
                found.update({v.start: (i, len(run)) for i, v in enumerate(run)})
            run = [value] if value is not None else []
        return found

    def _facts_for(self, parameter, measure, value: Value, cue, start, end, floor, respective=None):
        current = value.current
        parameter_value = _parameter_value(current, parameter)
        previous = _parameter_value(value.tokens[0], parameter) if value.change else None
        qualifier = self._qualifier(value, floor)
        scopes = self.scopes(floor, value.start) if parameter.scoped else [("all", "")]
        listed = self._listed_scopes
        if listed and _LIST_CONTINUES.match(self.norm[floor:value.start]):
            scopes = listed  # "依次为50万元、50万元、30万元": one scope for the list
        elif listed and scopes == [("", "")] and len(listed) == 1 and not listed[0][1]:
            # a later value of the sentence that names no class of its own continues the
            # earlier one's ("省级货物和服务类项目为100万元，市县级为50万元")
            scopes = listed
        scopes = [(cls or self.default_class, condition) for cls, condition in scopes]
        self._listed_scopes = scopes
        base = self._base(floor, value.start)
        levels = self._levels(parameter, value, floor, start)
        spans = [(value.start, value.end)] + ([(cue.start, cue.end)] if cue else [])
        places = self.places(value.start, start)
        if respective and respective[1] == len(places):
            places = [places[respective[0]]]
        date, basis = when.fact_date(self.text[start:end], self.text[:start], self.dates)
        for place, place_span in places:
            quote = fact_quote(self.text, spans + ([place_span] if place_span else []))
            for level in levels or [where.level_of(place)]:
                for scope_class, condition in scopes:
                    yield ParameterFact(
                        parameter=parameter.id, measure=measure, value=parameter_value, previous=previous,
                        change=value.change, qualifier=qualifier, scope_class=scope_class,
                        scope_condition=condition, scope_base=base, place=place, level=level, date=date,
                        date_basis=basis, anchor=self.paragraph.anchor, quote=quote,
                        text=self.text[value.start:value.end],
                    )

    def _qualifier(self, value: Value, floor: int) -> str:
        suffix = self.vocab.suffix_qualifiers.match(self.norm, value.end)
        lead_floor = max(floor, value.tokens[0].end if value.change else floor, value.start - QUALIFIER_WINDOW)
        lead = [m for m in self.vocab.prefix_qualifiers.finditer(self.norm, lead_floor, value.current.start)]
        lead = [m for m in lead if not re.search(r"[，,；;。\d]", self.norm[m.end():value.current.start])]
        if lead:
            return lead[-1].group()
        if suffix:
            return suffix.group().strip()
        return value.current.approx

    def scopes(self, floor: int, at: int) -> list[tuple[str, str]]:
        """(class, condition) pairs; class "" when the words before the value name none."""
        return scope.scopes(self.norm[floor:at], self.vocab, "")

    def _base(self, floor: int, at: int) -> str:
        return scope.base(self.text, self.norm, floor, at)

    def _levels(self, parameter: Parameter, value: Value, floor: int, sentence_start: int) -> list[str]:
        """Budget levels a threshold is given for (省、市、县三级依次为…); [] for the place's own."""
        if not parameter.budget_levels:
            return []
        segment = self.norm[sentence_start:value.start]
        if "依次为" in segment or "分别为" in segment:
            listed = scope.listed_levels(self.vocab, segment)
            siblings = [t for t in self.tokens if sentence_start <= t.start and t.kind == "amount"
                        and not self._is_scope(t)]
            position = next((i for i, t in enumerate(siblings) if t.start == value.current.start), -1)
            if listed and 0 <= position < len(listed):
                return [listed[position]]
        # the levels named for this value, else for an earlier value of the same sentence
        # ("市、县级单位…为50万元，工程项目为60万元"), else all levels listed before "均为"
        for text in (self.norm[floor:value.start], segment):
            if listed := scope.listed_levels(self.vocab, text):
                return listed
        if "均为" in segment or "统一为" in segment:
            return scope.listed_levels(self.vocab, self.norm[:value.start])
        return []

    def places(self, at: int, sentence_start: int) -> list[tuple[Place | None, tuple[int, int] | None]]:
        """The places of the value at `at`: the sentence's list before it, else the last list
        earlier in the paragraph, else the document's own place, else none (national)."""
        subject = where.subject_before(self.text, self.mentions, at, sentence_start)
        if not subject and self._national_subject(sentence_start, at):
            return [(None, None)]
        if not subject:
            subject = where.subject_before(self.text, self.mentions, sentence_start)
        if subject:
            spans = {m.place.adcode + m.place.name: (m.start, m.end) for m in self.mentions if m.end <= at}
            return [(p, spans.get(p.adcode + p.name)) for p in subject]
        return [(self.home, None)]

    def _national_subject(self, sentence_start: int, at: int) -> bool:
        """"财政部已将…提高至10%—20%" in a local report is the national rule; a document
        cited by name ("根据《财政部…通知》") is not the subject."""
        for m in self.vocab.national_issuers.finditer(self.norm, sentence_start, at):
            before = self.norm[sentence_start:m.start()]
            cited = before.count("《") > before.count("》") or re.search(r"根据|按照|依据|落实", before)
            if not cited and not where.bracketed(self.norm, m.start()):
                return True
        return False


def _parameter_value(token: Token, parameter: Parameter) -> ParameterValue:
    if token.kind == "amount" and parameter.unit == "万元":
        return ParameterValue(low=_tidy(token.low / 10_000), high=None, unit="万元")
    return ParameterValue(low=token.low, high=token.high, unit=token.unit)


def _tidy(value: float) -> float:
    rounded = round(value, 4)
    return int(rounded) if rounded == int(rounded) else rounded


def with_facts(article: Article, vocab: ParameterVocabulary, places: Gazetteer) -> Article:
    return replace(article, facts=article_facts(article, vocab, places))
