"""The only code that writes under docs/.

The generated output lives in one tree, docs/.output/live; each generated top-level entry
of docs/ (docs/sources, docs/index.md...) is a symbolic link into it,
made once, which MkDocs follows. A build writes the whole new tree beside it and switches
the two in a single step (Linux renameat2 RENAME_EXCHANGE, macOS RENAME_SWAP): a build that
fails or is killed at any instant leaves the output wholly old or wholly new. The hand-written
files of docs/ are never touched. Output left by an older generator (real folders where the
links go) is first moved into the tree as hard links, entry by entry, each swapped for its
link in one step, so that it too stays whole. Where the system cannot swap two paths, the
switch is two renames, and a build that dies between them leaves no output until the next
build puts the old tree back.

A staged file whose bytes equal the live file's is a hard link to it, not a new copy:
after a small change almost nothing is written.
One build at a time writes a docs folder: it holds a lock on the folder itself (flock on its
descriptor, so no lock file is ever left behind); another build waits for it.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from gen.models import OutputFile
from gen.paths import GENERATED, OUTPUT_TREE

OUTPUT = OUTPUT_TREE  # under docs/: hidden, so MkDocs publishes it only through the links
_LIVE = "live"
_STAGING = "staging-"
_RETIRED = "retired"  # the old tree, between the two renames where paths cannot be swapped
_LINKING = ".output-link-"  # a link being made, beside the entry it will replace
_LEGACY = (".gen-staging", ".gen-retired")  # what the writer before this one left after a crash


class OutputError(OSError):
    """docs/ cannot be written; the message is one line for the user. The previous output is intact."""


class UnsafePath(ValueError):
    pass


def check_path(relative: str) -> str:
    """Reject anything that could land outside docs/ or outside the generated entries: only
    plain "a/b/c" paths (no empty, "." or ".." part, no backslash) under a generated entry."""
    if "\\" in relative or any(part in ("", ".", "..") for part in relative.split("/")):
        raise UnsafePath(relative)
    if not any(relative == g or relative.startswith(g + "/") for g in GENERATED):
        raise UnsafePath(f"{relative} is not a generated location")
    return relative


def write_tree(docs: Path, files: Iterable[OutputFile]) -> list[str]:
    """Write `files` as the whole generated output and return their paths.

    `files` is read once, in its order, and each file is written as it comes, so a caller
    can hand over pages as they are made and never hold the whole site in memory.

    OutputError when docs/ cannot be written, with nothing of this build left behind.
    """
    with docs_lock(docs):
        out = os.path.join(docs, OUTPUT)
        live = os.path.join(out, _LIVE)
        staging = os.path.join(out, _STAGING + secrets.token_hex(4))
        made: list[str] = []
        try:
            _output_folder(out)
            _tidy(docs, out)
            # Until the tree is there, the output an older generator left is in docs/ itself.
            written = _stage(live if os.path.isdir(live) else str(docs), staging, files)
            _adopt_and_link(docs, out, made)
            old = _switch(staging, live, out)
        except BaseException as error:
            shutil.rmtree(staging, ignore_errors=True)
            _undo(made, out)
            if isinstance(error, OSError) and not isinstance(error, OutputError):
                raise OutputError(f"cannot write {docs}: {_why(error)}") from error
            raise
        shutil.rmtree(old, ignore_errors=True)  # a leftover goes with the next build
        _drop_dangling_links(docs)
    return written


def _stage(live: str, staging: str, files: Iterable[OutputFile]) -> list[str]:
    written: set[str] = set()
    folders: set[str] = set()
    os.mkdir(staging)
    for item in files:
        relative = check_path(item.path)
        if relative in written:
            raise UnsafePath(f"{relative} written twice")
        written.add(relative)
        folder, _, _ = relative.rpartition("/")
        if folder not in folders:
            os.makedirs(os.path.join(staging, folder), exist_ok=True)
            folders.add(folder)
        content = item.content if isinstance(item.content, bytes) else item.content.encode("utf-8")
        _write_file(os.path.join(live, relative), os.path.join(staging, relative), content)
    for entry in GENERATED:
        if entry != "index.md":  # every folder is there, if empty, so that no link dangles
            os.makedirs(os.path.join(staging, entry), exist_ok=True)
    return sorted(written)


def _write_file(live: str, target: str, content: bytes) -> None:
    try:
        found = os.lstat(live)
        if stat.S_ISREG(found.st_mode) and found.st_size == len(content):
            with open(live, "rb") as current:
                if current.read() == content:
                    os.link(live, target)
                    return
    except OSError:
        pass  # no live file yet, or no hard links on this file system: write a copy
    with open(target, "wb") as new:
        new.write(content)


def _switch(staging: str, live: str, out: str) -> str:
    """The new tree becomes the live one in one step; returns where the old one now is."""
    if _exchange(staging, live):
        return staging
    retired = os.path.join(out, _RETIRED)
    os.rename(live, retired)  # from here to the next rename, no output: _tidy puts it back
    os.rename(staging, live)
    return retired


def _exchange(a: str, b: str) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    call = _swap_call()
    if call is None:
        return False
    if call(os.fsencode(a), os.fsencode(b)) == 0:
        return True
    import ctypes

    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):  # this file system cannot
        return False
    raise OSError(code, os.strerror(code), a, None, b)


@cache
def _swap_call() -> Callable[[bytes, bytes], int] | None:
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    if sys.platform.startswith("linux") and hasattr(libc, "renameat2"):
        renameat2, at_cwd, exchange = libc.renameat2, -100, 2  # AT_FDCWD, RENAME_EXCHANGE
        return lambda a, b: renameat2(at_cwd, a, at_cwd, b, exchange)
    if sys.platform == "darwin" and hasattr(libc, "renamex_np"):
        renamex_np, swap = libc.renamex_np, 2  # RENAME_SWAP
        return lambda a, b: renamex_np(a, b, swap)
    return None


def _output_folder(out: str) -> None:
    try:
        found = os.lstat(out)
    except FileNotFoundError:
        os.mkdir(out)
        return
    if not stat.S_ISDIR(found.st_mode):
        raise OutputError(f"{out} is in the way: the generator keeps its output there (remove it)")


def _tidy(docs: Path, out: str) -> None:
    """Remove what a build that died left: staging trees, a half-made link, the writer of
    before's leftovers; put the old tree back if it died between the two renames."""
    live, retired = os.path.join(out, _LIVE), os.path.join(out, _RETIRED)
    if not os.path.isdir(live) and os.path.isdir(retired):
        os.rename(retired, live)
    for name in os.listdir(out):
        if name != _LIVE:
            _remove(os.path.join(out, name))
    for folder in {os.path.join(docs, entry.rpartition("/")[0]) for entry in GENERATED}:
        if os.path.isdir(folder):
            for name in os.listdir(folder):
                if name.startswith(_LINKING):
                    _remove(os.path.join(folder, name))
    for name in _LEGACY:
        if os.path.isdir(os.path.join(docs, name)) and not os.path.islink(os.path.join(docs, name)):
            shutil.rmtree(os.path.join(docs, name))
    _drop_retired_links(docs)


def _drop_retired_links(docs: Path) -> None:
    """An entry an older generator made and this one no longer declares (docs/assets/generated
    once held the charts) stays a link into the output tree, dangling once the tree is rebuilt,
    and MkDocs fails on it: remove such links, in docs/ and its hand-written folders."""
    current = {os.path.join(docs, entry) for entry in GENERATED}
    folders = [str(docs)] + [entry.path for entry in os.scandir(docs) if entry.is_dir(follow_symlinks=False)
                             and entry.name != OUTPUT_TREE]
    for folder in folders:
        for entry in os.scandir(folder):
            if entry.path in current or not entry.is_symlink():
                continue
            if OUTPUT_TREE in os.readlink(entry.path).split(os.sep):
                os.unlink(entry.path)


def _adopt_and_link(docs: Path, out: str, made: list[str]) -> None:
    """Make each entry's link into the live tree, once, adding to `made` the links made where
    nothing was, and the tree if it was not there (so that a build that fails takes them back). An entry an older generator
    wrote (a real folder or file) is first copied into the tree as hard links, then swapped
    for its link in one step, so that docs/ shows the old output throughout."""
    live = os.path.join(out, _LIVE)
    if not os.path.isdir(live):
        os.mkdir(live)
        made.append(live)
        for entry in GENERATED:
            if entry != "index.md":  # folders are there, if empty, so that no link dangles
                os.makedirs(os.path.join(live, entry), exist_ok=True)
    for entry in GENERATED:
        path, target = os.path.join(docs, entry), _link_target(entry)
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            found = None
        if found is not None and stat.S_ISLNK(found.st_mode) and os.readlink(path) == target:
            continue
        if found is not None and not stat.S_ISLNK(found.st_mode):
            _copy_as_links(path, os.path.join(live, entry))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        making = os.path.join(os.path.dirname(path), _LINKING + os.path.basename(path))
        os.symlink(target, making)
        try:
            if found is None:
                os.rename(making, path)
                made.append(path)
            elif _exchange(making, path):
                _remove(making, quietly=True)  # what was there: its files are in the tree now
            else:
                os.rename(path, making + "-old")
                os.rename(making, path)
                _remove(making + "-old", quietly=True)
        except BaseException:
            if os.path.islink(making):
                os.unlink(making)
            raise


def _undo(made: list[str], out: str) -> None:
    """After a failed first build: no link, no tree (a tree holding an older generator's
    output stays, with the links to it)."""
    live = os.path.join(out, _LIVE)
    for path in made:
        if path != live:
            _remove(path, quietly=True)
    if live in made and not any(files for _, _, files in os.walk(live)):
        shutil.rmtree(live, ignore_errors=True)
    try:
        os.rmdir(out)
    except OSError:
        pass  # the live tree is in it


def _link_target(entry: str) -> str:
    return "../" * entry.count("/") + f"{OUTPUT}/{_LIVE}/{entry}"


def _copy_as_links(source: str, target: str) -> None:
    _remove(target)
    if os.path.isdir(source):
        shutil.copytree(source, target, symlinks=True, copy_function=_link_or_copy)
    else:
        _link_or_copy(source, target)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _drop_dangling_links(docs: Path) -> None:
    """A tree without index.md (only a partial write does that) leaves its link dangling."""
    path = os.path.join(docs, "index.md")
    if os.path.islink(path) and not os.path.exists(path):
        os.unlink(path)


def _remove(path: str, quietly: bool = False) -> None:
    """Remove a file, link or tree; `quietly`: what is left is removed by the next build."""
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path)
        elif os.path.lexists(path):
            os.unlink(path)
    except OSError:
        if not quietly:
            raise


def _why(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


_held: dict[str, list[int]] = {}  # docs folder -> [descriptor, depth]: the lock is re-entrant in a process


@contextmanager
def docs_lock(docs: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the docs folder for one build. A second build into the same folder waits (saying
    so once, through `waiting`, by default on stderr) rather than mixing its output in."""
    import fcntl

    if os.path.lexists(docs) and not os.path.isdir(docs):
        raise OutputError(f"{docs} is not a folder")
    try:
        if not os.path.isdir(docs):
            docs.mkdir(parents=True, exist_ok=True)
        key = os.path.realpath(docs)
        if key in _held:
            _held[key][1] += 1
            held = _held[key]
        else:
            descriptor = os.open(key, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                (waiting or _say_waiting)(str(docs))
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            held = _held[key] = [descriptor, 1]
    except OSError as error:
        if isinstance(error, OutputError):
            raise
        raise OutputError(f"cannot write {docs}: {_why(error)}") from error
    try:
        yield
    finally:
        held[1] -= 1
        if not held[1]:
            del _held[key]
            os.close(held[0])  # closing releases the lock


def _say_waiting(docs: str) -> None:
    print(f"waiting for another build into {docs} to finish", file=sys.stderr, flush=True)
