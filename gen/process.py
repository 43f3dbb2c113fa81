"""Per-source work: read -> assemble -> classify -> render the source page.

Each source is independent, so this runs in a process pool and its results are cached
on disk, keyed by the source's bytes, its path and a digest of the generator itself.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import shutil
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import import_module
from pathlib import Path

from .assemble import article_for
from .classify import classify
from .dates import is_future
from .dedupe import fingerprint
from .export import article_fragment
from .markup import slugify
from .models import Article, Document, OutputFile, Skipped
from .pages import source_page
from .places import gazetteer
from .read import read_source
from .rules import boilerplate, formats
from .settings import GENERATOR_VERSION
from .themes import vocabulary

GEN_DIR = Path(__file__).parent
# Cache folders: <version>/<shard>/<key>.pkl; only folders named like these are ever removed.
_VERSION = re.compile(r"[0-9a-f]{16}")
_SHARD = re.compile(r"[0-9a-f]{2}")


@dataclass(frozen=True)
class Processed:
    """One source's result: its article and page, or why it was skipped."""

    source_file: str
    article: Article | None = None
    page: OutputFile | None = None
    skipped: Skipped | None = None
    fingerprint: frozenset[int] = frozenset()
    data: str = ""  # the article's sources.json entry


@lru_cache(maxsize=None)
def generator_digest() -> str:
    """Changes whenever code, rules or templates change, so stale cache entries miss."""
    digest = hashlib.sha256(GENERATOR_VERSION.encode())
    for path in sorted(GEN_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yml", ".json", ".j2"):
            digest.update(path.relative_to(GEN_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


_warm = False  # whether this process has loaded the readers and vocabularies


def is_warm() -> bool:
    return _warm


def warm_up() -> None:
    """Load the vocabularies once before forking, so workers share them."""
    global _warm
    _warm = True
    vocabulary()
    gazetteer()
    boilerplate()
    formats()
    slugify("预热", "", "")
    import_module(".htmlblocks", __package__)  # bs4, loaded lazily by the readers that need it


def process_and_store(root: Path, relative: str, cache_dir: Path | None, key: str) -> Processed:
    """process_source in a worker, which also writes its cache entry (in parallel)."""
    result = process_source(root, relative)
    Cache(cache_dir).put(key, result)
    return result


def process_source(root: Path, relative: str) -> Processed:
    global _warm
    _warm = True
    result = read_source(root, relative)
    if isinstance(result, Skipped):
        return Processed(relative, skipped=result)
    article = classify(article_for(_date_checked(result)))
    return Processed(relative, article=article, page=source_page(article, theme_names()),
                     fingerprint=fingerprint(article), data=article_fragment(article))


@lru_cache(maxsize=None)
def theme_names() -> dict[str, str]:
    return {t.id: t.zh for t in vocabulary().themes}


def _date_checked(document: Document) -> Document:
    if document.meta.date and is_future(document.meta.date):
        warning = f"date {document.meta.date} is in the future"
        return replace(document, warnings=document.warnings + (warning,))
    return document


class Cache:
    """Pickled Processed values, one file per source under a folder named after the
    generator's digest; a corrupt entry is a miss. After a build only that build's entries
    remain (see keep_only), so the cache never outgrows one copy of the corpus."""

    def __init__(self, base: Path | None, memory: dict[str, Processed] | None = None):
        self.base = base
        self.folder = base / generator_digest()[:16] if base is not None else None
        self.memory = memory  # a long-lived process (gen watch) keeps results here between builds

    def key(self, root: Path, relative: str) -> str:
        digest = hashlib.sha256(generator_digest().encode())
        digest.update(relative.encode("utf-8"))
        digest.update((root / relative).read_bytes())
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
        try:
            with open(self._path(key), "rb") as handle:
                value = pickle.loads(handle.read())
            return value if isinstance(value, Processed) else None
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def keep_only(self, results: dict[str, Processed]) -> None:
        """Keep exactly these results (key -> result): in memory, if kept there, and on disk,
        where other generator versions' folders and entries no longer used are removed."""
        if self.memory is not None:
            self.memory.clear()
            self.memory.update(results)
        keys = set(results)
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
                    if entry.name.removesuffix(".pkl") not in keys:
                        os.unlink(entry.path)

    def put(self, key: str, value: Processed) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        with open(temporary, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
