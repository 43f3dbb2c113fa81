"""hooks/prerendered.py: HTML the generator wrote goes into the page unread by Markdown,
exactly where its markers stood, and nothing of the markers is left in a built page."""

from __future__ import annotations

import importlib.util
import logging
from types import SimpleNamespace

import markdown

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("prerendered", ROOT / "hooks" / "prerendered.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)

PAGE = """# 标题

前文 *before*

<!-- prerendered -->

<blockquote>
<p>*not emphasis* &lt;b&gt;</p>
</blockquote>

<!-- /prerendered -->

中间 *middle*

<!-- prerendered -->

<p class="x">二</p>

<!-- /prerendered -->
"""


def _build(text: str) -> tuple[str, SimpleNamespace]:
    page = SimpleNamespace(file=SimpleNamespace(src_uri="themes/x.md"))
    source = hook.on_page_markdown(text, page, None, None)
    return hook.on_page_content(markdown.markdown(source), page, None, None), page


def test_parts_come_back_in_place_and_unread():
    html, page = _build(PAGE)
    assert len(page.prerendered_parts) == 2
    assert "<p>*not emphasis* &lt;b&gt;</p>" in html  # Markdown did not read it
    assert html.index("<em>before</em>") < html.index("not emphasis") < html.index("<em>middle</em>") < html.index("二")
    assert "prerendered" not in html


def test_a_page_without_parts_is_left_alone():
    text = "# 标题\n\n正文\n"
    html, page = _build(text)
    assert page.prerendered_parts == [] and html == markdown.markdown(text)


def test_a_lost_placeholder_is_a_warning(caplog):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="themes/x.md"), prerendered_parts=["<p>x</p>"])
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.prerendered"):
        assert hook.on_page_content("<p>nothing here</p>", page, None, None) == "<p>nothing here</p>"
    assert "themes/x.md" in caplog.text


def test_no_marker_or_placeholder_is_left_in_the_built_site(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        assert "prerendered" not in page.read_text(encoding="utf-8"), page
