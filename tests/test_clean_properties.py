"""Property tests for the cleaners, the Markdown escaper and the front matter."""

from __future__ import annotations

import html
import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from gen.cleaning import text as clean
from gen.cleaning.blocks import drop_teaser
from gen.models import Block, Meta
from gen.reading.readers.common import finish_meta
from gen.rendering import frontmatter, markup

CJK_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),
        st.sampled_from(list(" \t\r\n\u3000\u00a0，。：“”、,.:;-#*_[]<>{}()&`!|1234567890abcXYZ\u202e\u200b")),
    ),
    max_size=200,
)
STEP_LISTS = [clean.TEXT_STEPS, clean.PDF_STEPS]


@given(CJK_TEXT, st.sampled_from(STEP_LISTS))
def test_cleaning_is_idempotent(text, steps):
    once = clean.run_steps(text, steps)
    assert clean.run_steps(once, steps) == once


@given(CJK_TEXT, st.sampled_from(STEP_LISTS))
def test_cleaning_never_invents_characters(text, steps):
    out = clean.run_steps(text, steps)
    assert set(out) <= set(text) | {" ", "\n"}


@given(CJK_TEXT, st.sampled_from(STEP_LISTS))
def test_cleaned_lines_end_cleanly(text, steps):
    out = clean.run_steps(text, steps)
    assert "\r" not in out
    assert all(line == line.rstrip() for line in out.split("\n"))


@given(CJK_TEXT)
def test_inline_text_is_one_line(text):
    out = clean.clean_inline(text)
    assert "\n" not in out and out == out.strip()
    assert clean.clean_inline(out) == out


@settings(max_examples=200)
@given(CJK_TEXT)
def test_escaped_text_renders_as_itself_and_never_as_html(text):
    line = clean.clean_inline(text)
    rendered = markdown.markdown(markup.escape(line), extensions=["attr_list"])
    assert not re.search(r"<(?!/?p>)", rendered), rendered
    inner = re.sub(r"^<p>|</p>$", "", rendered)
    assert html.unescape(inner) == line or not line.strip()


MULTILINE_MARKUP = st.lists(
    st.sampled_from(["# 标题", "!!! danger \"警告\"", "| a | b |", "|---|---|", "- 项", "1. 项", "> 引", "    code",
                     "<script>x()</script>", "{: onclick=\"x()\" }", "张三", "\u2028", "", "==="]),
    max_size=8,
).map("\n".join)


@settings(max_examples=200)
@given(MULTILINE_MARKUP)
def test_a_multi_line_value_renders_as_one_plain_paragraph(text):
    rendered = markdown.markdown(markup.escape(text), extensions=["attr_list", "tables", "admonition"])
    assert not re.search(r"<(?!/?p>)", rendered), rendered
    assert rendered.count("<p>") <= 1


@given(MULTILINE_MARKUP, CJK_TEXT)
def test_metadata_is_one_line_and_names_hold_no_markup(author, title):
    meta, _ = finish_meta(Meta(title=title, author=author, publisher=author, summary=author))
    for value in (meta.title, meta.author, meta.publisher, meta.summary):
        assert not re.search("[\n\r\u2028\u2029]", value)
    for name in (meta.author, meta.publisher):
        assert not set(name) & set("<>\"{}=|#!`")


@given(st.text(min_size=1, max_size=80).filter(lambda t: t.strip()), CJK_TEXT)
def test_front_matter_round_trips(title, summary):
    title = clean.clean_inline(title) or "x"
    front = frontmatter.PageFrontMatter(title=title, summary=clean.clean_inline(summary)[:120])
    assert frontmatter.load(frontmatter.dump(front) + "body\n") == front


@given(st.lists(CJK_TEXT, max_size=6))
def test_teaser_removal_only_removes(texts):
    blocks = [Block("p", clean.clean_inline(t)) for t in texts]
    kept = drop_teaser(blocks)
    assert all(b in blocks for b in kept)
    assert drop_teaser(kept) == kept
