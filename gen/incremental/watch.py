"""python -m gen watch: build, then build again whenever a source is added, changed or removed.

The process stays alive, so a rebuild after an edit pays no interpreter start-up and keeps
every unchanged source's result in memory: only the edited source is read again. `make
serve` runs this beside `mkdocs serve`, which reloads the browser when docs/ changes.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from gen.incremental.cache import Cache
from gen.models import BuildReport
from gen.pipeline import build, prepare
from gen.reading.discover import discover
from gen.settings import Settings
from gen.write import docs_lock


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Each source file: its modification time and size."""
    if not folder.is_dir():
        return {}
    stamps = {}
    for relative in discover(folder):
        try:
            info = os.stat(folder / relative, follow_symlinks=False)  # a link's own stamp: it is not followed
        except OSError:
            # Removed while we looked, or a name that is not UTF-8 (shown escaped, so not
            # a path): still there, so that its coming and going is seen.
            stamps[relative] = (0, -1)
            continue
        stamps[relative] = (info.st_mtime_ns, info.st_size)
    return stamps


def watch(
    settings: Settings,
    report: Callable[[BuildReport], None],
    *,
    interval: float = 1.0,
    rebuilds: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Build now, then after each change to the sources (at most `rebuilds` times)."""
    prepare()  # once: each later rebuild then reads an edited source here, at once
    cache = Cache(settings.cache, memory={})
    seen = snapshot(settings.sources)
    _build_and_report(settings, cache, report)
    done = 0
    while rebuilds is None or done < rebuilds:
        sleep(interval)
        current = snapshot(settings.sources)
        if current != seen:
            seen = current
            _build_and_report(settings, cache, report)
            done += 1


def _build_and_report(settings: Settings, cache: Cache, report: Callable[[BuildReport], None]) -> None:
    try:
        with docs_lock(settings.docs):
            report(build(settings, cache))
    except OSError as error:  # docs/ or the sources cannot be used now: say so, try after the next edit
        print(f"error: {error}", file=sys.stderr, flush=True)
    except Exception:  # a bug must not end the session: say so and wait for the next edit
        traceback.print_exc()
    # The results kept in memory live until the next build and hold no reference cycles:
    # spare them the collector's scans, which otherwise grow with the corpus (10,000 sources:
    # a rebuild took 2-4 s instead of well under one).
    gc.collect()
    gc.freeze()
