"""Find the source files and read each into a Document, or a reason it is skipped.

Every entry below the sources folder is accounted for. A regular file is read; anything
else (a symbolic link, FIFO, socket or device, a hidden file or folder, a folder that cannot
be listed, a name that is not UTF-8) is still a source, which read_source reports as skipped
with the reason. Links are never followed, not even to a file inside the folder: that file
is read under its own name, so following the link would only make a duplicate, and a link
that leads out of the folder must not be read at all. Nothing is ever opened but a regular
file, through descriptors that follow no link on the way and do not wait on a FIFO.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import replace
from pathlib import Path

from gen.cleaning.dates import is_future
from gen.models import Document, Skipped
from gen.reading.decode import NotText, decode_bytes
from gen.reading.detect import Unreadable, read_text
from gen.settings import MAX_SOURCE_BYTES, MAX_SOURCE_LINES, MAX_SOURCE_PARAGRAPHS

# File managers' and git's housekeeping files: in nearly every copied folder and never a
# source, so they are left out without a word. Reporting them would bury the skips that
# matter and fail every --strict build of a folder copied from a Mac. Only regular files so
# named are passed over: a link or FIFO named .DS_Store is reported like any other.
IGNORED_NAMES = (".DS_Store", "Thumbs.db", ".gitkeep")

_KINDS = {stat.S_IFIFO: "fifo", stat.S_IFSOCK: "socket", stat.S_IFCHR: "character device",
          stat.S_IFBLK: "block device", stat.S_IFDIR: "folder"}
# open() flags for a source: no link followed, and a FIFO swapped in after the look does not block.
_OPEN = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)


class NotRead(ValueError):
    """The entry is not a file to read; the message is the report reason."""


def discover(root: Path) -> list[str]:
    """Every entry below root (sub-folders too), as sorted POSIX paths relative to root: the
    files to read and the entries read_source will report. A folder that is reported rather
    than entered (hidden, or it cannot be listed) ends in "/". A name that is not UTF-8 is
    given as shown_name() shows it; read_source recognises it. Raises OSError only when root
    itself cannot be listed: building from nothing would replace a good site with an empty one."""
    found: list[str] = []
    pending = [""]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(os.path.join(root, folder)) as listing:
                entries = list(listing)
        except OSError:
            if not folder:
                raise
            found.append(folder)
            continue
        for entry in entries:
            text = _is_text(entry.name)
            name = entry.name if text else shown_name(entry.name)
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
                ignored = name in IGNORED_NAMES and entry.is_file(follow_symlinks=False)
            except OSError:
                is_folder = ignored = False  # cannot even be looked at: read_source says why
            if is_folder and text and not name.startswith("."):
                pending.append(f"{folder}{name}/")
            elif not ignored:
                found.append(f"{folder}{name}/" if is_folder else folder + name)
    return sorted(set(found))


def load_bytes(root: Path, relative: str) -> bytes | Skipped:
    """The source's bytes, read once: the cache key and the reader both use these bytes, so an
    edit made while the build runs can never be stored under the key of the old content.
    An entry that is not a regular file below root is Skipped with the reason."""
    try:
        return source_bytes(root, relative)
    except NotRead as error:
        return Skipped(relative, str(error))


def read_document(raw: bytes, relative: str) -> Document | Skipped:
    """Never raises: every failure becomes a Skipped with a one-line reason.

    A source over a size limit is skipped, not cut short: a truncated article would be
    published, classified and counted as if it were whole. Lines are counted before any
    reader runs; paragraphs (which an HTML line can hold thousands of) after reading.
    """
    try:
        text, encoding = decode_bytes(raw)
        lines = _line_count(text)
        if lines > MAX_SOURCE_LINES:
            return Skipped(relative, f"too many lines ({lines} > {MAX_SOURCE_LINES})")
        document = read_text(text, relative)
        if len(document.blocks) > MAX_SOURCE_PARAGRAPHS:
            return Skipped(relative, f"too many paragraphs ({len(document.blocks)} > {MAX_SOURCE_PARAGRAPHS})")
        if encoding.endswith("+replaced"):
            document = replace(document, warnings=document.warnings + ("invalid UTF-8 bytes replaced",))
        if document.meta.date and is_future(document.meta.date):
            document = replace(document, warnings=document.warnings + (f"date {document.meta.date} is in the future",))
        return document
    except (NotText, Unreadable) as error:
        return Skipped(relative, str(error))
    except RecursionError:
        return Skipped(relative, "markup nested too deeply")
    except Exception as error:
        return Skipped(relative, f"reader error: {type(error).__name__}: {str(error)[:120]}")


def read_source(root: Path, relative: str) -> Document | Skipped:
    raw = load_bytes(root, relative)
    return raw if isinstance(raw, Skipped) else read_document(raw, relative)


def source_bytes(root: Path, relative: str) -> bytes:
    """The bytes of a source that is a regular file below root; else NotRead with the reason."""
    *folders, name = relative.rstrip("/").split("/")
    if relative.endswith("/"):
        raise NotRead(_folder_reason(root, relative, name))
    descriptors: list[int] = []
    try:
        try:
            at = os.open(root, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))  # the folder given may be a link
            descriptors.append(at)
            for part in folders:
                try:
                    at = os.open(part, _FOLDER, dir_fd=at)
                except OSError as error:
                    if error.errno in (errno.ELOOP, errno.ENOTDIR) and _is_link(part, at):
                        raise NotRead("link on the way to the file (not followed)") from error  # swapped in since discover
                    raise
                descriptors.append(at)
            found = os.stat(name, dir_fd=at, follow_symlinks=False)
        except FileNotFoundError as error:
            if _stands_for_a_byte_name(root, folders, name):
                raise NotRead("file name is not valid UTF-8") from error
            raise NotRead(f"cannot be read: {type(error).__name__}: {error.strerror}") from error
        except OSError as error:
            raise NotRead(f"cannot be read: {type(error).__name__}: {error.strerror}") from error
        if stat.S_ISLNK(found.st_mode):
            raise NotRead(_link_reason(root, relative))
        if not stat.S_ISREG(found.st_mode):
            raise NotRead(f"not a regular file ({_KINDS.get(stat.S_IFMT(found.st_mode), 'special file')})")
        if name.startswith("."):
            raise NotRead("hidden file")
        if found.st_size > MAX_SOURCE_BYTES:
            raise NotRead(f"file too large ({found.st_size} bytes > {MAX_SOURCE_BYTES})")
        try:
            handle = os.open(name, _OPEN, dir_fd=at)
        except OSError as error:
            raise NotRead(f"cannot be read: {type(error).__name__}: {error.strerror}") from error
        with open(handle, "rb") as file:
            opened = os.fstat(file.fileno())
            if not stat.S_ISREG(opened.st_mode):  # replaced between the look and the open
                raise NotRead(f"not a regular file ({_KINDS.get(stat.S_IFMT(opened.st_mode), 'special file')})")
            # Sized by the file, not the limit: a read of the limit allocates it for every file.
            raw = file.read(min(opened.st_size, MAX_SOURCE_BYTES) + 1)
            if len(raw) > opened.st_size:  # it grew since: read on, but never past the limit
                raw += file.read(MAX_SOURCE_BYTES + 1 - len(raw))
        if len(raw) > MAX_SOURCE_BYTES:
            raise NotRead(f"file too large (more than {MAX_SOURCE_BYTES} bytes)")
        return raw
    finally:
        for descriptor in descriptors:
            os.close(descriptor)


def _is_link(name: str, folder: int) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode)
    except OSError:
        return False


def _folder_reason(root: Path, relative: str, name: str) -> str:
    if _stands_for_a_byte_name(root, relative.rstrip("/").split("/")[:-1], name):
        return "folder name is not valid UTF-8 (not entered)"
    if name.startswith("."):
        return "hidden folder (not entered)"
    path = os.path.join(root, relative)
    if os.path.islink(path.rstrip("/")):
        return _link_reason(root, relative.rstrip("/"))
    try:
        with os.scandir(path):
            pass
    except OSError as error:
        return f"folder cannot be listed ({error.strerror})"
    return "folder could not be listed when the build looked"


def _link_reason(root: Path, relative: str) -> str:
    try:
        target = os.path.realpath(os.path.join(root, relative), strict=True)
    except OSError as error:
        return "symbolic link loop" if error.errno == errno.ELOOP else "dangling symbolic link"
    inside = os.path.realpath(root)
    if os.path.commonpath([inside, target]) != inside:
        return "link outside the sources folder (not followed)"
    return "symbolic link (not followed: what it points to is read under its own name)"


def _stands_for_a_byte_name(root: Path, folders: list[str], name: str) -> bool:
    """Whether `name` is how discover showed an entry whose real name is not UTF-8."""
    if "\\x" not in name:
        return False
    try:
        with os.scandir(os.path.join(root, *folders)) as listing:
            return any(not _is_text(e.name) and shown_name(e.name) == name for e in listing)
    except OSError:
        return False


def _is_text(name: str) -> bool:
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def shown_name(text: str) -> str:
    """Text as a report line may show it: bytes that are not UTF-8 (which the file system hands
    over as lone surrogates) as \\xNN, and control, format and line-break characters escaped
    the way repr() escapes them, so that no name can start a line of its own, reorder the
    terminal's text or fail to encode. Printable text, backslashes included, is unchanged."""
    if text.isprintable() and _is_text(text):
        return text
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")
        elif char in "\n\r\t":
            out.append(repr(char)[1:-1])
        elif 0xD800 <= code <= 0xDFFF or unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cn"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def _line_count(text: str) -> int:
    """Lines as the readers will see them: a lone CR ends a line too."""
    ends = text.count("\n") + text.count("\r") - text.count("\r\n")
    return ends + (1 if text and not text.endswith(("\n", "\r")) else 0)
