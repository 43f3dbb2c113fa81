"""build(settings): per source (read -> assemble -> classify -> page, cached and parallel),
then for the corpus (duplicates -> index pages -> data -> write)."""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from tqdm import tqdm

from . import export, feeds, home, indexes, write
from .assemble import unique_ids
from .dedupe import mark_duplicates
from .models import Article, BuildReport, OutputFile, Skipped
from .pages import source_page
from .process import Cache, Processed, process_and_store, theme_names, warm_up
from .read import discover
from .settings import Settings
from .themes import vocabulary

PARALLEL_FROM = 48


def build(settings: Settings) -> BuildReport:
    clock = Clock()
    sources = discover(settings.sources) if settings.sources.is_dir() else []
    results = process_all(settings, sources)
    clock.lap("read+classify")
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
    files += corpus_pages(articles, skipped, settings, {r.source_file: r.data for r in results if r.data})
    clock.lap("index+render")
    written = write.write_tree(settings.docs, files)
    clock.lap("write")
    warnings = tuple(f"{a.document.source_file}: {w}" for a in articles for w in a.document.warnings)
    return BuildReport(len(sources), written, tuple(skipped), warnings, tuple(articles), tuple(clock.laps))


def corpus_pages(
    articles: list[Article], skipped: list[Skipped], settings: Settings, fragments: dict[str, str] | None = None
) -> list[OutputFile]:
    vocab = vocabulary()
    provinces = {p.province: p.adcode[:2] + "0000" for a in articles for x in a.paragraphs for p in x.places if p.province}
    files = home.home_page(articles, vocab)
    files.append(home.glossary_page(articles))
    files += indexes.theme_pages(articles, vocab, provinces)
    files += indexes.region_pages(articles, vocab, provinces)
    files.append(indexes.timeline_page(articles, vocab))
    files += indexes.source_index_pages(articles, vocab)
    files.append(indexes.others_page(articles))
    files += export.sources_json(articles, skipped, fragments)
    files += feeds.feeds(articles, vocab, settings.site_url)
    files.append(feeds.jieba_user_dict(home.search_words(vocab)))
    return files


def process_all(settings: Settings, sources: list[str]) -> list[Processed]:
    """Every source, in path order: from the cache where its bytes are unchanged."""
    cache = Cache(settings.cache)
    keys = {s: cache.key(settings.sources, s) for s in sources}
    results = {s: hit for s in sources if (hit := cache.get(keys[s])) is not None}
    missing = [s for s in sources if s not in results]
    show = settings.progress and sys.stderr.isatty() and len(missing) > 20
    workers = settings.workers or os.cpu_count() or 1
    if len(missing) >= PARALLEL_FROM and workers > 1:
        warm_up()  # before the fork, so every worker shares the loaded vocabularies
    arguments = ([settings.sources] * len(missing), missing, [settings.cache] * len(missing), [keys[s] for s in missing])
    if len(missing) < PARALLEL_FROM or workers == 1:
        jobs = map(process_and_store, *arguments)
        fresh = list(tqdm(jobs, total=len(missing), disable=not show, desc="sources", unit="src"))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            jobs = pool.map(process_and_store, *arguments, chunksize=8)
            fresh = list(tqdm(jobs, total=len(missing), disable=not show, desc="sources", unit="src"))
    results.update(zip(missing, fresh))
    return [results[s] for s in sources]


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
