"""build(settings): the stages, in order.

Per source (independent, so cached and run in parallel by `incremental`):
    read (decode, detect the family, read, finish) -> understand (anchors, themes, places,
    figures) -> its own page.
For the corpus:
    duplicates -> site pages (themes, regions, timeline, listings, home, feeds, data) -> write.
"""

from __future__ import annotations

import time
from dataclasses import replace
from functools import cache
from itertools import chain

from gen import write
from gen.incremental.cache import Cache
from gen.incremental.workers import gc_paused, process_all
from gen.models import Article, BuildReport, OutputFile, Processed, Record, Skipped
from gen.reading.discover import discover, load_bytes, read_document
from gen.rendering import jinja
from gen.settings import Settings
from gen.site.corpus import iter_corpus_pages
from gen.site.export import article_fragment, sources_json_parts
from gen.site.source_page import source_page
from gen.understanding.assemble import article_for, unique_ids
from gen.understanding.classify import classify
from gen.understanding.duplicates import duplicate_pairs, fingerprint, likeness, with_pairs
from gen.understanding.parameters import find_parameters


def build(settings: Settings, cache: Cache | None = None) -> BuildReport:
    """One build; `cache` is given by callers that keep results in memory between builds."""
    clock = Clock()
    cache = Cache(settings.cache) if cache is None else cache
    jinja.keep_compiled_templates(cache.folder / "templates" if cache.folder else None)
    sources = discover(settings.sources) if settings.sources.is_dir() else []
    loaded = [(source, load_bytes(settings.sources, source)) for source in sources]
    jobs = [(source, raw) for source, raw in loaded if isinstance(raw, bytes)]
    results = process_all(jobs, process_source, cache, cores=settings.cores, progress=settings.progress,
                          prepare=prepare)
    clock.lap("read+understand")
    with gc_paused():
        skipped = [raw for _, raw in loaded if isinstance(raw, Skipped)] + [r.skipped for r in results if r.skipped]
        articles = find_duplicates(results)
        clock.lap("duplicates")
        parts = sources_json_parts(articles, {r.source_file: r.data for r in results if r.data})
        # handed to the writer as they are made (one group of pages at a time), not as one list
        pages = chain(source_pages(articles, results), iter_corpus_pages(articles, skipped, settings.site_url, parts))
        written = write.write_tree(settings.docs, pages)
        clock.lap("pages+write")
    records = tuple(Record.of(a) for a in articles)
    warnings = tuple(f"{r.source_file}: {w}" for r in records for w in r.warnings)
    return BuildReport(len(sources), len(written), tuple(sorted(skipped, key=lambda s: s.source_file)), warnings,
                       records, tuple(clock.laps))


def process_source(source: str, raw: bytes) -> Processed:
    """One source through the per-source stages; a source that cannot be read is Skipped."""
    document = read_document(raw, source)
    if isinstance(document, Skipped):
        return Processed(source, skipped=document)
    try:
        article = find_parameters(classify(article_for(document)))
        page = source_page(article, theme_names())
    except Exception as error:
        return Processed(source, skipped=Skipped(source, f"page error: {type(error).__name__}: {str(error)[:120]}"))
    return Processed(source, article=article, page=replace(page, content=page.content.encode("utf-8")),
                     fingerprint=fingerprint(article), data=article_fragment(article).encode("utf-8"))


def find_duplicates(results: list[Processed]) -> list[Article]:
    """The articles with unique ids, each repeat of another marked as its duplicate."""
    prints = {r.source_file: r.fingerprint for r in results if r.article}
    articles = unique_ids([r.article for r in results if r.article])
    return with_pairs(articles, duplicate_pairs([likeness(a, prints.get(a.document.source_file)) for a in articles]))


def source_pages(articles: list[Article], results: list[Processed]) -> list[OutputFile]:
    """Each shown article's page: as rendered per source, unless its id changed with the corpus."""
    rendered = {r.source_file: r.page for r in results if r.page}
    pages = []
    for article in articles:
        if not article.duplicate_of:
            page = rendered[article.document.source_file]
            pages.append(page if page.path == article.page else source_page(article, theme_names()))
    return pages


@cache
def theme_names() -> dict[str, str]:
    from gen.understanding.themes import vocabulary

    return {t.id: t.zh for t in vocabulary().themes}


def prepare() -> None:
    """Load the rules and vocabularies once, before worker processes fork and share them."""
    from gen.cleaning import htmlblocks  # noqa: F401 - imported by HTML readers; loaded once here
    from gen.rendering.markup import slugify
    from gen.rules import boilerplate, formats
    from gen.understanding.parameters.vocabulary import parameter_vocabulary
    from gen.understanding.places import gazetteer

    theme_names()
    gazetteer()
    parameter_vocabulary()
    boilerplate()
    formats()
    slugify("预热", "", "")


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
    from gen.reading.detect import read_text

    return source_page(classify(article_for(read_text(text, source_file))), theme_names()).content
