"""Run options, fixed for one build."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

GENERATOR_VERSION = "4"
MAX_SOURCE_BYTES = 5 * 1024 * 1024
# Every stage's cost and the pages' size grow with these; the largest real sources have a
# few thousand lines and paragraphs. A source over a limit is skipped (see read_source).
MAX_SOURCE_LINES = 50_000
MAX_SOURCE_PARAGRAPHS = 20_000
# Python-Markdown rebuilds a paragraph's whole text for every escape or entity in it, so
# one long paragraph of them costs the square of its length; longer paragraphs are split.
PARAGRAPH_MAX_CHARS = 4_000


@dataclass(frozen=True)
class Settings:
    sources: Path = Path("seeds")
    docs: Path = Path("docs")
    strict: bool = False
    workers: int = 0  # 0: one per core
    cache: Path | None = Path(".cache/gen")
    progress: bool = True
    site_url: str = "https://example.github.io/caigou-briefing/"

    @property
    def cores(self) -> int:
        return self.workers or os.cpu_count() or 1
