"""The only code that writes under docs/.

The whole generated tree is written to a staging folder beside docs/ content, then each
generated top-level entry is swapped in. A build that fails before the swap leaves the
previous output untouched; entries the new build no longer produces are removed.
A staged file whose bytes equal the live file's is a hard link to it, not a new copy:
after a small change almost nothing is written.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from gen.models import OutputFile
from gen.paths import GENERATED

_STAGING = ".gen-staging"
_RETIRED = ".gen-retired"


class UnsafePath(ValueError):
    pass


def check_path(relative: str) -> str:
    """Reject anything that could land outside docs/ or outside the generated entries: only
    plain "a/b/c" paths (no empty, "." or ".." part, no backslash) under a generated entry."""
    if "\\" in relative or any(part in ("", ".", "..") for part in relative.split("/")):
        raise UnsafePath(relative)
    if not any(relative == g or relative.startswith(g + "/") for g in GENERATED):
        raise UnsafePath(f"{relative} is not a generated location")
    return relative


Stamp = tuple[int, int, int]  # inode, size, modification time (ns) of a written file


class StaleOutput(RuntimeError):
    """A file meant to stay as the last build wrote it is no longer that file."""


def write_tree(docs: Path, files: list[OutputFile], kept: dict[str, Stamp] | None = None) -> dict[str, Stamp]:
    """Write `files`, plus the files named in `kept` left as the last build wrote them (each
    given with the stamp it had then), and return every file's stamp.

    A kept file is linked into the new tree only if the live file still has its stamp;
    otherwise nothing is swapped in and StaleOutput is raised: the caller builds it anew.
    """
    docs.mkdir(parents=True, exist_ok=True)
    staging, retired = docs / _STAGING, docs / _RETIRED
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    kept = kept or {}
    stamps: dict[str, Stamp] = {}
    folders: set[str] = set()
    for relative, item in sorted([(f.path, f) for f in files] + [(path, None) for path in kept], key=lambda e: e[0]):
        check_path(relative)
        if relative in stamps:
            raise UnsafePath(f"{relative} written twice")
        folder, _, _ = relative.rpartition("/")
        if folder not in folders:
            os.makedirs(os.path.join(staging, folder), exist_ok=True)
            folders.add(folder)
        live, target = os.path.join(docs, relative), os.path.join(staging, relative)
        if item is None:
            if not _linked_as_kept(live, target, kept[relative]):
                raise StaleOutput(relative)
        else:
            _stage(live, target, item.content if isinstance(item.content, bytes) else item.content.encode("utf-8"))
        found = os.stat(target)
        stamps[relative] = (found.st_ino, found.st_size, found.st_mtime_ns)
    _swap(docs, staging, retired)
    return stamps


def _linked_as_kept(live: str, target: str, stamp: Stamp) -> bool:
    try:
        found = os.lstat(live)
        if stat.S_ISREG(found.st_mode) and (found.st_ino, found.st_size, found.st_mtime_ns) == stamp:
            os.link(live, target)
            return True
    except OSError:
        pass
    return False


def _stage(live: str, target: str, content: bytes) -> None:
    try:
        found = os.lstat(live)
        if stat.S_ISREG(found.st_mode) and found.st_size == len(content):
            with open(live, "rb") as current:
                if current.read() == content:
                    os.link(live, target)
                    return
    except OSError:
        pass  # no live file yet, or no hard links on this file system: write a copy
    with open(target, "wb") as new:
        new.write(content)


def _swap(docs: Path, staging: Path, retired: Path) -> None:
    retired.mkdir(parents=True, exist_ok=True)
    for entry in GENERATED:
        current, new = docs / entry, staging / entry
        if current.exists():
            parked = retired / entry
            parked.parent.mkdir(parents=True, exist_ok=True)
            os.replace(current, parked)
        if new.exists():
            current.parent.mkdir(parents=True, exist_ok=True)
            os.replace(new, current)
    shutil.rmtree(retired, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)
