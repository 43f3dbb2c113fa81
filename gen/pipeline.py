"""build(settings): read -> assemble -> classify -> index -> render -> write."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from concurrent.futures import ProcessPoolExecutor

from tqdm import tqdm

from . import export, feeds, home, indexes, pages, write
from .assemble import assemble
from .classify import classify
from .dedupe import mark_duplicates
from .dates import is_future
from .models import Article, BuildReport, Document, OutputFile, Skipped
from .read import discover, read_source
from .themes import vocabulary
from .settings import Settings

PARALLEL_FROM = 48


def build(settings: Settings) -> BuildReport:
    sources = discover(settings.sources) if settings.sources.is_dir() else []
    results = _read_all(settings, sources)
    documents = [r for r in results if isinstance(r, Document)]
    skipped = [r for r in results if isinstance(r, Skipped)]
    articles = mark_duplicates([classify(a) for a in assemble([_date_checked(d) for d in documents])])
    files = render_all(articles, skipped, settings)
    written = write.write_tree(settings.docs, files)
    warnings = tuple(f"{a.document.source_file}: {w}" for a in articles for w in a.document.warnings)
    return BuildReport(len(sources), written, tuple(skipped), warnings, tuple(articles))


def render_all(articles: list[Article], skipped: list[Skipped], settings: Settings) -> list[OutputFile]:
    vocab = vocabulary()
    names = {t.id: t.zh for t in vocab.themes}
    provinces = {p.province: p.adcode[:2] + "0000" for a in articles for x in a.paragraphs for p in x.places if p.province}
    files = [pages.source_page(a, names) for a in articles if not a.duplicate_of]
    files += home.home_page(articles, vocab)
    files.append(home.glossary_page(articles))
    files += indexes.theme_pages(articles, vocab, provinces)
    files += indexes.region_pages(articles, vocab, provinces)
    files.append(indexes.timeline_page(articles, vocab))
    files += indexes.source_index_pages(articles, vocab)
    files.append(indexes.others_page(articles))
    files += export.sources_json(articles, skipped)
    files += feeds.feeds(articles, vocab, settings.site_url)
    files.append(feeds.jieba_user_dict(home.search_words(vocab)))
    return files


def _read_all(settings: Settings, sources: list[str]) -> list[Document | Skipped]:
    show = settings.progress and sys.stderr.isatty() and len(sources) > 20
    workers = settings.workers or os.cpu_count() or 1
    if len(sources) < PARALLEL_FROM or workers == 1:
        return [read_source(settings.sources, s) for s in tqdm(sources, disable=not show, desc="read", unit="src")]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        jobs = pool.map(read_source, [settings.sources] * len(sources), sources, chunksize=16)
        return list(tqdm(jobs, total=len(sources), disable=not show, desc="read", unit="src"))


def _date_checked(document: Document) -> Document:
    if document.meta.date and is_future(document.meta.date):
        warning = f"date {document.meta.date} is in the future"
        return replace(document, warnings=document.warnings + (warning,))
    return document


def page_for_text(text: str, source_file: str) -> str:
    """One source's page, as the full build would write it (used by golden tests)."""
    from .readers import read_text

    article = classify(assemble([read_text(text, source_file)])[0])
    return pages.source_page(article, {t.id: t.zh for t in vocabulary().themes}).content
