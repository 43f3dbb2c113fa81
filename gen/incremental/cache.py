"""The per-source results cache: pickled Processed values, one file per source.

Entries live under a folder named after a digest of the generator itself, keyed by the
source's path and the bytes read; a corrupt entry is a miss. After a build only that
build's entries remain (see keep_only), so the cache never outgrows one copy of the corpus.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sys
from contextlib import suppress
from functools import cache
from pathlib import Path

from gen.models import Processed
from gen.settings import GENERATOR_VERSION

GEN_DIR = Path(__file__).parent.parent
# Cache folders: <version>/<shard>/<key>.pkl; only folders named like these are ever removed.
_VERSION = re.compile(r"[0-9a-f]{16}")
_SHARD = re.compile(r"[0-9a-f]{2}")


@cache
def generator_digest() -> str:
    """Changes whenever code, rules or templates change, so stale cache entries miss."""
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    for path in sorted(GEN_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".json", ".j2"):
            digest.update(path.relative_to(GEN_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Cache:
    def __init__(self, base: Path | None, memory: dict[str, Processed] | None = None):
        self.base = base
        self.folder = base / generator_digest()[:16] if base is not None else None
        self.memory = memory  # a long-lived process (gen watch) keeps results here between builds

    @staticmethod
    def key(relative: str, raw: bytes) -> str:
        """The source's path and the bytes that were read (not the file as it is now)."""
        digest = hashlib.sha256(generator_digest().encode())
        digest.update(relative.encode("utf-8", "surrogateescape"))
        digest.update(b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def get(self, key: str) -> Processed | None:
        if self.memory is not None and key in self.memory:
            return self.memory[key]
        if self.folder is None:
            return None
        value = _load(self._path(key))
        return value if isinstance(value, Processed) else None

    def put(self, key: str, value: Processed) -> None:
        if self.folder is not None:
            _dump(self._path(key), value)

    def keep_only(self, results: dict[str, Processed]) -> None:
        """Keep these entries and no other: in memory (if kept there) and on disk, where other
        generator versions' folders and entries no longer used are removed."""
        if self.memory is not None:
            self.memory.clear()
            self.memory.update(results)
        if self.base is None or not self.base.is_dir():
            return
        for entry in os.scandir(self.base):
            if entry.is_dir(follow_symlinks=False) and entry.path != str(self.folder) and _VERSION.fullmatch(entry.name):
                shutil.rmtree(entry.path, ignore_errors=True)
        if not self.folder.is_dir():
            return
        for shard in os.scandir(self.folder):
            if shard.is_dir(follow_symlinks=False) and _SHARD.fullmatch(shard.name):
                for entry in os.scandir(shard.path):
                    if entry.name.removesuffix(".pkl") not in results:
                        try:
                            os.unlink(entry.path)
                        except OSError as error:  # a read-only cache: it only grows
                            cannot_write(error)


def _load(path: Path):
    """The pickled value in `path`; None if it is missing or cannot be read (a miss)."""
    try:
        with open(path, "rb") as handle:
            return pickle.loads(handle.read())
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None


def _dump(path: Path, value) -> None:
    """Pickle `value` to `path` through a temporary file, so a reader never sees half of it.
    A cache that cannot be written (full, read-only) costs speed, not the build: a warning."""
    temporary = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError as error:
        cannot_write(error, temporary)


def cannot_write(error: OSError, temporary: Path | None = None) -> None:
    """Warn once per process that the cache is not written; leave no half-written file."""
    if temporary is not None:
        with suppress(OSError):
            temporary.unlink()
    if not _warned:
        _warned.append(error)
        print(f"warning: cache not written ({error.strerror or error}); the build goes on without it", file=sys.stderr)


_warned: list[OSError] = []
