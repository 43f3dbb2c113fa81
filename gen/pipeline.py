"""build(settings): per source (read -> assemble -> classify -> page, cached and parallel),
then for the corpus (duplicates -> index pages -> data -> write).

When the last build left a memo (gen/memo.py) and only a few sources were edited in ways
no corpus page can show, the corpus pages are kept and only the edited sources are read.
"""

from __future__ import annotations

import time
from dataclasses import replace

from . import render, write
from .assemble import unique_ids
from .cache import Cache
from .corpus import corpus_pages, group_of
from .dedupe import duplicate_pairs, likeness, with_pairs
from .export import sources_json_files, sources_json_parts
from .memo import CorpusMemo, SourceStamps, changed_sources, links_and_shows, slugs_of, source_keys, why_not_kept
from .models import BuildReport, OutputFile, Processed, Record
from .pages import source_page
from .process import theme_names
from .read import discover
from .settings import Settings
from .workers import WarmWorker, gc_paused, process_all


def build(settings: Settings, cache: Cache | None = None) -> BuildReport:
    """One build; `cache` is given by callers that keep results in memory between builds."""
    clock = Clock()
    cache = Cache(settings.cache) if cache is None else cache
    render.keep_compiled_templates(cache.folder / "templates" if cache.folder else None)
    sources = discover(settings.sources) if settings.sources.is_dir() else []
    warm = WarmWorker.worth_it(settings, sources, cache)
    with gc_paused():
        memo = cache.memo()
    keys, seen = source_keys(settings.sources, sources, cache.key, memo)
    changed, why_full = changed_sources(memo, str(settings.docs.resolve()), settings.site_url, keys)
    preload = Preload(settings, cache, keys, [s for s in keys if s not in (changed or ())])
    if changed is not None:
        with gc_paused():
            kept = _keep_corpus(settings, cache, keys, seen, memo, changed, warm, preload, clock)
        if isinstance(kept, BuildReport):
            return kept
        why_full, warm = kept, None  # the worker read the edited sources; the full build finds them cached
    results = process_all(settings, sources, cache, keys, warm, known=preload.loaded)
    clock.lap("read+classify" if changed is None else "load")  # after a kept build was tried: the rest
    with gc_paused():
        report = _corpus_stage(settings, cache, keys, seen, results, clock)
    return replace(report, corpus=f"rendered: {why_full}")


def _corpus_stage(
    settings: Settings, cache: Cache, keys: dict[str, str], seen: SourceStamps, results: list[Processed], clock: Clock,
) -> BuildReport:
    skipped = [r.skipped for r in results if r.skipped]
    rendered = {r.source_file: r.page for r in results if r.page}
    prints = {r.source_file: r.fingerprint for r in results if r.article}
    articles = unique_ids([r.article for r in results if r.article])
    likes = [likeness(a, prints.get(a.document.source_file)) for a in articles]
    pairs = duplicate_pairs(likes)
    articles = with_pairs(articles, pairs)
    clock.lap("duplicates")
    files = []
    for article in articles:
        if not article.duplicate_of:
            page = rendered[article.document.source_file]
            files.append(page if page.path == article.page else source_page(article, theme_names()))
    parts = sources_json_parts(articles, {r.source_file: r.data for r in results if r.data})
    pages = corpus_pages(articles, skipped, settings.site_url, parts, cores=settings.cores)
    clock.lap("index+render")
    cache.forget_memo()
    stamps = write.write_tree(settings.docs, files + pages)
    clock.lap("write")
    records = tuple(Record.of(a) for a in articles)
    links, shows = links_and_shows(pages)
    cache.remember(CorpusMemo(str(settings.docs.resolve()), settings.site_url, keys, tuple(skipped), records,
                              tuple(likes), pairs, tuple(parts), stamps, links, shows, seen, slugs_of(results)))
    cache.keep_only(set(keys.values()), {keys[r.source_file]: r for r in results})
    clock.lap("memo+cache")
    return _report(keys, stamps, tuple(skipped), records, clock, "rendered")


def _keep_corpus(
    settings: Settings, cache: Cache, keys: dict[str, str], seen: SourceStamps, memo: CorpusMemo, changed: list[str],
    warm: WarmWorker | None, preload: Preload, clock: Clock,
) -> BuildReport | str:
    """The build when the memo's corpus pages can be kept, all or all but a few groups;
    else why they cannot (the full build then uses what `preload` has loaded)."""
    old = {s: cache.get(memo.keys[s]) for s in changed}
    new = dict(zip(changed, process_all(settings, changed, cache, keys, warm, preload.some,
                                        slugs=memo.slug_hints(changed))))
    clock.lap("read+classify")
    at = {r.source_file: i for i, r in enumerate(memo.records)}
    again: set[str] = set()
    for source in changed:
        why, pages = ("no earlier result", set()) if old[source] is None else why_not_kept(
            old[source], new[source], memo.records[at[source]], memo)
        if why:
            return f"{source}: {why}"
        again |= pages
    likes, records, parts = list(memo.likeness), list(memo.records), list(memo.parts)
    files: list[OutputFile] = []
    for source in changed:
        i, article = at[source], new[source].article
        likes[i] = likeness(article, new[source].fingerprint)
        records[i] = replace(records[i], warnings=article.document.warnings)
        final = replace(article, id=records[i].id)
        parts[i] = sources_json_parts([final], {source: new[source].data})[0]
        page = new[source].page
        files.append(page if page.path == final.page else source_page(final, theme_names()))
    if changed and duplicate_pairs(likes) != memo.pairs:
        return "duplicates changed"
    clock.lap("duplicates")
    rendered = _render_pages(settings, preload, keys, new, memo, parts, again) if again else []
    files += rendered + sources_json_files(parts, list(memo.skipped))
    clock.lap("index+render")
    written = {f.path for f in files}
    kept = {p: s for p, s in memo.stamps.items() if p not in written}
    cache.forget_memo()
    try:
        stamps = write.write_tree(settings.docs, files, kept)
    except write.StaleOutput as stale:
        return f"{stale} is not the file the last build wrote"
    clock.lap("write")
    links, shows = links_and_shows(rendered)
    cache.remember(replace(memo, keys=dict(keys), records=tuple(records), likeness=tuple(likes), parts=tuple(parts),
                           stamps=stamps, links={**memo.links, **links}, shows={**memo.shows, **shows}, seen=seen,
                           slugs={**memo.slugs, **slugs_of(list(new.values()))}))
    cache.keep_only(set(keys.values()), {keys[s]: new[s] for s in changed})
    clock.lap("memo+cache")
    return _report(keys, stamps, memo.skipped, tuple(records), clock,
                   "kept" + (" but " + ", ".join(sorted({f.path for f in rendered})) if rendered else ""))


def _render_pages(
    settings: Settings, preload: Preload, keys: dict[str, str], new: dict[str, Processed], memo: CorpusMemo,
    parts: list[bytes], pages: set[str],
) -> list[OutputFile]:
    """These corpus pages (with the rest of their groups, but for theme and region pages),
    from every article."""
    results = {**preload.rest(), **new}
    articles = unique_ids([r.article for s in keys if (r := results[s]).article])
    return corpus_pages(with_pairs(articles, memo.pairs), list(memo.skipped), settings.site_url, parts,
                        cores=settings.cores, groups={group_of(p) for p in pages}, only=pages)


class Preload:
    """The cached results of the unchanged sources, loaded a few at a time while a worker
    reads the edited ones: should some corpus pages need rendering again, they are ready.
    Used inside _keep_corpus, with the garbage collector paused."""

    STEP = 25

    def __init__(self, settings: Settings, cache: Cache, keys: dict[str, str], sources: list[str]):
        self.settings, self.cache, self.keys, self.waiting = settings, cache, keys, sources
        self.loaded: dict[str, Processed | None] = {}

    def some(self) -> bool:
        for source in self.waiting[len(self.loaded):len(self.loaded) + self.STEP]:
            self.loaded[source] = self.cache.get(self.keys[source])
        return len(self.loaded) < len(self.waiting)

    def rest(self) -> dict[str, Processed]:
        while self.some():
            pass
        unreadable = [s for s, r in self.loaded.items() if r is None]  # read those sources again
        self.loaded.update(zip(unreadable, process_all(self.settings, unreadable, self.cache, self.keys)))
        return self.loaded


def _report(keys, stamps, skipped, records, clock, corpus) -> BuildReport:
    warnings = tuple(f"{r.source_file}: {w}" for r in records for w in r.warnings)
    return BuildReport(len(keys), len(stamps), tuple(skipped), warnings, records, tuple(clock.laps), corpus)


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
