"""The only code that writes under docs/.

The whole generated tree is written to a staging folder beside docs/ content, then each
generated top-level entry is swapped in. A build that fails before the swap leaves the
previous output untouched; entries the new build no longer produces are removed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from .models import OutputFile

# Top-level names under docs/ that belong to the generator; everything else is hand-written.
GENERATED = (
    "index.md", "sources", "data", "themes", "regions", "timeline", "glossary", "others", "feeds", "assets/generated",
)
_STAGING = ".gen-staging"
_RETIRED = ".gen-retired"


class UnsafePath(ValueError):
    pass


def check_path(relative: str) -> PurePosixPath:
    """Reject anything that could land outside docs/ or outside the generated entries."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or "\\" in relative or not path.parts:
        raise UnsafePath(relative)
    if not any(relative == g or relative.startswith(g + "/") for g in GENERATED):
        raise UnsafePath(f"{relative} is not a generated location")
    return path


def write_tree(docs: Path, files: list[OutputFile]) -> int:
    docs.mkdir(parents=True, exist_ok=True)
    staging, retired = docs / _STAGING, docs / _RETIRED
    for leftover in (staging, retired):
        shutil.rmtree(leftover, ignore_errors=True)
    seen: set[str] = set()
    for item in sorted(files, key=lambda f: f.path):
        path = check_path(item.path)
        if item.path in seen:
            raise UnsafePath(f"{item.path} written twice")
        seen.add(item.path)
        target = staging.joinpath(*path.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.content.encode("utf-8"))
    _swap(docs, staging, retired)
    return len(seen)


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
