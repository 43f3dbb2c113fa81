"""Denial of service: a hostile source costs time and memory in proportion to its size.

For each class of hostile input a test checks that the result is right. Linearity is
checked here by counting work where it can be counted; the timing ladder for the rest is
tools/linear_check.py (`make linear-check`), kept out of the unit tests.
"""

from __future__ import annotations

import hashlib
import html
import re

import markdown
import pytest

from bad_inputs import billion_laughs
from gen.cleaning.blocks import bounded_paragraphs
from gen.models import Block, Document, Meta
from gen.pipeline import page_for_text
from gen.reading.detect import read_text
from gen.reading.discover import read_source
from gen.reading.frontmatter import FrontMatterError, split
from gen.rendering.markup import anchor
from gen.settings import MAX_SOURCE_LINES, MAX_SOURCE_PARAGRAPHS, PARAGRAPH_MAX_CHARS
from gen.understanding.assemble import paragraphs_of
from gen.understanding.figures import find_figures

SENTENCE = "某市财政局持续深化政府采购制度改革，全面推行远程异地评标。"
ARTICLE = "\n\n".join(f"第{n}段：{SENTENCE}" for n in range(3))


# Figures ---------------------------------------------------------------------------


def test_a_number_longer_than_any_figure_gives_none_and_no_overflow():
    # 400 digits used to parse to an infinite float and raise OverflowError in _tidy
    assert find_figures("1" * 400 + "元") == ()
    assert find_figures("一" * 5000 + "个") == ()
    assert find_figures("1" + ",000" * 2000 + "元") == ()


def test_a_figure_after_a_long_run_is_still_found():
    figures = find_figures("编号" + "1" * 20_000 + "，" + "一" * 20_000 + "，入驻供应商3143家")
    assert [(f.text, f.value, f.unit) for f in figures] == [("3143家", 3143, "家")]


def test_every_figure_of_a_paragraph_full_of_them_is_found():
    figures = find_figures("采购金额12元，占比5%，共3家；" * 5000)
    assert len(figures) == 15_000
    assert {(f.text, f.unit) for f in figures} == {("12元", "CNY"), ("5%", "%"), ("3家", "家")}


@pytest.mark.parametrize(("text", "shown"), [
    ("投标人须知表1.3.5款中写明", ["3.5款"]),  # a section number: the old patterns' reading, kept
    ("12,3456家", ["3456家"]),
    ("1,234,567.89元", ["1,234,567.89元"]),
    ("分别增长3%,5%和7%", ["3%", "5%", "7%"]),
    ("三点五十个", ["五十个"]),
    ("2023.10.5家", ["10.5家"]),
])
def test_bounded_patterns_find_what_the_unbounded_ones_found(text, shown):
    assert [f.text for f in find_figures(text)] == shown


# Anchors ---------------------------------------------------------------------------


class CountingDict(dict):
    """Counts the look-ups anchor() makes in the ids it was given."""

    def __init__(self):
        super().__init__()
        self.lookups = 0

    def __contains__(self, key):
        self.lookups += 1
        return super().__contains__(key)

    def get(self, key, default=None):
        self.lookups += 1
        return super().get(key, default)


def test_repeated_lines_get_unique_anchors_in_the_same_order():
    document = Document("x.txt", "text", Meta(title="t"), tuple(Block("p", "同一行") for _ in range(5)))
    base = "p-" + hashlib.sha1("同一行".encode()).hexdigest()[:8]
    assert [p.anchor for p in paragraphs_of(document)] == [base, f"{base}-2", f"{base}-3", f"{base}-4", f"{base}-5"]


@pytest.mark.parametrize("repeats", [1_000, 4_000])
def test_anchor_lookups_per_paragraph_do_not_grow_with_repeats(repeats):
    taken = CountingDict()
    ids = [anchor("p", "同一行", taken) for _ in range(repeats)]
    assert len(set(ids)) == repeats
    assert taken.lookups <= 3 * repeats


# Front matter ----------------------------------------------------------------------


def test_alias_bomb_is_refused_before_it_is_built():
    with pytest.raises(FrontMatterError, match="front matter uses YAML aliases"):
        split(billion_laughs() + ARTICLE)


def test_alias_bomb_is_a_warning_and_the_article_still_reads():
    document = read_text(billion_laughs(levels=4) + "标题\n\n" + ARTICLE, "bomb.md")
    assert "front matter uses YAML aliases" in document.warnings
    assert [b.text for b in document.blocks] == ARTICLE.split("\n\n")
    assert "哈哈" not in document.meta.title + document.meta.date


def test_deeply_nested_front_matter_is_refused():
    # Deeper still (30,000 levels) overflows libyaml's C stack and kills the process.
    with pytest.raises(FrontMatterError, match="nested deeper than"):
        split("---\ntitle: " + "[" * 1000 + "]" * 1000 + "\n---\n" + ARTICLE)


def test_plain_front_matter_still_loads_with_timestamps_as_text():
    data, body = split("---\ntitle: 标题\ndate: 2024-03-01 10:00:00 +0800\ntags: [a, b]\nmeta: {k: [1, 2]}\n---\n正文")
    assert data == {"title": "标题", "date": "2024-03-01 10:00:00 +0800", "tags": ["a", "b"], "meta": {"k": [1, 2]}}
    assert body == "正文"


# Long paragraphs -------------------------------------------------------------------


def test_a_long_paragraph_is_split_at_sentence_ends_without_losing_text():
    paragraph = "".join(f"第{n}句讲政府采购。" for n in range(3000))
    document = read_text("标题\n\n" + paragraph + "\n\n" + ARTICLE, "long.txt")
    pieces = [b.text for b in document.blocks][:-3]
    assert len(pieces) > 1 and "".join(pieces) == paragraph
    assert all(len(p) <= PARAGRAPH_MAX_CHARS and p.endswith("。") for p in pieces)


def test_a_split_paragraph_keeps_kind_image_and_each_link_once():
    text = "甲" * PARAGRAPH_MAX_CHARS + "乙" + "甲" * 10
    links = (("甲", "https://a.example/"), ("乙", "https://b.example/"), ("丙", "https://c.example/"))
    blocks = bounded_paragraphs((Block("img", text, src="https://i.example/x.png", links=links),))
    assert [(b.kind, b.src, b.links) for b in blocks] == [
        ("img", "https://i.example/x.png", (links[0],)), ("p", "", (links[1],))]
    assert "".join(b.text for b in blocks) == text


@pytest.mark.parametrize("char", ["<", "|", "{", "&#", "[", "*", "_", "`", "\\"])
def test_markdown_paragraphs_stay_short_and_render_the_text(char):
    """Python-Markdown's work on a paragraph grows with (escapes in it) x (its length):
    bounded paragraphs bound it. The size ladder shows the longest paragraph the page
    gives Python-Markdown does not grow with the source."""
    longest = []
    for size in (3 * PARAGRAPH_MAX_CHARS, 6 * PARAGRAPH_MAX_CHARS):
        hostile = (char * size)[:size]
        page = page_for_text(f"标题\n\n{hostile}\n\n{ARTICLE}\n", "hostile.txt")
        body = page.split("\n---\n", 1)[1]
        paragraphs = [p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.startswith("**")]
        longest.append(max(len(p.strip().split("\n{:")[0]) for p in paragraphs))  # without its anchor line
    assert longest[0] == longest[1] <= 6 * PARAGRAPH_MAX_CHARS
    rendered = markdown.markdown(body, extensions=["attr_list", "tables", "admonition", "toc"])
    text = "".join(html.unescape(p) for p in re.findall(r"<p[^>]*>(.*?)</p>", rendered, re.DOTALL))
    assert hostile in text


# Size limits -----------------------------------------------------------------------


def test_too_many_lines_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "lines.txt").write_text("标题\n" + "短行\n" * MAX_SOURCE_LINES, encoding="utf-8")
    (tmp_path / "cr.txt").write_text("标题\r" + "短行\r" * MAX_SOURCE_LINES, encoding="utf-8")
    for name in ("lines.txt", "cr.txt"):
        skipped = read_source(tmp_path, name)
        assert skipped.reason == f"too many lines ({MAX_SOURCE_LINES + 1} > {MAX_SOURCE_LINES})"


def test_sources_at_the_limits_are_read(tmp_path):
    padded = "标题\n" + ARTICLE + "\n" * (MAX_SOURCE_LINES - ARTICLE.count("\n") - 1)
    (tmp_path / "lines.txt").write_text(padded, encoding="utf-8")
    paragraphs = [f"第{n}段：{SENTENCE}" for n in range(MAX_SOURCE_PARAGRAPHS)]
    (tmp_path / "paragraphs.txt").write_text("标题\n" + "\n".join(paragraphs), encoding="utf-8")
    assert len(read_source(tmp_path, "lines.txt").blocks) == 3
    assert len(read_source(tmp_path, "paragraphs.txt").blocks) == MAX_SOURCE_PARAGRAPHS


def test_too_many_paragraphs_is_skipped_with_the_reason(tmp_path):
    lines = [f"第{n}段：{SENTENCE}" for n in range(MAX_SOURCE_PARAGRAPHS + 1)]
    (tmp_path / "many.txt").write_text("标题\n" + "\n".join(lines), encoding="utf-8")
    assert read_source(tmp_path, "many.txt").reason == (
        f"too many paragraphs ({MAX_SOURCE_PARAGRAPHS + 1} > {MAX_SOURCE_PARAGRAPHS})")
    # One line of HTML can hold them all; its walk stops one past the limit.
    paragraphs = "".join(f"<p>{line}</p>" for line in lines)
    (tmp_path / "many.html").write_text(f"---\nlayout: post\ntitle: 段落太多\n---\n{paragraphs}\n", encoding="utf-8")
    assert read_source(tmp_path, "many.html").reason == f"too many paragraphs (more than {MAX_SOURCE_PARAGRAPHS})"
