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
