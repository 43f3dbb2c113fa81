"""Matched words marked inside a quote: the source text is escaped first, the <mark> tags
go around escaped pieces, so no source character becomes markup and the visible text of
the quote is exactly the source's."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from gen.rendering.markup import html_highlight as highlight
from gen.site.evidence import shown_terms

# Markdown and HTML syntax, entity pieces and CJK text: what a hostile or ordinary source holds.
TEXT = st.lists(st.sampled_from([*"中小企业政采贷<>&;#!?*_`[]{}|\\()-+=.: 1aA\"'", "&amp;", "<mark>", "1. "]),
                max_size=40).map("".join)


def _rendered(quote_html: str) -> BeautifulSoup:
    """The quote as a page shows it: in its block (gen/templates/_evidence.md.j2), through
    Markdown with the site's extensions."""
    block = f"<blockquote>\n<p>{quote_html}</p>\n</blockquote>\n\n后文 *after*"
    html = markdown.markdown(block, extensions=["attr_list", "tables", "admonition", "pymdownx.details", "toc"])
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("em").get_text() == "after"  # the block ended where it should
    return soup.find("blockquote")


def _visible(text: str) -> str:
    return " ".join(text.split("\n")).strip()


@st.composite
def quote_and_terms(draw) -> tuple[str, tuple[str, ...]]:
    """A text and words it contains (slices of it), plus one it may not contain."""
    text = draw(TEXT)
    terms = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, max(0, len(text) - 1)))
        terms.append(text[start:draw(st.integers(start, len(text)))])
    terms.append(draw(st.sampled_from(["政采贷", "<", "*", "&amp;"])))
    return text, tuple(t for t in terms if t.strip())


@settings(max_examples=400, deadline=None)
@given(quote_and_terms())
def test_marked_quote_reads_as_the_source_and_holds_no_markup(case):
    text, terms = case
    soup = _rendered(highlight(text, terms))
    tags = {tag.name for tag in soup.find_all(True)}
    assert tags <= {"blockquote", "p", "mark"}, tags
    assert _visible(soup.get_text()) == _visible(text)
    assert all(mark.get_text() in terms for mark in soup.find_all("mark"))
    assert bool(soup.find_all("mark")) == any(t in text.lstrip() for t in terms)


def test_every_occurrence_is_marked_and_overlaps_go_to_the_leftmost_longest():
    assert highlight("政采贷与政采贷", ("政采贷",)) == "<mark>政采贷</mark>与<mark>政采贷</mark>"
    assert highlight("中小企业采购", ("中小企业", "小企业采购")) == "<mark>中小企业</mark>采购"
    assert highlight("中小企业", ("小企业", "中小企业")) == "<mark>中小企业</mark>"


def test_source_markup_is_escaped_before_the_tags_are_added():
    marked = highlight("<b>政采贷</b> & *x*", ("政采贷", "b"))
    assert marked == "&lt;<mark>b</mark>&gt;<mark>政采贷</mark>&lt;/<mark>b</mark>&gt; &amp; *x*"
    assert highlight('见 "x" 政采贷', ('"x"',)) == "见 <mark>&quot;x&quot;</mark> 政采贷"
    # Markdown syntax is left as text: inside an HTML block Markdown does not read it
    assert _rendered(highlight("# 政采贷 *x* 1. 项", ("政采贷",))).p.decode_contents() == "# <mark>政采贷</mark> *x* 1. 项"


def test_only_the_words_the_quote_shows_are_reported():
    assert shown_terms("支持中小企业发展。", ("「支持中小企业」", "中小企业", "政采贷", "中小企业")) == ("支持中小企业", "中小企业")
