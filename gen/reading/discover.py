"""Find the source files and read each into a Document, or a reason it is skipped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from gen.cleaning.dates import is_future
from gen.models import Document, Skipped
from gen.reading.decode import NotText, decode_bytes
from gen.reading.detect import Unreadable, read_text
from gen.settings import MAX_SOURCE_BYTES, MAX_SOURCE_LINES, MAX_SOURCE_PARAGRAPHS

IGNORED_NAMES = (".DS_Store", "Thumbs.db", ".gitkeep")


def discover(root: Path) -> list[str]:
    """Every file below root (sub-folders too), as sorted POSIX paths relative to root."""
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.name not in IGNORED_NAMES:
            relative = path.relative_to(root)
            if not any(part.startswith(".") for part in relative.parts):
                found.append(relative.as_posix())
    return sorted(found)


def load_bytes(root: Path, relative: str) -> bytes | Skipped:
    """The file's bytes, read once: the cache key and the reader both use these bytes, so an
    edit made while the build runs can never be stored under the key of the old content."""
    path = root / relative
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            return Skipped(relative, f"file too large ({size} bytes > {MAX_SOURCE_BYTES})")
        return path.read_bytes()
    except OSError as error:
        return Skipped(relative, f"cannot be read: {error.strerror or type(error).__name__}")


def read_document(raw: bytes, relative: str) -> Document | Skipped:
    """Never raises: every failure becomes a Skipped with a one-line reason.

    A source over a size limit is skipped, not cut short: a truncated article would be
    published, classified and counted as if it were whole. Lines are counted before any
    reader runs; paragraphs (which an HTML line can hold thousands of) after reading.
    """
    try:
        text, encoding = decode_bytes(raw)
        lines = _line_count(text)
        if lines > MAX_SOURCE_LINES:
            return Skipped(relative, f"too many lines ({lines} > {MAX_SOURCE_LINES})")
        document = read_text(text, relative)
        if len(document.blocks) > MAX_SOURCE_PARAGRAPHS:
            return Skipped(relative, f"too many paragraphs ({len(document.blocks)} > {MAX_SOURCE_PARAGRAPHS})")
        if encoding.endswith("+replaced"):
            document = replace(document, warnings=document.warnings + ("invalid UTF-8 bytes replaced",))
        if document.meta.date and is_future(document.meta.date):
            document = replace(document, warnings=document.warnings + (f"date {document.meta.date} is in the future",))
        return document
    except (NotText, Unreadable) as error:
        return Skipped(relative, str(error))
    except RecursionError:
        return Skipped(relative, "markup nested too deeply")
    except Exception as error:
        return Skipped(relative, f"reader error: {type(error).__name__}: {str(error)[:120]}")


def read_source(root: Path, relative: str) -> Document | Skipped:
    raw = load_bytes(root, relative)
    return raw if isinstance(raw, Skipped) else read_document(raw, relative)


def _line_count(text: str) -> int:
    """Lines as the readers will see them: a lone CR ends a line too."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (1 if text and not text.endswith(("\n", "\r")) else 0)
