"""Hostile entries in the sources folder: one bad file never stops the build.

Names that are not UTF-8 or hold a newline, links (inside, outside, dangling, looping, to a
device, to a folder), FIFOs, sockets, devices, hidden files and folders, a folder that cannot
be listed, a PDF whose text stream reads as text, dates whose offset or year cannot be used.
Each entry not read has one report line (name escaped) and one `skipped` entry in
sources.json with the same reason; every other source is built, and the site builds strictly.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bad_inputs import jekyll, tagged
from conftest import ROOT, SEEDS, copy_project, mkdocs_build
from gen.cleaning.dates import DateError, parse_date
from gen.pipeline import build
from gen.reading.decode import NotText, binary_type, decode_bytes
from gen.reading.discover import discover, load_bytes, read_source, shown_name
from gen.settings import Settings

OUTSIDE_MARKER = "界外文件独有的标记"
PDF = (b"%PDF-1.4\n1 0 obj << /Length 200 >>\nstream\nBT /F1 12 Tf 72 712 Td ("
       + "某市财政局全面推行远程异地评标，政府采购授予中小企业合同金额12.5亿元。".encode() * 3
       + b") Tj ET\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
NEWLINE_NAME = "forged\n  skipped evil.txt: forged line.txt"  # read, with a warning
EMPTY_NEWLINE_NAME = "empty\n  skipped fake.txt: forged line"  # skipped
BIDI_NAME = "rtl\u202etxt.exe"  # read, with a warning

# identity (as reported) -> the reason's start; entries made by hostile_sources()
SKIPPED = {
    "bad\\xffname.txt": "file name is not valid UTF-8",
    "bad\\xffdir/": "folder name is not valid UTF-8",
    "fifo.txt": "not a regular file (fifo)",
    "socket": "not a regular file (socket)",
    "device": "not a regular file (character device)",  # where the tests may make one (root)
    "zero": "link outside the sources folder",
    "outside.txt": "link outside the sources folder",
    "outside-folder": "link outside the sources folder",
    "inside.txt": "symbolic link (not followed",
    "dangling.txt": "dangling symbolic link",
    "loop-a": "symbolic link loop",
    "loop-b": "symbolic link loop",
    ".hidden.txt": "hidden file",
    ".git/": "hidden folder (not entered)",
    "sub/.DS_Store": "not a regular file (fifo)",  # an ignored name, but not an ignorable file
    "report.pdf": "binary file: PDF document (not text)",
    EMPTY_NEWLINE_NAME: "empty file",
}
DATES = {
    "date-offset.txt": "2024-03-01 10:00:00 +9999",
    "date-year1.txt": "0001-01-01 00:00:00 +0800",
    "date-year9999.txt": "9999-12-31 23:00:00 -0800",
}
REPORT_PREFIXES = ("sources read: ", "  skipped ", "  duplicate ", "  warning ", "  time: ", "  corpus pages: ")


def hostile_sources(sources: Path, outside: Path) -> set[str]:
    """The seeds plus every hostile entry; returns the names expected to be read."""
    sources.mkdir(parents=True)
    for seed in SEEDS.iterdir():
        shutil.copy(seed, sources / seed.name)
    outside.mkdir()
    (outside / "article.txt").write_text(jekyll(OUTSIDE_MARKER, body=tagged(OUTSIDE_MARKER)), encoding="utf-8")
    root = os.fsencode(sources)
    with open(root + b"/bad\xffname.txt", "wb") as handle:
        handle.write(jekyll("坏文件名", body=tagged("坏文件名")).encode())
    os.mkdir(root + b"/bad\xffdir")
    with open(root + b"/bad\xffdir/inner.txt", "wb") as handle:
        handle.write(jekyll("坏目录名", body=tagged("坏目录名")).encode())
    os.mkfifo(sources / "fifo.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(sources / "socket"))
    listener.close()
    try:
        os.mknod(sources / "device", 0o600 | stat.S_IFCHR, os.makedev(1, 3))  # what /dev/null is
    except OSError:
        pass  # not allowed here: the test of this entry is skipped
    (sources / "zero").symlink_to("/dev/zero")
    (sources / "outside.txt").symlink_to(outside / "article.txt")
    (sources / "outside-folder").symlink_to(outside, target_is_directory=True)
    (sources / "inside.txt").symlink_to("000_194e3c90e34a5c39.txt")
    (sources / "dangling.txt").symlink_to("nowhere.txt")
    (sources / "loop-a").symlink_to("loop-b")
    (sources / "loop-b").symlink_to("loop-a")
    (sources / ".hidden.txt").write_text(jekyll("隐藏文件"), encoding="utf-8")
    (sources / ".git").mkdir()
    (sources / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    for ignored in (".DS_Store", "Thumbs.db"):
        (sources / ignored).write_bytes(b"\0\0\0\x01Bud1")
    (sources / "sub").mkdir()
    (sources / "sub" / ".gitkeep").write_bytes(b"")
    os.mkfifo(sources / "sub" / ".DS_Store")
    (sources / "report.pdf").write_bytes(PDF)
    (sources / NEWLINE_NAME).write_text(jekyll("换行文件名", body=tagged("换行名"), date="2099-01-01"), encoding="utf-8")
    (sources / EMPTY_NEWLINE_NAME).write_bytes(b"")
    (sources / BIDI_NAME).write_text(jekyll("反转文件名", body=tagged("反转名"), date="2099-01-01"), encoding="utf-8")
    for name, date in DATES.items():
        (sources / name).write_text(jekyll(f"日期{name[5:-4]}", body=tagged(name[5:-4]), date=date), encoding="utf-8")
    (sources / "date-1900.txt").write_text(jekyll("清末日期", body=tagged("清末"), date="1900-01-01 10:00:00 +0800"),
                                           encoding="utf-8")
    return {p.name for p in SEEDS.iterdir()} | set(DATES) | {"date-1900.txt", NEWLINE_NAME, BIDI_NAME}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile-files"))
    read = hostile_sources(project / "sources", project / "elsewhere")
    # A subprocess with a deadline: a FIFO opened for reading would block the build forever.
    result = subprocess.run(
        [sys.executable, "-m", "gen", "build", "--sources", "sources", "--docs", "docs", "--cache", ".cache/gen"],
        capture_output=True, text=True, cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    data = json.loads((project / "docs" / "data" / "sources.json").read_text(encoding="utf-8"))
    return project, result, data, read


def test_the_build_goes_on_without_a_traceback(hostile_build):
    _, result, _, _ = hostile_build
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("name", sorted(SKIPPED))
def test_every_entry_not_read_has_one_line_and_one_skipped_entry(hostile_build, name):
    project, result, data, _ = hostile_build
    if name == "device" and not os.path.lexists(project / "sources" / "device"):
        pytest.skip("no device could be made here")
    lines = [line for line in result.stdout.splitlines() if line.startswith(f"  skipped {shown_name(name)}: ")]
    assert len(lines) == 1, result.stdout
    reason = lines[0].removeprefix(f"  skipped {shown_name(name)}: ")
    assert reason.startswith(SKIPPED[name])
    assert {"source_file": name, "reason": reason} in data["skipped"]


def test_every_entry_is_read_or_reported_and_housekeeping_files_are_silent(hostile_build):
    project, _, data, read = hostile_build
    assert {s["source_file"] for s in data["sources"]} == read
    made = {n for n in SKIPPED if n != "device" or os.path.lexists(project / "sources" / "device")}
    assert {s["source_file"] for s in data["skipped"]} == made


def test_no_byte_from_outside_the_sources_folder_is_read(hostile_build):
    project, _, data, _ = hostile_build
    assert OUTSIDE_MARKER not in json.dumps(data, ensure_ascii=False)
    assert not any(OUTSIDE_MARKER in p.read_text(encoding="utf-8") for p in (project / "docs").rglob("*.md"))


def test_a_name_cannot_forge_a_report_line(hostile_build):
    project, result, data, _ = hostile_build
    lines = result.stdout.splitlines()
    assert all(line.startswith(REPORT_PREFIXES) for line in lines), result.stdout
    made = [n for n in SKIPPED if n != "device" or os.path.lexists(project / "sources" / "device")]
    assert len([line for line in lines if line.startswith("  skipped ")]) == len(made)
    assert not any(line.startswith(("  skipped evil.txt", "  skipped fake.txt")) for line in lines)
    assert "  skipped empty\\n  skipped fake.txt: forged line: empty file" in lines
    assert "  warning forged\\n  skipped evil.txt: forged line.txt: date 2099-01-01 is in the future" in lines
    assert "  warning rtl\\u202etxt.exe: date 2099-01-01 is in the future" in lines and "\u202e" not in result.stdout
    assert NEWLINE_NAME in {s["source_file"] for s in data["sources"]}  # the data keeps the real name


@pytest.mark.parametrize("name", sorted(DATES))
def test_an_unusable_date_keeps_the_page_with_a_warning(hostile_build, name):
    project, result, data, _ = hostile_build
    source = next(s for s in data["sources"] if s["source_file"] == name)
    assert source["date"] == "" and source["datetime"] == ""
    assert any(w.startswith("unusable date") for w in source["warnings"])
    assert (project / "docs" / source["page"]).is_file()
    assert f"  warning {name}: unusable date" in result.stdout


def test_a_date_before_1901_gets_a_writable_offset(hostile_build):
    _, _, data, _ = hostile_build
    source = next(s for s in data["sources"] if s["source_file"] == "date-1900.txt")
    assert source["datetime"] == "1900-01-01T10:00:00+08:00" and source["warnings"] == []


def test_the_site_builds_strictly(hostile_build):
    project, _, _, _ = hostile_build
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]


def test_a_folder_that_cannot_be_listed_is_reported_and_the_rest_builds(tmp_path, monkeypatch):
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    (sources / "locked").mkdir()
    (sources / "locked" / "a.txt").write_text(jekyll("锁住的"), encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if str(path).rstrip("/").endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = build(Settings(sources=sources, docs=tmp_path / "docs", cache=None, progress=False, workers=1))
    assert [(s.source_file, s.reason) for s in report.skipped] == [("locked/", "folder cannot be listed (Permission denied)")]
    assert len(report.records) == 5
    data = json.loads((tmp_path / "docs" / "data" / "sources.json").read_text(encoding="utf-8"))
    assert data["skipped"] == [{"source_file": "locked/", "reason": "folder cannot be listed (Permission denied)"}]


def test_an_unreadable_folder_is_reported_under_a_real_uid():
    """chmod 000 does not stop root: as root, the walk runs in a child that became nobody."""
    folder = Path(tempfile.mkdtemp())  # in /tmp, which nobody can reach (pytest's folders are private)
    try:
        os.chmod(folder, 0o755)
        (folder / "ok.txt").write_text("x", encoding="utf-8")
        (folder / "closed").mkdir()
        (folder / "closed" / "secret.txt").write_text("x", encoding="utf-8")
        os.chmod(folder / "closed", 0)
        assert json.loads(_as_nobody(lambda: [discover(folder), read_source(folder, "closed/").reason])) == [
            ["closed/", "ok.txt"], "folder cannot be listed (Permission denied)"]
    finally:
        os.chmod(folder / "closed", 0o755)
        shutil.rmtree(folder)


def _as_nobody(work) -> str:
    """`work()` in a forked child running as nobody (when we are root), as JSON."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child reports through the pipe
        try:
            if os.getuid() == 0:  # root's group would get the group's (no) permissions: leave it too
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            answer = work()
        except BaseException as error:
            answer = repr(error)
        try:
            os.write(writing, json.dumps(answer).encode())
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(child, 0)
    return answer.decode()


def test_an_unlistable_sources_folder_is_an_error_not_an_empty_site(tmp_path, monkeypatch):
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == tmp_path / "sources":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    (tmp_path / "sources").mkdir()
    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(PermissionError):
        discover(tmp_path / "sources")


def test_a_link_that_changes_target_is_reported_anew(tmp_path):
    """Entries not read are cached by their reason, not by what the link points to."""
    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    (sources / "link.txt").symlink_to("000_194e3c90e34a5c39.txt")
    settings = Settings(sources=sources, docs=tmp_path / "docs", cache=tmp_path / "cache", progress=False)
    assert [s.reason for s in build(settings).skipped] == [
        "symbolic link (not followed: what it points to is read under its own name)"]
    (sources / "link.txt").unlink()
    (sources / "link.txt").symlink_to(SEEDS / "000_194e3c90e34a5c39.txt")
    assert [s.reason for s in build(settings).skipped] == ["link outside the sources folder (not followed)"]


def test_a_folder_swapped_for_a_link_after_discovery_is_not_followed(tmp_path):
    (tmp_path / "sources" / "sub").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "a.txt").write_text(jekyll("界外"), encoding="utf-8")
    (tmp_path / "sources" / "sub" / "a.txt").write_text(jekyll("界内"), encoding="utf-8")
    assert discover(tmp_path / "sources") == ["sub/a.txt"]
    shutil.rmtree(tmp_path / "sources" / "sub")
    (tmp_path / "sources" / "sub").symlink_to(tmp_path / "outside")
    assert read_source(tmp_path / "sources", "sub/a.txt").reason == "link on the way to the file (not followed)"


def test_a_file_swapped_for_a_fifo_after_discovery_is_not_opened(tmp_path):
    (tmp_path / "a.txt").write_text(jekyll("先是文件"), encoding="utf-8")
    assert discover(tmp_path) == ["a.txt"]
    (tmp_path / "a.txt").unlink()
    os.mkfifo(tmp_path / "a.txt")
    code = "import sys; from pathlib import Path; from gen.reading.discover import read_source; print(read_source(Path(sys.argv[1]), 'a.txt').reason)"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.stdout.strip() == "not a regular file (fifo)"


def test_a_large_file_is_not_opened_to_be_skipped(tmp_path, monkeypatch):
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    opened = []
    real_open = os.open
    monkeypatch.setattr(os, "open", lambda path, *args, **kw: opened.append(path) or real_open(path, *args, **kw))
    assert load_bytes(tmp_path, "huge.txt").reason == "file too large (6291456 bytes > 5242880)"
    assert "huge.txt" not in opened and opened  # the folder was opened, the file not


def test_a_page_that_cannot_be_made_skips_its_source_only(tmp_path, monkeypatch):
    import gen.pipeline

    real_page = gen.pipeline.source_page

    def source_page(article, names):
        if article.document.source_file.startswith("002"):
            raise ValueError("broken")
        return real_page(article, names)

    monkeypatch.setattr(gen.pipeline, "source_page", source_page)
    report = build(Settings(sources=SEEDS, docs=tmp_path / "docs", cache=None, progress=False, workers=1))
    assert [(s.source_file, s.reason) for s in report.skipped] == [("002_0bd56fb7324264d2.txt", "page error: ValueError: broken")]
    assert len(report.records) == 4


@pytest.mark.parametrize("raw, kind", [
    (PDF, "PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" * 20, "ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "Office 97-2003 document"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
    (b"GIF89a" + b"\x01" * 50, "GIF image"),
    (b"\x1f\x8b\x08\x00" + bytes(range(200)), "gzip archive"),
    (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}" + "政府采购".encode(), "RTF document"),
])
def test_document_and_image_formats_are_named_by_their_signature(raw, kind):
    assert binary_type(raw) == kind
    with pytest.raises(NotText, match=kind):
        decode_bytes(raw)


@pytest.mark.parametrize("text", ["PKU 北京大学政府采购中心公告", "BM 公司中标公告\n\n政府采购", "%PD 开头的文字", "GIF 动图说明"])
def test_text_that_starts_like_a_signature_is_still_text(text):
    assert binary_type(text.encode()) is None
    assert decode_bytes(text.encode())[0] == text


@pytest.mark.parametrize("value", ["2024-03-01 10:00:00 +9999", "2024-03-01T10:00:00+24:00", "0001-01-01 00:00:00 +0800",
                                   "9999-12-31 23:00:00 -0800", "Fri, 31 Dec 9999 23:00:00 GMT"])
def test_unusable_dates_are_date_errors(value):
    with pytest.raises(DateError, match="unusable date"):
        parse_date(value)


def test_dates_before_1901_use_china_standard_time():
    assert parse_date("1900-01-01 10:00") == ("1900-01-01", "1900-01-01T10:00:00+08:00")
    assert parse_date("0001-01-01T00:00:00-01:00") == ("0001-01-01", "0001-01-01T09:00:00+08:00")


def test_shown_names_escape_only_what_could_forge_or_fail():
    assert shown_name("政府采购 notice (1).txt") == "政府采购 notice (1).txt"
    assert shown_name("a\\b.txt") == "a\\b.txt"
    assert shown_name("a\tb\r\x1b[2J\u2028\udcff.txt") == "a\\tb\\r\\x1b[2J\\u2028\\xff.txt"
