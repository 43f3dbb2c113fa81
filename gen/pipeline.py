"""build(settings): per source (read -> assemble -> classify -> page, cached and parallel),
then for the corpus (duplicates -> index pages -> data -> write)."""

from __future__ import annotations

import gc
import os
import sys
import time
from contextlib import contextmanager

from . import render, write
from .assemble import unique_ids
from .corpus import corpus_pages
from .dedupe import mark_duplicates
from .models import BuildReport
from .pages import source_page
from .process import Cache, Processed, process_and_store, theme_names, warm_up
from .read import discover
from .settings import Settings

PARALLEL_FROM = 48  # fewer sources than this are read in one worker (or here)
OVERLAP_FROM = 100  # cached sources worth loading while a worker reads the changed ones


def build(settings: Settings) -> BuildReport:
    clock = Clock()
    cache = Cache(settings.cache)
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


def process_all(settings: Settings, sources: list[str], cache: Cache) -> list[Processed]:
    """Every source, in path order: from the cache where its bytes are unchanged.

    Sources to (re)process start in worker processes first, so that reading them overlaps
    with loading the cached ones here; a cache entry that cannot be read is processed last.
    """
    keys = {s: cache.key(settings.sources, s) for s in sources}
    stored = [s for s in sources if cache.holds(keys[s])]
    missing = [s for s in sources if not cache.holds(keys[s])]
    cores = settings.workers or os.cpu_count() or 1
    show = settings.progress and sys.stderr.isatty() and len(missing) > 20
    pool = None
    if cores > 1 and (len(missing) >= PARALLEL_FROM or missing and len(stored) >= OVERLAP_FROM):
        if len(missing) >= PARALLEL_FROM:
            warm_up()  # before the fork, so every worker shares the loaded vocabularies
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(max_workers=min(cores, len(missing)))
        jobs = pool.map(process_and_store, *_arguments(settings, missing, keys), chunksize=8)
    with gc_paused():
        results = {s: hit for s in stored if (hit := cache.get(keys[s])) is not None}
    if pool is not None:
        with pool:
            results.update(zip(missing, _progress(jobs, len(missing), show)))
    unread = [s for s in sources if s not in results]  # no pool, or an unreadable cache entry
    results.update(zip(unread, _progress(map(process_and_store, *_arguments(settings, unread, keys)), len(unread), show)))
    cache.keep_only(set(keys.values()))
    return [results[s] for s in sources]


def _arguments(settings: Settings, sources: list[str], keys: dict[str, str]) -> tuple[list, ...]:
    return [settings.sources] * len(sources), sources, [settings.cache] * len(sources), [keys[s] for s in sources]


@contextmanager
def gc_paused():
    """No cycle collection while loading or aggregating many small objects that live to the
    end of the build: the collector's repeated scans of them cost more than the work
    (unpickling 1,000 cached sources: 0.14 s without, 0.24-0.59 s with)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _progress(jobs, total: int, show: bool) -> list[Processed]:
    if not show:
        return list(jobs)
    from tqdm import tqdm  # ~45 ms to import, and only a terminal shows it

    return list(tqdm(jobs, total=total, desc="sources", unit="src"))


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
