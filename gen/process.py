"""Per-source work: read -> assemble -> classify -> render the source page.

Each source is independent, so this runs in a process pool and its results are cached
on disk, keyed by the source's bytes, its path and a digest of the generator itself.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from importlib import import_module
from pathlib import Path

from .assemble import article_for
from .cache import Cache
from .classify import classify
from .dates import is_future
from .dedupe import fingerprint
from .export import article_fragment
from .markup import slugify
from .models import Document, Processed, Skipped
from .pages import source_page
from .places import gazetteer
from .read import read_source
from .rules import boilerplate, formats
from .themes import vocabulary

_warm = False  # whether this process has loaded the readers and vocabularies


def is_warm() -> bool:
    return _warm


def warm_up(html: bool = True, pinyin: bool = True) -> None:
    """Load the vocabularies once before forking, so workers share them; `html` also loads
    bs4 (0.14 s), which only HTML sources need, and `pinyin` pypinyin (0.08 s), which only
    new slugs need."""
    global _warm
    _warm = True
    vocabulary()
    gazetteer()
    boilerplate()
    formats()
    if pinyin:
        slugify("预热", "", "")
    if html:
        import_module(".htmlblocks", __package__)  # otherwise loaded by the readers that need it


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
    try:
        article = classify(article_for(_date_checked(result)))
        page = source_page(article, theme_names())
    except Exception as error:  # noqa: BLE001 - what one source holds must not stop the build
        return Processed(relative, skipped=Skipped(relative, f"page error: {type(error).__name__}: {str(error)[:120]}"))
    return Processed(relative, article=article, page=replace(page, content=page.content.encode("utf-8")),
                     fingerprint=fingerprint(article), data=article_fragment(article).encode("utf-8"))


@lru_cache(maxsize=None)
def theme_names() -> dict[str, str]:
    return {t.id: t.zh for t in vocabulary().themes}


def _date_checked(document: Document) -> Document:
    if document.meta.date and is_future(document.meta.date):
        warning = f"date {document.meta.date} is in the future"
        return replace(document, warnings=document.warnings + (warning,))
    return document
