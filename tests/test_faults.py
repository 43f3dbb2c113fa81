"""Faults while writing docs/: a crash at any instant, a failing call, two builds at once, a
read-only or full disk, a --docs that is a file, a stray file where the output goes, a
full cache disk. docs/ is always wholly the old output or wholly the new one, every error is
one line on stderr without a traceback, and nothing of a failed build is left behind."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import gen.incremental.cache
import gen.write
from conftest import ROOT, SEEDS
from gen.__main__ import main
from gen.models import OutputFile
from gen.paths import GENERATED
from gen.write import OUTPUT, OutputError, docs_lock, write_tree

OLD = [OutputFile("index.md", "# 旧首页\n"), OutputFile("sources/a.md", "甲\n"), OutputFile("sources/b.md", "乙\n"),
       OutputFile("data/sources.json", "{}\n"), OutputFile("data/passages.csv", "a,b\n1,2\n")]
NEW = [OutputFile("index.md", "# 新首页\n"), OutputFile("sources/a.md", "甲\n"), OutputFile("sources/b.md", "乙（改）\n"),
       OutputFile("sources/c.md", "丙\n"), OutputFile("themes/sme.md", "中小企业\n"),
       OutputFile("data/passages.csv", "a,b\n1,3\n")]
HAND_WRITTEN = {"about/index.md": b"# About\n", "assets/briefing.css": b"body {}\n"}
# The calls that change the file system, where a crash can fall between two of them.
MUTATIONS = ("rename", "replace", "symlink", "link", "unlink", "rmdir", "mkdir")


def view(docs: Path) -> dict[str, bytes]:
    """docs/ as MkDocs reads it: links followed, hidden names left out; a dangling link shows."""
    seen = {}
    for folder, folders, files in os.walk(docs, followlinks=True):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = os.path.join(folder, name)
                relative = os.path.relpath(path, docs)
                seen[relative] = open(path, "rb").read() if os.path.exists(path) else b"<dangling link>"
    return seen


def expected(files: list[OutputFile]) -> dict[str, bytes]:
    return {**HAND_WRITTEN, **{f.path: f.content.encode("utf-8") for f in files}}


def hand_written(docs: Path) -> Path:
    for relative, content in HAND_WRITTEN.items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_bytes(content)
    return docs


def start_steady(docs: Path) -> None:
    write_tree(hand_written(docs), OLD)


def start_legacy(docs: Path) -> None:
    """What the writer before this one left: real folders and files where the links go."""
    hand_written(docs)
    for item in OLD:
        (docs / item.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / item.path).write_text(item.content, encoding="utf-8")


def leftovers(docs: Path) -> list[str]:
    """Anything a build leaves besides the live tree and the entries' links."""
    found = [name for name in os.listdir(docs / OUTPUT) if name != "live"] if (docs / OUTPUT).exists() else []
    # every generated entry is a top-level name of docs/, so its temporary links are made there
    for folder in (docs,):
        found += [name for name in os.listdir(folder) if name.startswith((".output-link", ".gen"))]
    return found


def counted(limit: int | None, calls: list[str]):
    """Wrappers of the mutating calls that record each and end the process at call `limit`."""
    def wrap(name, real):
        def call(*args, **kwargs):
            calls.append(name)
            if limit is not None and len(calls) > limit:
                os._exit(99)  # killed: no cleanup, no finally
            return real(*args, **kwargs)
        return call
    patches = {("os", name): wrap(name, getattr(os, name)) for name in MUTATIONS}
    patches[("gen.write", "_exchange")] = wrap("exchange", gen.write._exchange)
    real_open = builtins.open
    patches[("gen.write", "open")] = lambda path, mode="r", *a, **k: (
        wrap("open", real_open)(path, mode, *a, **k) if "w" in mode else real_open(path, mode, *a, **k))
    return patches


def run_killed_at(limit: int | None, docs: Path, files: list[OutputFile]) -> tuple[int, list[str]]:
    """write_tree in a forked child that dies before its `limit`-th mutating call; the exit
    code (99: killed) and, when it ran through, the calls it made."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        calls: list[str] = []
        try:
            for (module, name), patch in counted(limit, calls).items():
                setattr(sys.modules[module], name, patch)
            write_tree(docs, files)
            os.write(writing, " ".join(calls).encode())
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        made = pipe.read().decode().split()
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status), made


@pytest.mark.parametrize("start", [start_steady, start_legacy, hand_written], ids=["steady", "legacy", "first"])
@pytest.mark.parametrize("swap", [True, False], ids=["exchange", "two-renames"])
def test_a_crash_at_any_instant_leaves_docs_wholly_old_or_wholly_new(tmp_path, monkeypatch, start, swap):
    if not swap:
        monkeypatch.setattr(gen.write, "_swap_call", lambda: None)
    elif gen.write._swap_call() is None:
        pytest.skip("this system cannot swap two paths in one step")
    old = view(hand_written(tmp_path / "probe-old")) if start is hand_written else expected(OLD)
    start(tmp_path / "probe")
    code, calls = run_killed_at(None, tmp_path / "probe", NEW)
    assert code == 0 and view(tmp_path / "probe") == expected(NEW) and leftovers(tmp_path / "probe") == []
    assert len(calls) > 10
    for k in range(len(calls)):
        docs = tmp_path / f"k{k}"
        start(docs)
        assert run_killed_at(k, docs, NEW)[0] == 99
        seen = view(docs)
        if start is hand_written:  # before the first switch only a link to the missing index.md may show
            seen = {p: c for p, c in seen.items() if not (p == "index.md" and c == b"<dangling link>")}
        if swap:
            assert seen in (old, expected(NEW)), f"killed before call {k} ({calls[k]})"
        else:  # between two renames some output is missing, which the next build puts back (below); never mixed
            assert not (_shows(seen, old, expected(NEW)) and _shows(seen, expected(NEW), old)), f"killed before call {k}"
        write_tree(docs, NEW)  # the next build tidies up after the dead one
        assert view(docs) == expected(NEW) and leftovers(docs) == [], f"after a kill before call {k} ({calls[k]})"


def _shows(seen: dict[str, bytes], these: dict[str, bytes], not_those: dict[str, bytes]) -> bool:
    """Whether `seen` holds a file as `these` have it and `not_those` do not."""
    return any(seen.get(p) == c and not_those.get(p) != c for p, c in these.items())


@pytest.mark.parametrize("start", [start_steady, start_legacy, hand_written], ids=["steady", "legacy", "first"])
def test_a_failing_call_at_any_point_leaves_the_old_output_and_nothing_else(tmp_path, monkeypatch, start):
    start(tmp_path / "probe")
    names_before = sorted(os.listdir(tmp_path / "probe")), sorted(os.listdir(tmp_path / "probe" / "assets"))
    old = view(tmp_path / "probe")
    _, calls = run_killed_at(None, tmp_path / "probe", NEW)
    calls = [c for c in calls if c != "open"]
    switch = max(i for i, c in enumerate(calls) if c == "exchange") if "exchange" in calls else len(calls)
    for k in range(switch + 1):  # a failure after the switch is of cleaning up, which the next build finishes
        docs = tmp_path / f"k{k}"
        start(docs)
        made: list[str] = []

        def fail_at(name, real, made=made, k=k):
            def call(*args, **kwargs):
                made.append(name)
                if len(made) == k + 1:
                    raise OSError(errno.EIO, "Input/output error", str(args[0]))
                return real(*args, **kwargs)
            return call

        with monkeypatch.context() as patch:
            for name in MUTATIONS:
                patch.setattr(os, name, fail_at(name, getattr(os, name)))
            patch.setattr(gen.write, "_exchange", fail_at("exchange", gen.write._exchange))
            try:
                write_tree(docs, NEW)
                failed = None
            except OutputError as error:
                failed = str(error)
        # A failed removal leaves what it could not remove (the next build removes it), nothing else.
        removal = calls[k] in ("unlink", "rmdir")
        if failed is None:  # a hard link that fails is written as a copy; makedirs finds the folder there
            assert view(docs) == expected(NEW), f"call {k} ({calls[k]}) failed unseen"
        else:
            assert "Input/output error" in failed and view(docs) == old, f"call {k} ({calls[k]}) failed"
            if start is hand_written and not removal:  # no tree, no link: docs/ as it was
                assert (sorted(os.listdir(docs)), sorted(os.listdir(docs / "assets"))) == names_before, f"call {k}"
        assert removal or leftovers(docs) == [], f"call {k} ({calls[k]}) failed"
        write_tree(docs, NEW)
        assert view(docs) == expected(NEW) and leftovers(docs) == [], f"after call {k} ({calls[k]}) failed"


def test_mkdocs_reads_the_generated_tree_through_its_links(seed_project):
    from conftest import mkdocs_build

    docs = seed_project / "docs"
    assert all(os.path.islink(docs / entry) for entry in GENERATED)
    if not (seed_project / "site" / "index.html").exists():  # test_build's strict build may have made it
        result = mkdocs_build(seed_project)
        assert result.returncode == 0, result.stderr[-3000:]
    assert len(list((seed_project / "site" / "sources").glob("*/index.html"))) == 5
    assert not (seed_project / "site" / OUTPUT).exists()


def test_a_second_build_waits_for_the_first(tmp_path):
    docs = tmp_path / "docs"
    main(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"])
    index = (docs / "index.md").read_bytes()
    (docs / "sources" / "hand-edited.md").write_text("x\n", encoding="utf-8")  # the next build removes it
    command = [sys.executable, "-m", "gen", "build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"]
    with docs_lock(docs, waiting=lambda _: pytest.fail("nobody holds it yet")):
        build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert select.select([build.stderr], [], [], 120)[0], "the second build said nothing"
        assert build.stderr.readline() == f"waiting for another build into {docs} to finish\n"
        time.sleep(1.0)
        assert build.poll() is None and (docs / "sources" / "hand-edited.md").exists()
    out, err = build.communicate(timeout=120)
    assert build.returncode == 0, err
    assert not (docs / "sources" / "hand-edited.md").exists() and (docs / "index.md").read_bytes() == index
    assert "sources read: 5" in out


def test_two_builds_at_once_leave_one_whole_output(tmp_path):
    other = tmp_path / "other"
    shutil.copytree(SEEDS, other)
    for source in list(other.iterdir())[:2]:
        source.unlink()
    docs, references = tmp_path / "docs", {}
    for name, sources in (("seeds", SEEDS), ("other", other)):
        main(["build", "--sources", str(sources), "--docs", str(tmp_path / f"docs-{name}"), "--no-cache"])
        references[name] = view(tmp_path / f"docs-{name}")
    commands = [[sys.executable, "-m", "gen", "build", "--sources", str(s), "--docs", str(docs), "--no-cache"]
                for s in (SEEDS, other, SEEDS, other)]
    builds = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
    results = [b.communicate(timeout=300) for b in builds]
    assert [b.returncode for b in builds] == [0, 0, 0, 0], results
    assert view(docs) in (references["seeds"], references["other"])
    assert leftovers(docs) == []


def test_nested_locks_in_one_process_do_not_wait(tmp_path):
    with docs_lock(tmp_path / "docs", waiting=lambda _: pytest.fail("waited for itself")):
        with docs_lock(tmp_path / "docs", waiting=lambda _: pytest.fail("waited for itself")):
            write_tree(tmp_path / "docs", NEW)
    assert view(tmp_path / "docs") == {f.path: f.content.encode() for f in NEW}


def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def built(tmp_path, capsys):
    """docs/ after a good build, with what it looked like."""
    docs = hand_written(tmp_path / "docs")
    assert _cli(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"], capsys)[0] == 0
    return docs, view(docs), sorted(os.listdir(docs))


def _one_error_line(err: str, *words: str) -> None:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    assert all(word in lines[0] for word in words), err


def test_a_read_only_docs_folder_is_one_error_line(built, capsys, monkeypatch):
    docs, before, names = built
    real_mkdir = os.mkdir

    def mkdir(path, *args, **kwargs):
        if str(path).startswith(str(docs)):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    code, _, err = _cli(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"], capsys)
    assert code == 1
    _one_error_line(err, f"cannot write {docs}", "Read-only file system")
    assert view(docs) == before and sorted(os.listdir(docs)) == names and leftovers(docs) == []


def test_a_docs_folder_nobody_may_write_is_one_error_line(tmp_path):
    """The real thing, as nobody (root may write anywhere): chmod 555 on docs/ and its tree."""
    from test_hostile_files import _as_nobody

    folder = Path(tempfile.mkdtemp())
    try:
        os.chmod(folder, 0o755)
        docs = folder / "docs"
        assert main(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"]) == 0
        before = view(docs)
        for path in [docs, *[Path(d) for d, _, _ in os.walk(docs / OUTPUT)]]:
            os.chmod(path, 0o555)

        def build_as_nobody():
            errors = io.StringIO()
            sys.stderr = errors
            code = main(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"])
            return [code, errors.getvalue()]

        answer = json.loads(_as_nobody(build_as_nobody))
        assert isinstance(answer, list), answer
        code, err = answer
        assert code == 1, err
        _one_error_line(err, f"cannot write {docs}", "Permission denied")
        assert view(docs) == before and leftovers(docs) == []
    finally:
        for path, _, _ in os.walk(folder):
            os.chmod(path, 0o755)
        shutil.rmtree(folder)


def test_docs_pointing_at_a_file_is_one_error_line(tmp_path, capsys):
    (tmp_path / "docs").write_text("not a folder\n", encoding="utf-8")
    code, _, err = _cli(["build", "--sources", str(SEEDS), "--docs", str(tmp_path / "docs"), "--no-cache"], capsys)
    assert code == 2
    _one_error_line(err, "is not a folder")
    assert (tmp_path / "docs").read_text(encoding="utf-8") == "not a folder\n"
    with pytest.raises(OutputError, match="is not a folder"):
        write_tree(tmp_path / "docs", NEW)


def test_a_stray_file_where_the_output_goes_is_one_error_line(tmp_path, capsys):
    docs = hand_written(tmp_path / "docs")
    start_legacy(docs)
    (docs / OUTPUT).write_text("stray\n", encoding="utf-8")
    before, names = view(docs), sorted(os.listdir(docs))
    code, _, err = _cli(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"], capsys)
    assert code == 1
    _one_error_line(err, "is in the way")
    assert view(docs) == before and sorted(os.listdir(docs)) == names


def test_stray_files_named_like_staging_folders_do_not_stop_the_build(built, capsys):
    docs, _, _ = built
    (docs / ".gen-staging").write_text("the writer before this one staged here\n", encoding="utf-8")
    (docs / OUTPUT / "retired").write_text("stray\n", encoding="utf-8")
    (docs / OUTPUT / "staging-0000").write_text("stray\n", encoding="utf-8")
    code, _, err = _cli(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"], capsys)
    assert code == 0 and err == ""
    assert sorted(os.listdir(docs / OUTPUT)) == ["live"]
    assert (docs / ".gen-staging").is_file()  # not the generator's any more: left alone


class _FullDisk(io.RawIOBase):
    def writable(self):
        return True

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_under_docs_is_one_error_line(built, capsys, monkeypatch):
    docs, before, names = built
    (tmp := docs.parent / "sources").mkdir()
    for seed in SEEDS.iterdir():  # one source changed: a page must be written, not linked
        (tmp / seed.name).write_bytes(seed.read_bytes().replace("政府采购".encode(), "政府购买".encode(), 1))
    real_open = builtins.open
    monkeypatch.setattr(gen.write, "open", lambda path, mode="r", *a, **k: _FullDisk() if "w" in mode
                        else real_open(path, mode, *a, **k), raising=False)
    code, _, err = _cli(["build", "--sources", str(tmp), "--docs", str(docs), "--no-cache"], capsys)
    assert code == 1
    _one_error_line(err, f"cannot write {docs}", "No space left on device")
    assert view(docs) == before and sorted(os.listdir(docs)) == names and leftovers(docs) == []


def test_a_full_cache_disk_warns_once_and_the_build_goes_on(tmp_path, capsys, monkeypatch):
    reference = tmp_path / "reference"
    assert main(["build", "--sources", str(SEEDS), "--docs", str(reference), "--no-cache"]) == 0
    capsys.readouterr()

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(gen.incremental.cache.pickle, "dump", full)
    monkeypatch.setattr(gen.incremental.cache, "_warned", [])
    cache = tmp_path / "cache"
    args = ["build", "--sources", str(SEEDS), "--docs", str(tmp_path / "docs"), "--cache", str(cache), "--workers", "1"]
    code, out, err = _cli(args, capsys)
    assert code == 0 and "sources read: 5" in out
    assert err == "warning: cache not written (No space left on device); the build goes on without it\n"
    assert view(tmp_path / "docs") == view(reference)
    assert not [p for p in cache.rglob("*") if p.name.endswith(".tmp")]


def test_a_cache_folder_that_cannot_be_made_warns_and_the_build_goes_on(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(gen.incremental.cache, "_warned", [])
    (tmp_path / "cache").write_text("a file where the cache folder goes\n", encoding="utf-8")
    args = ["build", "--sources", str(SEEDS), "--docs", str(tmp_path / "docs"), "--cache", str(tmp_path / "cache"),
            "--workers", "1"]
    code, out, err = _cli(args, capsys)
    assert code == 0 and "sources read: 5" in out
    assert err.startswith("warning: cache not written (") and len(err.splitlines()) == 1, err


def test_an_unlistable_sources_folder_is_one_error_line_and_docs_stay(built, capsys, monkeypatch):
    docs, before, _ = built
    real_scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": _refuse(path) if Path(path) == SEEDS else real_scandir(path))
    code, _, err = _cli(["build", "--sources", str(SEEDS), "--docs", str(docs), "--no-cache"], capsys)
    assert code == 2
    _one_error_line(err, "cannot be listed (Permission denied)")
    assert view(docs) == before


def _refuse(path):
    raise PermissionError(errno.EACCES, "Permission denied", str(path))


def test_watch_says_in_one_line_that_docs_cannot_be_written_and_goes_on(tmp_path, capsys):
    from gen.incremental.cache import Cache
    from gen.incremental.watch import _build_and_report
    from gen.settings import Settings

    (tmp_path / "docs").write_text("not a folder\n", encoding="utf-8")
    reports = []
    settings = Settings(sources=SEEDS, docs=tmp_path / "docs", cache=None, progress=False)
    _build_and_report(settings, Cache(None, memory={}), reports.append)
    err = capsys.readouterr().err
    assert reports == [] and err == f"error: {tmp_path / 'docs'} is not a folder\n"
