"""The published facts (docs/data/parameters.json, its JSON Schema, parameters.csv).

A fact is published once, from the shown copy of its source (duplicates are left out), in
a fixed order: the parameters as gen/data/parameters.yml lists them, then national rules
before places, places by code, then date and source.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from gen import paths
from gen.models import Article, OutputFile, ParameterFact, ParameterValue, Place
from gen.site.parameter_text import sentence_en
from gen.understanding.parameters.vocabulary import ParameterVocabulary

SCHEMA_PATH = Path(__file__).parent.parent / "data" / "parameters.schema.json"
CSV_COLUMNS = ("id", "parameter", "measure", "value_low", "value_high", "unit", "status", "previous_low",
               "previous_high", "change", "qualifier", "scope_class", "scope_condition", "scope_base", "place",
               "adcode", "province", "level", "date", "date_basis", "source_id", "source_page", "anchor", "quote", "en")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class PublishedFact:
    article: Article
    fact: ParameterFact
    id: str
    en: str

    @property
    def link(self) -> str:
        """The quoted paragraph, relative to docs/."""
        return f"{self.article.page}#{self.fact.anchor}"

    @property
    def place_key(self) -> tuple[str, str]:
        place = self.fact.place
        return (place.adcode, place.name) if place else ("", "")


def published(articles: list[Article], vocab: ParameterVocabulary) -> list[PublishedFact]:
    order = {p.id: n for n, p in enumerate(vocab.parameters)}
    found = [PublishedFact(a, f, fact_id(a, f), sentence_en(f, vocab))
             for a in articles if not a.duplicate_of for f in a.facts]
    return sorted(found, key=lambda p: (order[p.fact.parameter], p.place_key, p.fact.measure, p.fact.scope_class,
                                        p.fact.scope_condition, p.fact.level, p.fact.date, p.article.id,
                                        p.fact.anchor, p.id))


def fact_id(article: Article, fact: ParameterFact) -> str:
    place = fact.place
    key = "|".join(str(x) for x in (article.id, fact.anchor, fact.parameter, fact.measure,
                                     place.adcode if place else "", place.name if place else "", fact.scope_class,
                                     fact.scope_condition, fact.level, fact.value, fact.previous))
    return "f-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def value_json(value: ParameterValue | None) -> dict | None:
    if value is None:
        return None
    if value.status:
        return {"status": value.status}
    return {"low": value.low, "high": value.high, "unit": value.unit}


def place_json(place: Place | None) -> dict | None:
    if place is None:
        return None
    return {"name": place.name, "adcode": place.adcode, "province": place.province, "city": place.city}


def fact_json(item: PublishedFact) -> dict:
    fact = item.fact
    return {
        "id": item.id,
        "parameter": fact.parameter,
        "measure": fact.measure,
        "value": value_json(fact.value),
        "previous": value_json(fact.previous),
        "change": fact.change or None,
        "qualifier": fact.qualifier,
        "scope": {"class": fact.scope_class, "condition": fact.scope_condition, "base": fact.scope_base},
        "place": place_json(fact.place),
        "level": fact.level,
        "date": fact.date,
        "date_basis": fact.date_basis,
        "source": {"id": item.article.id, "page": item.article.page, "anchor": fact.anchor,
                   "title": item.article.meta.title},
        "quote": fact.quote,
        "text": fact.text,
        "en": item.en,
    }


def parameter_json(vocab: ParameterVocabulary) -> list[dict]:
    return [{
        "id": p.id, "zh": p.zh, "zh_other": p.zh_other, "en": p.en, "unit": p.unit, "theme": p.theme,
        "measures": [{"id": m.id, "zh": m.zh, "en": m.en} for m in p.measures],
        "statuses": [{"id": s.id, "zh": s.zh} for s in p.statuses],
        "baselines": list(p.baselines), "baseline_note": p.baseline_note,
    } for p in vocab.parameters]


def csv_row(item: PublishedFact) -> list[str]:
    fact, value, previous, place = item.fact, item.fact.value, item.fact.previous, item.fact.place
    cells = [item.id, fact.parameter, fact.measure, _cell(value.low), _cell(value.high), value.unit, value.status,
             _cell(previous.low if previous else None), _cell(previous.high if previous else None), fact.change,
             fact.qualifier, fact.scope_class, fact.scope_condition, fact.scope_base, place.name if place else "",
             place.adcode if place else "", place.province if place else "", fact.level, fact.date, fact.date_basis,
             item.article.id, item.article.page, fact.anchor, fact.quote, item.en]
    return spreadsheet_text(cells)


def spreadsheet_text(cells: list[str]) -> list[str]:
    """A spreadsheet would run a cell that starts like a formula; a leading apostrophe keeps it text."""
    return ["'" + c if c.startswith(_FORMULA_START) else c for c in cells]


def _cell(number: float | None) -> str:
    return "" if number is None else str(number)


def published_schema(vocab: ParameterVocabulary) -> str:
    """The schema with the parameters and statuses of gen/data/parameters.yml listed, so an
    editor who adds one there changes nothing here."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    definitions = schema["$defs"]
    definitions["parameter_id"] = {"enum": [p.id for p in vocab.parameters]}
    statuses = list(dict.fromkeys(s.id for p in vocab.parameters for s in p.statuses))
    definitions["status_value"]["properties"]["status"] = {"enum": statuses}
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def data_files(facts: list[PublishedFact], vocab: ParameterVocabulary) -> list[OutputFile]:
    document = {"parameters": parameter_json(vocab), "facts": [fact_json(f) for f in facts]}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(f) for f in facts)
    return [
        OutputFile(paths.PARAMETERS_JSON, json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n"),
        OutputFile(paths.PARAMETERS_SCHEMA, published_schema(vocab)),
        OutputFile(paths.PARAMETERS_CSV, buffer.getvalue()),
    ]
