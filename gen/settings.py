"""Run options, fixed for one build."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
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
    site_url: str = field(default_factory=lambda: site_url(Path("mkdocs.yml")))

    @property
    def cores(self) -> int:
        return self.workers or os.cpu_count() or 1


PLACEHOLDER_SITE_URL = "https://example.github.io/caigou-briefing/"


def site_url(config: Path) -> str:
    """The published address, as MkDocs will see it: SITE_URL, else mkdocs.yml's default
    (`site_url: !ENV [SITE_URL, "…"]`). Feeds, sources.json and the pages then agree on it."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"].rstrip("/") + "/"
    if config.exists():
        for line in config.read_text(encoding="utf-8").splitlines():
            if line.startswith("site_url:"):
                value = line.split(":", 1)[1].strip()
                default = re.search(r"!ENV\s*\[\s*\w+\s*,\s*['\"]?([^'\"\]]+)", value)
                return ((default.group(1) if default else value.strip("'\"")) or PLACEHOLDER_SITE_URL).rstrip("/") + "/"
    return PLACEHOLDER_SITE_URL
