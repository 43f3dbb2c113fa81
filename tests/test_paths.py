"""Page paths are declared once (gen/paths.py); .gitignore and `make clean` must agree with it."""

from __future__ import annotations

import re

from conftest import ROOT, published_files
from gen import paths


def _clean_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^clean:\n\t(.+)$", makefile, re.M).group(1)
    return {word.removeprefix("docs/") for word in recipe.split() if word.startswith("docs/")}


def test_every_generated_entry_is_ignored_by_git():
    ignored = {line.strip().removeprefix("docs/").rstrip("/")
               for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines() if line.startswith("docs/")}
    assert ignored == {*paths.GENERATED, paths.OUTPUT_TREE}


def test_make_clean_removes_every_generated_entry():
    assert _clean_targets() == {*paths.GENERATED, paths.OUTPUT_TREE}


def test_pages_are_published_at_directory_urls():
    assert paths.url(paths.HOME) == ""
    assert paths.url(paths.THEME_INDEX) == "themes/"
    assert paths.url(paths.source("2024-01-01-x-1234")) == "sources/2024-01-01-x-1234/"
    assert paths.url(paths.RSS) == "feeds/rss.xml"


def test_every_written_file_lies_under_a_generated_entry(seed_project):
    docs = seed_project / "docs"
    written = published_files(docs)
    generated = [w for w in written if any(w == g or w.startswith(g + "/") for g in paths.GENERATED)]
    hand_written = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*")
                    if p.is_file() and not any(p.relative_to(ROOT / "docs").as_posix().startswith(g)
                                               for g in (*paths.GENERATED, paths.OUTPUT_TREE))}
    assert set(written) - set(generated) == hand_written
    assert {paths.HOME, paths.THEME_INDEX, paths.REGION_INDEX, paths.TIMELINE, paths.GLOSSARY, paths.OTHERS,
            paths.SOURCES_JSON, paths.RSS, paths.JSON_FEED, paths.FIGURES_CSV, paths.PASSAGES_CSV,
            paths.theme_feed("sme")} <= set(generated)
