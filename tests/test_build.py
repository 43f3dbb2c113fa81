"""End to end: the seeds generate a valid data export and a site mkdocs builds strictly."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest

from conftest import SEEDS, live_html_problems, mkdocs_build
from gen.pipeline import build
from gen.settings import Settings
from gen.site.export import SCHEMA_PATH


def test_sources_json_matches_its_schema(sources_data):
    jsonschema.validate(sources_data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert len(sources_data["sources"]) == 5 and sources_data["skipped"] == []


def test_mkdocs_builds_strictly(seed_project):
    result = mkdocs_build(seed_project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    site = seed_project / "site"
    assert (site / "index.html").exists()
    pages = list((site / "sources").glob("*/index.html"))
    assert len(pages) == 5


def test_built_pages_carry_no_live_html_from_sources(seed_project):
    if not (seed_project / "site").exists():
        result = mkdocs_build(seed_project)
        assert result.returncode == 0, result.stderr[-3000:]
    pages = list((seed_project / "site" / "sources").glob("*/index.html"))
    assert len(pages) == 5
    for page in pages:
        assert live_html_problems(page.read_text(encoding="utf-8")) == [], page


def test_output_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for docs in (first, second):
        build(Settings(sources=SEEDS, docs=docs, progress=False, cache=None))
    files_a = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_stale_pages_are_removed_and_hand_written_pages_kept(tmp_path):
    sources, docs = tmp_path / "src", tmp_path / "docs"
    shutil.copytree(SEEDS, sources)
    (docs / "about").mkdir(parents=True)
    (docs / "about" / "index.md").write_text("# About\n", encoding="utf-8")
    build(Settings(sources=sources, docs=docs, progress=False, cache=None))
    before = {p.name for p in (docs / "sources").iterdir()}
    (sources / "000_194e3c90e34a5c39.txt").unlink()
    build(Settings(sources=sources, docs=docs, progress=False, cache=None))
    after = {p.name for p in (docs / "sources").iterdir()}
    assert len(after) == len(before) - 1
    assert (docs / "about" / "index.md").exists()
    assert not any(p.name.startswith(".gen") for p in docs.iterdir())


def test_failed_build_leaves_previous_output(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    build(Settings(sources=SEEDS, docs=docs, progress=False, cache=None))
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}

    def explode(*args, **kwargs):
        raise RuntimeError("render failed")

    monkeypatch.setattr("gen.site.corpus.export.sources_json_files", explode)
    with pytest.raises(RuntimeError, match="render failed"):
        build(Settings(sources=SEEDS, docs=docs, progress=False, cache=None))
    after = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    assert after == before


def test_writer_refuses_paths_outside_generated_locations(tmp_path):
    import pytest

    from gen.models import OutputFile
    from gen.write import UnsafePath, write_tree

    for bad in ("../outside.md", "/etc/passwd", "sources/../../x.md", "mkdocs.yml", "about/index.md"):
        with pytest.raises(UnsafePath):
            write_tree(tmp_path / "docs", [OutputFile(bad, "x")])
    assert not (tmp_path / "outside.md").exists()
