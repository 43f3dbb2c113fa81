"""Per-source work across processes, with the cache.

Many new sources (a first build) go to a process pool. A few (the usual re-run after an
edit) go to one worker forked as the build starts: it loads the readers and vocabularies
while this process hashes the sources and loads the cached results, so the two costs
overlap instead of adding up.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable
from contextlib import contextmanager

from .cache import Cache
from .models import Processed
from .markup import know_slugs
from .process import is_warm, process_and_store, warm_up
from .settings import Settings

PARALLEL_FROM = 48  # new sources; fewer are read by the warm worker, or here
WARM_FROM = 100  # sources; for fewer, loading the cache is too quick to hide a worker's start-up


def process_all(settings: Settings, sources: list[str], cache: Cache, keys: dict[str, str],
                warm: WarmWorker | None = None, meanwhile: Callable[[], bool] | None = None,
                known: dict[str, Processed | None] | None = None,
                slugs: dict[tuple[str, str, str], str] | None = None) -> list[Processed]:
    """Every source (with its cache key), in path order: from `known` results, else from the
    cache where its bytes are unchanged; a cache entry that cannot be read is processed again.
    `warm`, if given, was started by the caller and is used or stopped here; while it works,
    `meanwhile` is called again and again until it returns False (nothing more to do).
    `slugs` are the last build's slugs of the sources to read (see markup.know_slugs)."""
    cores = settings.cores
    known = {s: r for s, r in (known or {}).items() if r is not None}
    held = {s for s in sources if s in known or cache.holds(keys[s])}
    stored, missing = [s for s in sources if s in held], [s for s in sources if s not in held]
    show = settings.progress and sys.stderr.isatty() and len(missing) > 20
    if missing:
        cache.will_write()
    pool = None
    if warm is not None and (not missing or len(missing) >= PARALLEL_FROM):
        warm.close()
        warm = None
    if cores > 1 and len(missing) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        warm_up()  # before the fork, so every worker shares the loaded vocabularies
        pool = ProcessPoolExecutor(max_workers=min(cores, len(missing)))
        jobs = pool.map(process_and_store, *_arguments(settings, missing, keys), chunksize=8)
    elif warm is not None:
        warm.submit(list(zip(*_arguments(settings, missing, keys))), slugs or {})
    with gc_paused():
        results = {s: hit for s in stored if (hit := known.get(s) or cache.get(keys[s])) is not None}
    if pool is not None:
        with pool:
            results.update(zip(missing, _progress(jobs, len(missing), show)))
    elif warm is not None:
        while meanwhile is not None and not warm.ready() and meanwhile():
            pass
        results.update(zip(missing, warm.results()))
    unread = [s for s in sources if s not in results]  # processed here: few, or a single core
    if unread:
        cache.will_write()
        know_slugs(slugs or {})
    results.update(zip(unread, _progress(map(process_and_store, *_arguments(settings, unread, keys)), len(unread), show)))
    return [results[s] for s in sources]


class WarmWorker:
    """One forked process that warms up at once, then processes the jobs it is sent."""

    @classmethod
    def worth_it(cls, settings: Settings, sources: list[str], cache: Cache) -> WarmWorker | None:
        """A worker, if a fresh process is about to load many cached results (or to check
        the last build's memo) while a few sources may need reading."""
        if settings.cores > 1 and len(sources) >= WARM_FROM and not is_warm() and cache.has_entries():
            return cls.start()
        return None

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self._connection, child_end = context.Pipe()
        self._process = context.Process(target=_serve, args=(child_end,), daemon=True)
        self._process.start()
        child_end.close()

    @classmethod
    def start(cls) -> WarmWorker | None:
        return cls() if "fork" in multiprocessing.get_all_start_methods() else None

    def submit(self, jobs: list[tuple], slugs: dict[tuple[str, str, str], str]) -> None:
        self._connection.send((jobs, slugs))

    def ready(self) -> bool:
        return self._connection.poll()

    def results(self) -> list[Processed]:
        try:
            answer = self._connection.recv()
        finally:
            self.close()
        if isinstance(answer, BaseException):
            raise answer
        return answer

    def close(self) -> None:
        """Stop the worker, whatever it is doing (nothing of it is kept)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._connection.close()


def _serve(connection) -> None:
    try:
        # The few edited sources are rarely HTML, and rarely retitled: bs4 and pypinyin are
        # imported when one needs them.
        warm_up(html=False, pinyin=False)
        jobs, slugs = connection.recv()
        know_slugs(slugs)
        connection.send([process_and_store(*job) for job in jobs])
    except BaseException as error:  # the parent raises it, as a pool would
        connection.send(error)


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
