"""The cache: a re-run processes only changed sources and writes the same output."""

from __future__ import annotations

import shutil

import pytest

import gen.pipeline
from conftest import SEEDS
from gen.incremental.cache import Cache
from gen.pipeline import build
from gen.settings import Settings


def _tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(SEEDS, folder)
    return folder


def _counting(monkeypatch) -> list[str]:
    calls: list[str] = []
    original = gen.pipeline.process_source
    monkeypatch.setattr(gen.pipeline, "process_source", lambda source, raw: calls.append(source) or original(source, raw))
    return calls


def test_only_the_changed_source_is_processed_again(tmp_path, sources, monkeypatch):
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False, workers=1)
    calls = _counting(monkeypatch)
    build(settings)
    assert len(calls) == 5
    calls.clear()
    build(settings)
    assert calls == []
    changed = sources / "003_641ee5b96c45208b.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("各区市财政局：", "各区市财政局、各有关单位："), encoding="utf-8")
    build(settings)
    assert calls == ["003_641ee5b96c45208b.txt"]
    fresh = tmp_path / "fresh"
    build(Settings(sources=sources, docs=fresh, cache=None, progress=False))
    assert _tree(settings.docs) == _tree(fresh)


def test_the_key_is_of_the_bytes_read_not_of_the_file_later(tmp_path, sources, monkeypatch):
    """A source edited between being read and being stored must not be cached under the key of
    its new bytes: the next build would then keep the old result for ever."""
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False, workers=1)
    edited = sources / "003_641ee5b96c45208b.txt"
    original = gen.pipeline.process_source

    def edit_while_processing(source, raw):
        if source == edited.name:
            edited.write_text(edited.read_text(encoding="utf-8").replace("各区市财政局：", "各县市区财政局："), encoding="utf-8")
        return original(source, raw)

    monkeypatch.setattr(gen.pipeline, "process_source", edit_while_processing)
    build(settings)
    monkeypatch.undo()
    build(settings)
    fresh = tmp_path / "fresh"
    build(Settings(sources=sources, docs=fresh, cache=None, progress=False))
    assert _tree(settings.docs) == _tree(fresh)
    assert "各县市区财政局" in "".join(p.read_text(encoding="utf-8") for p in (settings.docs / "sources").glob("*.md"))


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    settings = Settings(sources=SEEDS, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False)
    build(settings)
    for entry in (tmp_path / "cache").rglob("*.pkl"):
        entry.write_bytes(b"not a pickle")
    report = build(settings)
    assert len(report.records) == 5 and not report.skipped


def test_a_pool_build_writes_what_a_serial_build_writes(tmp_path, sources, monkeypatch):
    """The pool threshold at zero, so the seeds take the path that large corpora take."""
    monkeypatch.setattr("gen.incremental.workers.PARALLEL_FROM", 0)
    pooled = tmp_path / "pooled"
    build(Settings(sources=sources, docs=pooled, cache=tmp_path / "cache", progress=False, workers=2))
    serial = tmp_path / "serial"
    build(Settings(sources=sources, docs=serial, cache=None, progress=False, workers=1))
    assert _tree(pooled) == _tree(serial)


def test_the_cache_keeps_only_the_last_build(tmp_path, sources):
    cache = tmp_path / "cache"
    old_version = cache / "0123456789abcdef" / "ab"
    old_version.mkdir(parents=True)
    (old_version / "stale.pkl").write_bytes(b"x")
    (cache / "notes.txt").write_text("not ours to remove", encoding="utf-8")
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=cache, progress=False)
    build(settings)
    (sources / "000_194e3c90e34a5c39.txt").unlink()
    build(settings)
    entries = list(cache.rglob("*.pkl"))
    assert len(entries) == 4 and not old_version.parent.exists()
    assert (cache / "notes.txt").exists()


def test_an_unwritable_cache_costs_speed_not_the_build(tmp_path, monkeypatch):
    def full(*_, **__):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("gen.incremental.cache.pickle.dump", full)
    monkeypatch.setattr("gen.incremental.cache._warned", [])
    report = build(Settings(sources=SEEDS, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False))
    assert len(report.records) == 5 and not report.skipped


def test_keys_differ_by_path_and_by_bytes():
    assert len({Cache.key("a.txt", b"x"), Cache.key("b.txt", b"x"), Cache.key("a.txt", b"y")}) == 3
