"""Stage 1: find the source files and read each into a Document, or a skip reason."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .decode import NotText, decode_bytes
from .models import Document, Skipped
from .readers import Unreadable, read_text
from .settings import MAX_SOURCE_BYTES, MAX_SOURCE_LINES, MAX_SOURCE_PARAGRAPHS

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


def read_source(root: Path, relative: str) -> Document | Skipped:
    """Never raises: every failure becomes a Skipped with a one-line reason.

    A source over a size limit is skipped, not cut short: a truncated article would be
    published, classified and counted as if it were whole. Lines are counted before any
    reader runs; paragraphs (which an HTML line can hold thousands of) after reading.
    """
    path = root / relative
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            return Skipped(relative, f"file too large ({size} bytes > {MAX_SOURCE_BYTES})")
        raw = path.read_bytes()
        text, encoding = decode_bytes(raw)
        lines = _line_count(text)
        if lines > MAX_SOURCE_LINES:
            return Skipped(relative, f"too many lines ({lines} > {MAX_SOURCE_LINES})")
        document = read_text(text, relative)
        if len(document.blocks) > MAX_SOURCE_PARAGRAPHS:
            return Skipped(relative, f"too many paragraphs ({len(document.blocks)} > {MAX_SOURCE_PARAGRAPHS})")
        if encoding.endswith("+replaced"):
            document = replace(document, warnings=document.warnings + ("invalid UTF-8 bytes replaced",))
        return document
    except (NotText, Unreadable) as error:
        return Skipped(relative, str(error))
    except RecursionError:
        return Skipped(relative, "markup nested too deeply")
    except Exception as error:  # noqa: BLE001 - a bad source must not stop the build
        return Skipped(relative, f"reader error: {type(error).__name__}: {str(error)[:120]}")


def _line_count(text: str) -> int:
    """Lines as the readers will see them: a lone CR ends a line too."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (1 if text and not text.endswith(("\n", "\r")) else 0)
