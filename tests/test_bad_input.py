"""Bad input: one clear report line each, never a traceback, the rest of the site builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bad_inputs import cases
from conftest import ROOT, SEEDS, copy_project, live_html_problems, mkdocs_build

SKIPPED = {
    "empty.txt": "empty", "blank.txt": "blank", "binary.bin": "binary", "image.png": "binary",
    "front-matter-only.txt": "no article text", "huge.txt": "too large",
    "too-many-lines.txt": "too many lines (60001 > 50000)",
}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("bad-site"))
    sources = project / "sources"
    for name, data in cases().items():
        (sources / name).parent.mkdir(parents=True, exist_ok=True)
        (sources / name).write_bytes(data)
    with open(sources / "huge.txt", "wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    for seed in SEEDS.iterdir():
        (sources / seed.name).write_bytes(seed.read_bytes())
    before = {p for p in project.parent.rglob("*")}
    result = subprocess.run(
        [sys.executable, "-m", "gen", "build", "--sources", str(sources), "--docs", str(project / "docs")],
        capture_output=True, text=True, cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    data = json.loads((project / "docs" / "data" / "sources.json").read_text(encoding="utf-8"))
    created = {p for p in project.parent.rglob("*")} - before
    allowed = [(project / "docs").resolve(), (project / ".cache").resolve()]  # output, and the documented cache
    outside = sorted(p for p in created if not any(p.resolve().is_relative_to(a) for a in allowed))
    (project / "outside.json").write_text(json.dumps([str(p) for p in outside]), encoding="utf-8")
    return project, result, data


def test_build_exits_zero_without_traceback(bad_build):
    _, result, _ = bad_build
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_unreadable_files_are_named_once_with_a_reason(bad_build, name):
    _, result, data = bad_build
    lines = [line for line in result.stdout.splitlines() if f"skipped {name}:" in line]
    assert len(lines) == 1 and SKIPPED[name] in lines[0], result.stdout
    assert {"source_file": name, "reason": lines[0].split(": ", 1)[1]} in data["skipped"]


def test_every_other_file_has_a_source_entry(bad_build):
    _, _, data = bad_build
    read = {s["source_file"] for s in data["sources"]} | {s["source_file"] for s in data["skipped"]}
    assert read == set(cases()) | {"huge.txt"} | {p.name for p in SEEDS.iterdir()}


def _source(data, name):
    return next(s for s in data["sources"] if s["source_file"] == name)


@pytest.mark.parametrize("name", ["gbk.txt", "gb18030.txt", "utf16.txt", "bom.txt", "crlf.txt"])
def test_other_encodings_and_line_ends_read_like_utf8(bad_build, name):
    _, _, data = bad_build
    source = _source(data, name)
    assert source["title"] and source["paragraphs"]
    assert all("\ufffd" not in p["text"] and "\r" not in p["text"] for p in source["paragraphs"])


def test_known_seed_read_from_gbk_matches_utf8(bad_build):
    _, _, data = bad_build
    assert _source(data, "gbk.txt")["paragraphs"] == _source(data, "003_641ee5b96c45208b.txt")["paragraphs"]


def test_warnings_for_damaged_or_odd_sources(bad_build):
    _, result, data = bad_build
    assert "invalid UTF-8" in " ".join(_source(data, "invalid-utf8.txt")["warnings"])
    assert "malformed front matter" in " ".join(_source(data, "malformed-front-matter.txt")["warnings"])
    assert "front matter uses YAML aliases" in _source(data, "alias-bomb.txt")["warnings"]
    assert "unparseable date" in " ".join(_source(data, "bad-date.txt")["warnings"])
    assert "future" in " ".join(_source(data, "future-date.txt")["warnings"])
    assert _source(data, "future-date.txt")["date"] == "2099-01-01"
    assert "warning future-date.txt" in result.stdout


def test_missing_title_is_derived(bad_build):
    _, _, data = bad_build
    assert _source(data, "no-title.txt")["title"].startswith("某市财政局持续深化政府采购制度改革")


def test_near_duplicate_has_one_canonical_page(bad_build):
    project, result, data = bad_build
    first, second = _source(data, "dup-a.txt"), _source(data, "sub/dup-b.txt")
    assert sorted([first["duplicate_of"], second["duplicate_of"]])[0] == ""
    duplicate = first if first["duplicate_of"] else second
    canonical = second if duplicate is first else first
    assert duplicate["duplicate_of"] == canonical["id"] and duplicate["page"] == canonical["page"]
    assert not (project / "docs" / "sources" / f"{duplicate['id']}.md").exists()
    assert f"duplicate {duplicate['source_file']}: same article as {canonical['source_file']}" in result.stdout


def test_two_sources_with_one_title_get_two_pages(bad_build):
    _, _, data = bad_build
    pages = {_source(data, n)["page"] for n in ("same-title-1.txt", "same-title-2.txt")}
    assert len(pages) == 2


def test_names_and_paths_stay_bounded_and_inside_docs(bad_build):
    project, _, data = bad_build
    for source in data["sources"]:
        assert len(source["id"].encode()) <= 80 and source["id"].isascii()
    assert json.loads((project / "outside.json").read_text(encoding="utf-8")) == []
    assert _source(data, "yaml-special.txt")["title"] == "标题: 带 # 号 --- 和 {大括号} \"引号\""


def test_control_and_bidi_characters_are_gone(bad_build):
    _, _, data = bad_build
    source = _source(data, "control-chars.txt")
    text = source["title"] + "".join(p["text"] for p in source["paragraphs"])
    assert not any(ch in text for ch in "\u0007\u202e\u0000")


def test_deeply_nested_html_is_read(bad_build):
    _, _, data = bad_build
    assert any("远程异地评标" in p["text"] for p in _source(data, "deep.txt")["paragraphs"])


def test_site_builds_strictly_and_carries_no_live_html(bad_build):
    project, _, data = bad_build
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    page = project / "site" / _source(data, "hostile.txt")["page"].removesuffix(".md") / "index.html"
    html = page.read_text(encoding="utf-8")
    assert live_html_problems(html) == []
    assert '<a href="https://www.ccgp.gov.cn/">' in html
    assert "恶意&lt;script&gt;alert(1)&lt;/script&gt;标题" in html


def test_a_source_gone_before_it_is_read_is_reported(tmp_path, monkeypatch):
    """Found, then deleted (or made unreadable) before the build reads it: a skip, not a crash."""
    from gen.pipeline import build
    from gen.settings import Settings

    real_discover = __import__("gen.pipeline", fromlist=["discover"]).discover
    monkeypatch.setattr("gen.pipeline.discover", lambda root: [*real_discover(root), "vanished.txt"])
    report = build(Settings(sources=SEEDS, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False))
    assert [s.source_file for s in report.skipped] == ["vanished.txt"]
    assert report.skipped[0].reason == "cannot be read: FileNotFoundError: No such file or directory" and len(report.records) == 5
