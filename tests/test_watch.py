"""Watch mode: a change to the sources triggers one rebuild that reads only what changed."""

from __future__ import annotations

import shutil

import gen.pipeline
from conftest import SEEDS
from gen.incremental.watch import snapshot, watch
from gen.settings import Settings


def test_an_edit_rebuilds_once_and_reads_only_the_edited_source(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False, workers=1)
    edited = sources / "004_e02a84cfd321e3da.txt"
    read = []
    original = gen.pipeline.process_source
    monkeypatch.setattr(gen.pipeline, "process_source", lambda source, raw: read.append(source) or original(source, raw))
    reports = []

    def edit_then_wait(seconds):
        if len(reports) == 1:
            read.clear()
            edited.write_text(edited.read_text(encoding="utf-8") + "\n新增一段：政府采购远程异地评标。\n", encoding="utf-8")

    watch(settings, reports.append, interval=0, rebuilds=1, sleep=edit_then_wait)
    assert len(reports) == 2
    assert read == ["004_e02a84cfd321e3da.txt"]
    assert len(reports[1].records) == 5 and not reports[1].skipped


def test_the_snapshot_sees_added_changed_and_removed_files(tmp_path):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    before = snapshot(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("乙", encoding="utf-8")
    assert set(snapshot(tmp_path)) == {"a.txt", "sub/b.txt"}
    (tmp_path / "a.txt").write_text("甲乙", encoding="utf-8")
    assert snapshot(tmp_path)["a.txt"] != before["a.txt"]
    (tmp_path / "a.txt").unlink()
    assert set(snapshot(tmp_path)) == {"sub/b.txt"}
    assert snapshot(tmp_path / "missing") == {}
