"""Run the per-source stages for every source, from the cache where its bytes are unchanged.

The interface is one function: `process_all(jobs, process, cache, ...)`. It knows nothing of
what `process` does; a first build with many new sources sends them to a process pool.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from contextlib import contextmanager

from gen.incremental.cache import Cache
from gen.models import Processed

PARALLEL_FROM = 48  # new sources; for fewer, starting a pool costs more than it saves

Process = Callable[[str, bytes], Processed]


def process_all(
    jobs: list[tuple[str, bytes]], process: Process, cache: Cache, *, cores: int = 1, progress: bool = False,
    prepare: Callable[[], None] | None = None,
) -> list[Processed]:
    """`process(source, raw)` for every (source, raw bytes) job, in order: from the cache when
    it holds the result for these bytes, else computed (in a pool when there are many) and
    stored. `prepare` runs once before the pool forks, so the workers share what it loads."""
    keys = [cache.key(source, raw) for source, raw in jobs]
    with gc_paused():
        results = {i: hit for i, key in enumerate(keys) if (hit := cache.get(key)) is not None}
    missing = [i for i in range(len(jobs)) if i not in results]
    show = progress and sys.stderr.isatty() and len(missing) > 20
    if cores > 1 and missing and len(missing) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor

        if prepare is not None:
            prepare()
        with ProcessPoolExecutor(max_workers=min(cores, len(missing))) as pool:
            computed = pool.map(process, *zip(*(jobs[i] for i in missing), strict=True), chunksize=8)
            results.update(zip(missing, _progress(computed, len(missing), show), strict=True))
    else:
        results.update(zip(missing, _progress((process(*jobs[i]) for i in missing), len(missing), show), strict=True))
    for i in missing:
        cache.put(keys[i], results[i])
    cache.keep_only({keys[i]: results[i] for i in range(len(jobs))})
    return [results[i] for i in range(len(jobs))]


@contextmanager
def gc_paused():
    """No cycle collection while loading or aggregating many small objects that live to the
    end of the build: the collector's repeated scans of them cost more than the work."""
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
    from tqdm import tqdm  # slow to import, and only a terminal shows it

    return list(tqdm(jobs, total=total, desc="sources", unit="src"))
