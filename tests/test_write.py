"""The writer: unchanged pages are re-used (hard links), changed and new ones written, and
a live file that is not a plain file is never linked into the new output."""

from __future__ import annotations

import os

import pytest

from gen.models import OutputFile
from gen.write import UnsafePath, write_tree


def test_unchanged_files_are_linked_and_changed_ones_rewritten(tmp_path):
    docs = tmp_path / "docs"
    write_tree(docs, [OutputFile("sources/a.md", "甲\n"), OutputFile("sources/b.md", "乙\n")])
    first_a = os.stat(docs / "sources" / "a.md").st_ino
    write_tree(docs, [OutputFile("sources/a.md", "甲\n"), OutputFile("sources/b.md", "乙（改）\n"),
                      OutputFile("themes/c.md", "丙\n")])
    assert os.stat(docs / "sources" / "a.md").st_ino == first_a
    assert (docs / "sources" / "b.md").read_text(encoding="utf-8") == "乙（改）\n"
    assert (docs / "themes" / "c.md").read_text(encoding="utf-8") == "丙\n"
    assert os.stat(docs / "sources" / "a.md").st_nlink == 1  # the retired copy is gone


def test_a_symlinked_live_file_is_replaced_by_a_real_file(tmp_path):
    docs = tmp_path / "docs"
    outside = tmp_path / "outside.md"
    outside.write_text("甲\n", encoding="utf-8")
    (docs / "sources").mkdir(parents=True)
    (docs / "sources" / "a.md").symlink_to(outside)
    write_tree(docs, [OutputFile("sources/a.md", "甲\n")])
    page = docs / "sources" / "a.md"
    assert not page.is_symlink() and page.read_text(encoding="utf-8") == "甲\n"
    assert outside.read_text(encoding="utf-8") == "甲\n"


def test_a_path_given_twice_is_refused(tmp_path):
    with pytest.raises(UnsafePath, match="written twice"):
        write_tree(tmp_path / "docs", [OutputFile("sources/a.md", "甲\n"), OutputFile("sources/a.md", "乙\n")])


def test_a_link_an_older_generator_made_is_removed(tmp_path):
    """docs/assets/generated (the charts of an older generator) would dangle, and MkDocs fails
    on a dangling file; a hand-written link elsewhere is left alone."""
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "briefing.css").write_text("body {}\n", encoding="utf-8")
    os.symlink("../.output/live/assets/generated", docs / "assets" / "generated")
    os.symlink("briefing.css", docs / "assets" / "alias.css")
    write_tree(docs, [OutputFile("index.md", "# 首页\n")])
    assert not os.path.lexists(docs / "assets" / "generated")
    assert os.path.islink(docs / "assets" / "alias.css")
    assert (docs / "index.md").read_text(encoding="utf-8") == "# 首页\n"
