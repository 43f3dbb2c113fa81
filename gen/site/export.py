"""docs/data/sources.json: the site's public data and the input of later stages."""

from __future__ import annotations

import json
from pathlib import Path

from gen.models import Article, Figure, OutputFile, Place, Skipped
from gen import paths

SCHEMA_PATH = Path(__file__).parent.parent / "data" / "sources.schema.json"


def place_json(place: Place) -> dict:
    return {"name": place.name, "province": place.province, "city": place.city, "adcode": place.adcode}


def passage_place_json(place: Place) -> dict:
    return {**place_json(place), "from": place.found_in}


def _figure_place_json(place: Place) -> dict:
    return {"name": place.name, "adcode": place.adcode, "province": place.province}


def figure_json(figure: Figure) -> dict:
    data = {"text": figure.text, "value": figure.value, "unit": figure.unit}
    if figure.upper is not None:
        data["upper"] = figure.upper
    data |= {
        "qualifier": figure.qualifier, "measure": figure.measure, "period": figure.period,
        "place": _figure_place_json(figure.places[0]) if figure.places else None,
        "places": [_figure_place_json(p) for p in figure.places],
        "place_from": figure.place_from,
    }
    return data


def article_json(article: Article) -> dict:
    meta = article.meta
    return {
        "id": article.id,
        "source_file": article.document.source_file,
        "format": article.document.format,
        "page": article.page,
        "url": meta.url,
        "title": meta.title,
        "date": meta.date,
        "datetime": meta.datetime,
        "publisher": meta.publisher,
        "author": meta.author,
        "doc_number": meta.doc_number,
        "provenance": meta.provenance,
        "doc_type": meta.doc_type,
        "issuer_level": meta.issuer_level,
        "effective": meta.effective,
        "history": [{"date": date, "event": event} for date, event in meta.history],
        "summary": meta.summary,
        "on_topic": article.on_topic,
        "focus": article.focus,
        "duplicate_of": article.duplicate_of,
        "themes": list(article.themes),
        "regions": [place_json(p) for p in article.regions],
        "warnings": list(article.document.warnings),
        "paragraphs": [
            {
                "anchor": p.anchor,
                "text": p.text,
                "heading": p.heading,
                "themes": [m.theme for m in p.themes],
                "matched_terms": {m.theme: list(m.terms) for m in p.themes},
                "subject_themes": [m.theme for m in p.themes if m.via == "subject"],
                "places": [passage_place_json(x) for x in p.places],
                "figures": [figure_json(f) for f in p.figures],
                "clause": p.clause,
            }
            for p in article.paragraphs
        ],
    }


def article_fragment(article: Article) -> str:
    """One source's JSON text; workers compute it so the corpus stage only joins them."""
    return json.dumps(article_json(article), ensure_ascii=False, separators=(",", ":"))


def sources_json_parts(articles: list[Article], fragments: dict[str, bytes]) -> list[bytes]:
    """Each article's entry (UTF-8), from `fragments` (source file -> article_fragment text
    computed before the corpus stage) unless its id or duplicate mark changed since."""
    parts = []
    for article in articles:
        text = fragments.get(article.document.source_file)
        if text is None or not text.startswith(f'{{"id":{json.dumps(article.id)},'.encode()) or article.duplicate_of:
            text = article_fragment(article).encode("utf-8")
        parts.append(text)
    return parts


def sources_json_files(parts: list[bytes], skipped: list[Skipped]) -> list[OutputFile]:
    skipped_text = json.dumps([{"source_file": s.source_file, "reason": s.reason} for s in skipped],
                              ensure_ascii=False, separators=(",", ":"))
    return [
        OutputFile(paths.SOURCES_JSON, b'{"sources":[' + b",".join(parts) + b'],"skipped":' + skipped_text.encode("utf-8") + b"}\n"),
        OutputFile(paths.SOURCES_SCHEMA, SCHEMA_PATH.read_text(encoding="utf-8")),
    ]
