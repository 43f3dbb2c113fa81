"""Long inputs stay fast: a 200 KB tender reads well under a second, and no reader's rule
goes quadratic on a long line (a rule that rescans a line from every position cannot get
through these 100,000-character lines within the bound)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from gen.reading.detect import detect, read_text

DEVSET = Path(__file__).parent / "devset"
TENDER = (DEVSET / "tender_text" / "goods-tender-page-footers.txt").read_text(encoding="utf-8")
COVER, _, REST = TENDER.partition("第一章 招标公告")
BODY = "第一章 招标公告" + REST
LAW_HEAD = "# 某省政府采购条例\n\n2020年1月1日 某省第一届人民代表大会常务委员会第一次会议通过\n\n"
LAW_TAIL = "\n\n第一条 为了规范政府采购行为，制定本条例。\n\n第二条 本条例自2020年3月1日起施行。\n"
N = 100_000
LONG_LINES = {
    "dots": "." * N, "ellipses": "…" * N, "article number": "第" + "一" * N + "条", "hashes": "# a" + "#" * N + "b",
    "spaced digits": "1 " * (N // 2), "underscores": "_" * N, "colons": "：" * N, "order": "令第" + "1" * N,
    "dates": "2024年" * (N // 5), "dashes": "-" * N + "1", "one character": "政" * N, "brackets": "（" * N,
    "labels": "项目名称：" * (N // 5), "checkboxes": "□" * N, "directives": "<%" * (N // 2),
    "expressions": "${" * (N // 2), "tags": "<c:a " * (N // 4), "publication labels": "来源：" * (N // 3),
}
CMS_HEAD = '<%@ page pageEncoding="UTF-8"%>\n<div class="article"><h1>某市政府采购动态</h1><p>发布时间：2024-01-02 来源：某市财政局</p>\n<p>'
CMS_TAIL = "</p><p>全市政府采购规模持续扩大，中小企业合同份额保持在80%以上。</p></div>\n"


def big_tender(size: int) -> str:
    """The dev-set tender's body repeated, pages numbered on, to `size` bytes."""
    parts, page = [COVER], 1
    while sum(len(p.encode("utf-8")) for p in parts) < size:
        parts.append(re.sub(r"第 \d+ 页 共 20 页", f"第 {page} 页 共 999 页", BODY))
        page += 1
    return "".join(parts)


def _seconds(text: str) -> float:
    started = time.perf_counter()
    read_text(text, "long.txt")
    return time.perf_counter() - started


def test_a_200_kb_tender_reads_well_under_a_second():
    text = big_tender(200_000)
    assert detect(text) == "tender_text"
    read_text(COVER + BODY, "warm.txt")  # rules and vocabularies load once per process
    seconds = _seconds(text)
    assert seconds < 1.0, f"{seconds:.2f} s"
    document = read_text(text, "long.txt")
    assert not any(re.search(r"第 ?\d+ ?页", b.text) for b in document.blocks)


@pytest.mark.parametrize("name", sorted(LONG_LINES))
def test_no_rule_is_quadratic_on_a_long_line(name):
    line = LONG_LINES[name]
    for document in (COVER + line + "\n" + BODY, LAW_HEAD + line + LAW_TAIL, CMS_HEAD + line + CMS_TAIL):
        seconds = _seconds(document)
        assert seconds < 2.0, f"{name}: {seconds:.2f} s"
