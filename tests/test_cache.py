"""The cache: a re-run re-processes only changed sources and writes the same output."""

from __future__ import annotations

import shutil

import gen.process
import gen.workers
from conftest import SEEDS
from gen.pipeline import build
from gen.settings import Settings


def _tree(folder):
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_only_the_changed_source_is_read_and_processed_again(tmp_path, monkeypatch):
    """An unchanged file's stamp (inode, size, modification and change times) stands for its
    bytes; a file changed within two seconds of being stamped is hashed anyway (here: no such
    margin, so that the stamps are used at all)."""
    monkeypatch.setattr("gen.memo.RACY_NS", 0)
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False, workers=1)
    calls, hashed = [], []
    original, original_key = gen.process.process_source, gen.workers.Cache.key
    monkeypatch.setattr(gen.process, "process_source", lambda root, rel: calls.append(rel) or original(root, rel))
    monkeypatch.setattr(gen.workers.Cache, "key", lambda self, root, rel: hashed.append(rel) or original_key(self, root, rel))
    build(settings)
    assert len(calls) == len(hashed) == 5
    calls.clear()
    hashed.clear()
    build(settings)
    assert calls == hashed == []
    changed = sources / "003_641ee5b96c45208b.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("各区市财政局：", "各区市财政局、各有关单位："), encoding="utf-8")
    build(settings)
    assert calls == hashed == ["003_641ee5b96c45208b.txt"]
    fresh = tmp_path / "fresh"
    build(Settings(sources=sources, docs=fresh, cache=None, progress=False))
    assert _tree(settings.docs) == _tree(fresh)


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    settings = Settings(sources=SEEDS, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False)
    build(settings)
    for entry in (tmp_path / "cache").rglob("*.pkl"):
        entry.write_bytes(b"not a pickle")
    report = build(settings)
    assert len(report.records) == 5 and not report.skipped


def test_overlapped_and_forked_stages_write_what_a_serial_build_writes(tmp_path, monkeypatch):
    """Thresholds at zero so the seeds take the paths that large corpora take."""
    monkeypatch.setattr("gen.workers.WARM_FROM", 0)
    monkeypatch.setattr("gen.workers.is_warm", lambda: False)  # as in a fresh process
    monkeypatch.setattr("gen.corpus.FORK_FROM", 0)
    answered = []
    original_results = gen.workers.WarmWorker.results
    monkeypatch.setattr(gen.workers.WarmWorker, "results", lambda self: answered.append(1) or original_results(self))
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False, workers=2)
    build(settings)
    changed = sources / "002_0bd56fb7324264d2.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。（更新）", 1), encoding="utf-8")
    report = build(settings)
    assert len(report.records) == 5 and answered == [1]  # the changed source came from the warm worker
    assert len(build(settings).records) == 5 and answered == [1]  # nothing changed: the worker is stopped unused
    serial = tmp_path / "serial"
    build(Settings(sources=sources, docs=serial, cache=None, progress=False, workers=1))
    assert _tree(settings.docs) == _tree(serial)


def test_the_cache_keeps_only_the_last_build(tmp_path):
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    cache = tmp_path / "cache"
    old_version = cache / "0123456789abcdef" / "ab"
    old_version.mkdir(parents=True)
    (old_version / "stale.pkl").write_bytes(b"x")
    (cache / "notes.txt").parent.mkdir(exist_ok=True)
    (cache / "notes.txt").write_text("not ours to remove", encoding="utf-8")
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=cache, progress=False)
    build(settings)
    (sources / "000_194e3c90e34a5c39.txt").unlink()
    build(settings)
    entries = list(cache.rglob("*.pkl"))
    assert len(entries) == 4 and not old_version.parent.exists()
    assert (cache / "notes.txt").exists()


def test_an_unfinished_build_leaves_no_entry_behind(tmp_path, monkeypatch):
    """The listing of kept entries spares a scan of the cache; a build that dies after adding
    entries must not leave them unlisted for ever."""
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    cache = tmp_path / "cache"
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=cache, progress=False, workers=1)
    build(settings)
    changed = sources / "001_05a1f2770c868292.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n补充一句。\n", encoding="utf-8")

    def die(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(gen.workers.Cache, "keep_only", die)
    try:
        build(settings)
    except KeyboardInterrupt:
        pass
    assert len(list(cache.rglob("*.pkl"))) == 6  # the interrupted build's entry is there
    monkeypatch.undo()
    changed.write_text(changed.read_text(encoding="utf-8") + "再补充一句。\n", encoding="utf-8")
    build(settings)
    assert len(list(cache.rglob("*.pkl"))) == 5
    listed = next(cache.rglob("entries.txt")).read_text(encoding="ascii").split()
    assert sorted(p.stem for p in cache.rglob("*.pkl")) == listed

