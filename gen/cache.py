"""The per-source results cache: pickled Processed values, one file per source.

Entries live under a folder named after a digest of the generator itself, keyed by the
source's path and bytes; a corrupt entry is a miss. After a build only that build's entries
remain (see keep_only), so the cache never outgrows one copy of the corpus.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
import sys
from contextlib import suppress
from functools import lru_cache
from pathlib import Path

from .models import Processed
from .read import key_bytes
from .settings import GENERATOR_VERSION

GEN_DIR = Path(__file__).parent
# Cache folders: <version>/<shard>/<key>.pkl; only folders named like these are ever removed.
_VERSION = re.compile(r"[0-9a-f]{16}")
_SHARD = re.compile(r"[0-9a-f]{2}")
_KEY = re.compile(r"[0-9a-f]{64}")
_LISTING = "entries.txt"  # the keys the last finished build kept
_MEMO = "corpus.memo"  # what the next build needs to keep the corpus pages (gen/memo.py)


@lru_cache(maxsize=None)
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
        self._listed: set[str] | None = None  # the last build's keys, once taken by will_write
        self._memo = None  # the memo, kept in memory by a long-lived process (with `memory`)

    def key(self, root: Path, relative: str) -> str:
        digest = hashlib.sha256(generator_digest().encode())
        digest.update(relative.encode("utf-8"))
        digest.update(key_bytes(root, relative))  # opens nothing but a regular file (gen/read.py)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pkl"

    def has_entries(self) -> bool:
        """Whether an earlier build of this generator version left results here."""
        if self.folder is None or not self.folder.is_dir():
            return False
        return any(e.is_dir() and _SHARD.fullmatch(e.name) for e in os.scandir(self.folder))

    def holds(self, key: str) -> bool:
        in_memory = self.memory is not None and key in self.memory
        return in_memory or self.folder is not None and self._path(key).exists()

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

    def memo(self):
        """The last build's CorpusMemo (gen/memo.py), if it finished; None otherwise."""
        if self.folder is None or self._memo is not None:
            return self._memo
        return _load(self.folder / _MEMO)

    def forget_memo(self) -> None:
        """Called before docs/ is written: a build that stops half-way leaves no memo."""
        self._memo = None
        if self.folder is not None:
            try:
                os.unlink(self.folder / _MEMO)
            except OSError:
                pass

    def remember(self, memo) -> None:
        self._memo = memo if self.memory is not None else None  # a long-lived process keeps it at hand
        if self.folder is not None:
            _dump(self.folder / _MEMO, memo)

    def will_write(self) -> None:
        """Called before this build adds entries. The listing of the last build's keys is
        taken into memory and removed, so a build that dies before keep_only leaves no
        listing, and the next one looks at every entry instead of trusting it."""
        if self.folder is None or self._listed is not None:
            return
        self._listed = self._read_listing()
        try:
            os.unlink(self.folder / _LISTING)
        except OSError:
            pass

    def keep_only(self, keys: set[str], results: dict[str, Processed]) -> None:
        """Keep the entries of these keys and no other: in memory (if kept there, where
        `results` are added) and on disk, where other generator versions' folders and
        entries no longer used are removed."""
        if self.memory is not None:
            for key in [k for k in self.memory if k not in keys]:
                del self.memory[key]
            self.memory.update(results)
        if self.base is None or not self.base.is_dir():
            return
        for entry in os.scandir(self.base):
            if entry.is_dir(follow_symlinks=False) and entry.path != str(self.folder) and _VERSION.fullmatch(entry.name):
                shutil.rmtree(entry.path, ignore_errors=True)
        if not self.folder.is_dir():
            return
        listed = self._listed if self._listed is not None else self._read_listing()
        if listed is None:
            self._remove_unlisted(keys)
        else:  # the listing names every entry on disk: remove what left without a scan
            for key in listed - keys:
                try:
                    os.unlink(self._path(key))
                except OSError:
                    pass
        self._write_listing(keys)

    def _remove_unlisted(self, keys: set[str]) -> None:
        for shard in os.scandir(self.folder):
            if shard.is_dir(follow_symlinks=False) and _SHARD.fullmatch(shard.name):
                for entry in os.scandir(shard.path):
                    if entry.name.removesuffix(".pkl") not in keys:
                        try:
                            os.unlink(entry.path)
                        except OSError as error:  # a read-only cache: it only grows
                            cannot_write(error)

    def _read_listing(self) -> set[str] | None:
        try:
            keys = (self.folder / _LISTING).read_text(encoding="ascii").split()
        except (OSError, UnicodeDecodeError):
            return None
        return set(keys) if all(_KEY.fullmatch(k) for k in keys) else None

    def _write_listing(self, keys: set[str]) -> None:
        temporary = self.folder / (_LISTING + ".tmp")
        try:
            temporary.write_text("".join(f"{k}\n" for k in sorted(keys)), encoding="ascii")
            temporary.replace(self.folder / _LISTING)
        except OSError as error:
            cannot_write(error, temporary)


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
