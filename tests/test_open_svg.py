"""An open <svg …> or <math> start tag inside a paragraph of an HTML source: the text after
it stays (the parser had nested it inside the element, which the sanitiser drops), and no
handler or script survives. Issue 12, part 7."""

from __future__ import annotations

from pathlib import Path

import pytest

from gen.cleaning.foreign import release_swallowed
from gen.cleaning.htmlblocks import html_to_blocks
from gen.reading.detect import read_text
from gen.rules import boilerplate

AFTER = "成都市财政局推进政府采购电子化改革"
SHAPES = {
    "self-closing slash": "<p>前文<svg/onload=alert(1)>" + AFTER + "。</p><p>第二段。</p>",
    "no closing tag": "<p>前文<svg onload=alert(1)>" + AFTER + "。</p><p>第二段。</p>",
    "open inside a div": "<div>前文<svg onload=alert(1)>" + AFTER + "。<p>第二段。</p>结尾。</div>",
    "open twice": "<p>前文<svg onload=alert(1)>" + AFTER + "<svg/onload=alert(2)>，第二段。</p>",
    "math": "<p>前文<math href=javascript:alert(1)>" + AFTER + "。</p><p>第二段。</p>",
    "in a table cell": "<table><tr><td>前文<svg onload=alert(1)>" + AFTER + "。</td><td>第二段。</td></tr></table>",
    "swallowing a script": "<p>前文<svg onload=alert(1)>" + AFTER + "<script>alert(3)</script>。</p><p>第二段。</p>",
}


def _text(blocks) -> str:
    return "\n".join(b.text for b in blocks)


@pytest.mark.parametrize("html", SHAPES.values(), ids=SHAPES.keys())
def test_the_text_after_an_open_svg_survives(html):
    text = _text(html_to_blocks(html, boilerplate()))
    assert AFTER in text and "第二段" in text
    assert "前文" in text
    assert "alert" not in text and "onload" not in text and "<" not in text


def test_a_real_graphic_still_goes_with_its_labels():
    html = "<p>前文<svg onload=alert(1)><g><text>图中标签</text><circle r='1'/></g></svg>后文。</p>"
    text = _text(html_to_blocks(html, boilerplate()))
    assert "前文" in text and "后文" in text
    assert "图中标签" not in text and "alert" not in text


def test_a_page_without_svg_is_left_as_it_is():
    page = "<html><body><p>政府采购&amp;电子化</p></body></html>"
    assert release_swallowed(page) is page


def test_an_html_page_keeps_every_paragraph_after_an_open_svg():
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>成都推进政府采购电子化改革</title></head><body>"
        "<article><h1>成都推进政府采购电子化改革</h1>"
        "<p>2024年5月4日，记者获悉<svg/onload=alert(4)>" + AFTER + "，全面推行远程异地评标，供应商可在线投标。</p>"
        "<p>成都市政府采购监管部门将继续深化“放管服”改革，优化政府采购营商环境，推动采购意向公开。</p>"
        "</article></body></html>"
    )
    document = read_text(page, "page.html")
    text = _text(document.blocks)
    assert document.format == "html_page"
    assert AFTER in text and "推动采购意向公开" in text
    assert "alert" not in text and "onload" not in text


def test_a_markdown_post_with_an_html_paragraph_keeps_its_text():
    post = (
        "---\nlayout: post\ntitle: 政采贷惠及中小企业\ndate: 2024-05-04 10:00:00 +0800\n---\n"
        "<p>成都讯<svg/onload=alert(4)>）" + AFTER + "，中小企业预留份额提高至40%以上。</p>\n"
        "<p>成都市政府采购监管部门将继续深化“放管服”改革。</p>\n"
    )
    text = _text(read_text(post, "post.md").blocks)
    assert AFTER + "，中小企业预留份额提高至40%以上" in text
    assert "alert" not in text and "onload" not in text


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_a_real_cms_page_reads_the_same_with_an_open_svg_in_its_first_paragraph():
    from gen.reading.decode import decode_bytes

    text, _ = decode_bytes((CORPUS / "html_cms_liaoning_quancheng_dianzihua.jsp").read_bytes())
    at = text.index("相互之间往返奔波")
    hostile = text[:at] + "<svg/onload=alert(1)>" + text[at:]
    plain, attacked = read_text(text, "page.jsp"), read_text(hostile, "page.jsp")
    assert attacked.format == plain.format == "cms_page"
    assert [b.text for b in attacked.blocks] == [b.text for b in plain.blocks]
