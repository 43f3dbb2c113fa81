"""The command line: summary, exit codes, --strict."""

from __future__ import annotations

import shutil

from conftest import SEEDS
from gen.__main__ import main


def test_build_prints_a_summary_and_exits_zero(tmp_path, capsys):
    assert main(["build", "--sources", str(SEEDS), "--docs", str(tmp_path / "docs"), "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "sources read: 5" in out and "skipped: 0" in out and "time:" in out


def test_strict_fails_on_a_skipped_source_and_names_it(tmp_path, capsys):
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    (sources / "empty.txt").write_bytes(b"")
    args = ["build", "--sources", str(sources), "--docs", str(tmp_path / "docs"), "--no-cache"]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1
    out = capsys.readouterr().out
    assert "skipped empty.txt: empty file" in out


def test_missing_sources_folder_is_an_error(tmp_path, capsys):
    assert main(["build", "--sources", str(tmp_path / "nope"), "--docs", str(tmp_path / "docs")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_a_cached_build_reports_what_a_full_one_did(tmp_path, capsys):
    """Skipped sources, duplicates and warnings are reported again when results come from the cache."""
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    (sources / "empty.txt").write_bytes(b"")
    shutil.copy(sources / "000_194e3c90e34a5c39.txt", sources / "repost.txt")
    args = ["build", "--sources", str(sources), "--docs", str(tmp_path / "docs"), "--cache", str(tmp_path / "cache")]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    again = capsys.readouterr().out
    report = [line for line in first.splitlines() if not line.startswith("  time:")]
    assert report == [line for line in again.splitlines() if not line.startswith("  time:")]
    assert "skipped empty.txt: empty file" in again and "duplicate repost.txt" in again


def test_one_setting_gives_the_published_address(tmp_path, monkeypatch):
    """SITE_URL sets the address for MkDocs (mkdocs.yml reads it with !ENV) and the feeds alike."""
    from conftest import ROOT
    from gen.__main__ import site_url

    monkeypatch.delenv("SITE_URL", raising=False)
    assert site_url(ROOT / "mkdocs.yml") == "https://example.github.io/caigou-briefing/"
    monkeypatch.setenv("SITE_URL", "https://owner.github.io/briefing")
    assert site_url(ROOT / "mkdocs.yml") == "https://owner.github.io/briefing/"
    args = ["build", "--sources", str(SEEDS), "--docs", str(tmp_path / "docs"), "--no-cache"]
    assert main(args) == 0
    assert "https://owner.github.io/briefing/sources/" in (tmp_path / "docs" / "feeds" / "rss.xml").read_text(encoding="utf-8")
