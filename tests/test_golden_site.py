"""The golden corpus tree: the whole generated docs/ for the seeds (every page type), file by file.

tests/golden_site/ holds what a build of seeds/ writes; any change to any page shows here
as a diff of that file. Refresh with `make golden` (UPDATE_GOLDEN=1), then read the diff.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import SEEDS, published_files
from gen import paths
from gen.pipeline import build
from gen.settings import Settings

EXPECTED = Path(__file__).parent / "golden_site"


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in published_files(folder)}


def test_the_seed_site_matches_the_golden_tree(tmp_path):
    docs = tmp_path / "docs"
    build(Settings(sources=SEEDS, docs=docs, progress=False, cache=None))
    built = _files(docs)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(docs, EXPECTED, ignore=shutil.ignore_patterns(paths.OUTPUT_TREE))
    expected = _files(EXPECTED)
    assert sorted(built) == sorted(expected), "pages added or missing: run `make golden` and read the diff"
    changed = [path for path in built if built[path] != expected[path]]
    assert changed == [], f"pages differ from tests/golden_site: {changed}"


def test_the_golden_tree_has_every_page_type():
    present = set(_files(EXPECTED))
    singles = {paths.HOME, paths.SOURCE_LIST, paths.THEME_INDEX, paths.REGION_INDEX, paths.TIMELINE, paths.GLOSSARY,
               paths.OTHERS, paths.SOURCES_JSON, paths.SOURCES_SCHEMA, paths.RSS, paths.JSON_FEED,
               paths.FIGURES_CSV, paths.PASSAGES_CSV, paths.SEARCH, paths.SEARCH_RECORDS, paths.PARAMETERS, paths.PARAMETERS_JSON,
               paths.PARAMETERS_SCHEMA, paths.PARAMETERS_CSV}
    assert singles <= present
    assert any(p.startswith("sources/") and p != paths.SOURCE_LIST for p in present)
    assert any(p.startswith("themes/") and p != paths.THEME_INDEX for p in present)
    assert any(p.startswith("regions/") and p != paths.REGION_INDEX for p in present)
    assert any(p.startswith(paths.theme_feed("")[:-len(".xml")]) and p != paths.RSS for p in present)
