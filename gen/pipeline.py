"""build(settings): per source (read -> assemble -> classify -> page, cached and parallel),
then for the corpus (duplicates -> index pages -> data -> write)."""

from __future__ import annotations

import os
import time

from . import render, write
from .assemble import unique_ids
from .corpus import corpus_pages
from .dedupe import mark_duplicates
from .models import BuildReport
from .pages import source_page
from .cache import Cache
from .models import Processed
from .process import theme_names
from .read import discover
from .settings import Settings
from .workers import gc_paused, process_all


def build(settings: Settings, cache: Cache | None = None) -> BuildReport:
    """One build; `cache` is given by callers that keep results in memory between builds."""
    clock = Clock()
    cache = Cache(settings.cache) if cache is None else cache
    render.keep_compiled_templates(cache.folder / "templates" if cache.folder else None)
    sources = discover(settings.sources) if settings.sources.is_dir() else []
    results = process_all(settings, sources, cache)
    clock.lap("read+classify")
    with gc_paused():
        return _corpus_stage(settings, sources, results, clock)


def _corpus_stage(settings: Settings, sources: list[str], results: list[Processed], clock: Clock) -> BuildReport:
    skipped = [r.skipped for r in results if r.skipped]
    rendered = {r.source_file: r.page for r in results if r.page}
    prints = {r.source_file: r.fingerprint for r in results if r.article}
    articles = mark_duplicates(unique_ids([r.article for r in results if r.article]), prints)
    clock.lap("duplicates")
    files = []
    for article in articles:
        if not article.duplicate_of:
            page = rendered[article.document.source_file]
            files.append(page if page.path == article.page else source_page(article, theme_names()))
    fragments = {r.source_file: r.data for r in results if r.data}
    files += corpus_pages(articles, skipped, settings.site_url, fragments, cores=settings.workers or os.cpu_count() or 1)
    clock.lap("index+render")
    written = write.write_tree(settings.docs, files)
    clock.lap("write")
    warnings = tuple(f"{a.document.source_file}: {w}" for a in articles for w in a.document.warnings)
    return BuildReport(len(sources), written, tuple(skipped), warnings, tuple(articles), tuple(clock.laps))


class Clock:
    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps.append((name, now - self._last))
        self._last = now


def page_for_text(text: str, source_file: str) -> str:
    """One source's page, as the full build would write it (used by golden tests)."""
    from .assemble import article_for
    from .classify import classify
    from .readers import read_text

    return source_page(classify(article_for(read_text(text, source_file))), theme_names()).content
