"""The passage search: one record per paragraph of every published source page, one per
source for its title, and the search page that queries them.

The records (paths.SEARCH_RECORDS and paths.SEARCH_SOURCE_RECORDS, JSON lines sorted by
URL) are what hooks/search_index.py indexes in `mkdocs build`; they are not published. Each
says what its paragraph (or the source's title) says, word for word, where it is (source
page URL, with the paragraph's anchor), and the filter values the search page offers
(gen/data/search.yml).
"""

from __future__ import annotations

import json
from functools import cache

from gen import paths
from gen.models import Article, OutputFile, Paragraph
from gen.rendering.jinja import render
from gen.rules import read_yaml
from gen.understanding.themes import Vocabulary


@cache
def search_rules() -> dict:
    return read_yaml("search.yml")


def is_record(article: Article, paragraph: Paragraph) -> bool:
    """Whether the paragraph is a passage of the search: the body paragraphs of every
    published source (headings and image captions are not)."""
    return not article.duplicate_of and paragraph.kind == "p" and bool(paragraph.text.strip())


def search_files(articles: list[Article], vocab: Vocabulary) -> list[OutputFile]:
    records = sorted((_record(article, p) for article in articles for p in article.paragraphs if is_record(article, p)),
                     key=lambda r: r["url"])
    titles = sorted((_title_record(article) for article in articles if not article.duplicate_of and article.meta.title),
                    key=lambda r: r["url"])
    return [json_lines(paths.SEARCH_RECORDS, records), json_lines(paths.SEARCH_SOURCE_RECORDS, titles),
            search_page(vocab, records)]


def json_lines(path: str, records: list[dict]) -> OutputFile:
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for r in records]
    return OutputFile(path, "".join(line + "\n" for line in lines))


def _record(article: Article, paragraph: Paragraph) -> dict:
    places = paragraph.places or article.places
    filters = {
        "theme": _unique(paragraph.theme_ids),
        "province": _unique(p.province for p in places),
        "city": _unique(p.city for p in places),
        # the provinces whose region pages list the passage (gen/site/taxonomy.region_passages):
        # named by the paragraph itself, in an on-topic source. The heat map links to it.
        "named": _unique(p.province for p in paragraph.places) if article.on_topic else [],
    }
    return _with_source(article, f"#{paragraph.anchor}", paragraph.text, filters)


def _title_record(article: Article) -> dict:
    """The source as a search result: its title is the text; its themes and places are those
    of any of its passages (a source has no `named` filter: the heat map counts passages)."""
    passages = [x for x in article.paragraphs if is_record(article, x)]
    places = [p for x in passages for p in (x.places or article.places)]
    filters = {
        "theme": _unique(t for x in passages for t in x.theme_ids),
        "province": _unique(p.province for p in places),
        "city": _unique(p.city for p in places),
    }
    return _with_source(article, "", article.meta.title, filters)


def _with_source(article: Article, anchor: str, text: str, filters: dict[str, list[str]]) -> dict:
    """A record: what it says, where, and its filters with those every record of the source shares."""
    meta = article.meta
    page = paths.url(article.page)
    filters = {
        **filters,
        "year": [meta.date[:4]] if meta.date[:4].isdigit() else [],
        "doc_type": [meta.doc_type] if meta.doc_type else [],
        "issuer_level": [meta.issuer_level] if meta.issuer_level else [],
        "publisher": [meta.publisher] if meta.publisher else [],
    }
    return {
        "url": page + anchor,
        "text": text,
        "meta": {"title": meta.title, "date": meta.date, "source": meta.publisher, "page": page},
        "filters": {key: values for key, values in sorted(filters.items()) if values},
    }


def _unique(values) -> list[str]:
    return sorted({v for v in values if v})


def search_page(vocab: Vocabulary, records: list[dict]) -> OutputFile:
    """The page, with every value each filter takes in the records: the browser then needs
    the index's filter files only for a filter that is chosen."""
    rules = search_rules()
    labels = {key: dict(values) for key, values in rules["labels"].items()}
    labels["theme"] = {t.id: f"{t.zh} {t.en}" for t in vocab.themes}
    keys = [f["key"] for f in rules["filters"]]
    values = {key: sorted({v for r in records for v in r["filters"].get(key, [])}) for key in keys}
    settings = {"filters": [{"key": f["key"], "label": f"{f['zh']} {f['en']}"} for f in rules["filters"]],
                "linked": [{"key": f["key"], "label": f"{f['zh']} {f['en']}"} for f in rules.get("linked_filters", [])],
                "labels": labels, "values": values}
    # In a <script> element "</" would end it early: JSON allows "<" to be written as \u003c.
    data = json.dumps(settings, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return OutputFile(paths.SEARCH, render("search.md.j2", settings=data))
