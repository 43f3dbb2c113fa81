"""Readers fed random bytes and random HTML never raise: they read or they report."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gen.cleaning.htmlblocks import html_to_blocks
from gen.models import Document, Skipped
from gen.reading.discover import read_source
from gen.rendering import markup
from gen.rules import boilerplate

TAGS = ["p", "div", "span", "script", "style", "iframe", "svg", "a", "img", "strong", "font", "br", "h2", "table", "td"]
ATTRS = ['', ' onclick="x()"', ' href="javascript:x()"', ' src="//e.com/i.png"', ' class="share"', ' style="font-weight:bold"']
TEXT = st.lists(
    st.sampled_from(list("政府采购中小企业<>&\"'{}[]()#*_|。，：\n ") + ["&lt;", "&#123;", "<!--", "-->", "javascript:"]),
    max_size=30,
).map("".join)


@st.composite
def html_soup(draw, depth: int = 0):
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        if depth < 4 and draw(st.booleans()):
            tag = draw(st.sampled_from(TAGS))
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRS))}>{draw(html_soup(depth + 1))}" + (f"</{tag}>" if draw(st.booleans()) else ""))
        else:
            parts.append(draw(TEXT))
    return "".join(parts)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_are_read_or_reported(raw):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "x.txt").write_bytes(raw)
        result = read_source(Path(folder), "x.txt")
    assert isinstance(result, (Document, Skipped))
    if isinstance(result, Skipped):
        assert result.reason and "\n" not in result.reason


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(html_soup())
def test_random_html_never_raises_and_never_keeps_markup(html):
    for block in html_to_blocks(html, boilerplate()):
        assert "\n" not in block.text
        assert not block.src or block.src.startswith(("http://", "https://"))
        assert "<" not in markup.escape(block.text)
        for _, url in block.links:
            assert url.startswith(("http://", "https://"))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.sampled_from(["---\ntitle: x\n---\n", "", "\n---\n", "<html><body>"]), html_soup())
def test_random_posts_are_read_or_reported(head, body):
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "post.txt").write_text(head + body, encoding="utf-8")
        assert isinstance(read_source(Path(folder), "post.txt"), (Document, Skipped))
