"""Every passage reachable: theme, province and glossary-term pages page through all their
passages, 50 to a page, with a pager; each passage is one evidence block. Built from a
synthetic corpus of 120 SME sources (conftest.write_paged_corpus)."""

from __future__ import annotations

import json
import re
from posixpath import dirname, normpath

import pytest
from bs4 import BeautifulSoup

from conftest import PAGED_SOURCES, evidence_blocks, linked_source, live_html_problems, page_chain
from gen import paths
from gen.site.evidence import EVIDENCE_PER_PAGE

RANGE = re.compile(r"^第 (\d+)–(\d+) 段，共 (\d+) 段。", re.M)


@pytest.fixture(scope="module")
def docs(paged_project):
    return paged_project / "docs"


@pytest.fixture(scope="module")
def sme_passages(docs) -> set[str]:
    """Every SME passage of the corpus, as "sources/<id>.md#anchor", from the data export."""
    data = json.loads((docs / paths.SOURCES_JSON).read_text(encoding="utf-8"))
    return {f"{s['page']}#{p['anchor']}" for s in data["sources"] if s["on_topic"] and not s["duplicate_of"]
            for p in s["paragraphs"] if "sme" in p["themes"] and not p["heading"]}


def _linked(page: str, link: str) -> str:
    return normpath(f"{dirname(page)}/{link}")


def _read(docs, page: str) -> str:
    return (docs / page).read_text(encoding="utf-8")


def test_every_passage_of_a_theme_is_reachable_from_page_one(docs, sme_passages):
    chain = page_chain(docs, paths.theme("sme"))
    assert len(sme_passages) == PAGED_SOURCES
    assert chain == [paths.theme("sme", n) for n in range(1, len(chain) + 1)]
    assert len(chain) == -(-PAGED_SOURCES // EVIDENCE_PER_PAGE) >= 3
    shown = [linked_source(page, link) for page in chain for _, _, link in evidence_blocks(_read(docs, page))]
    assert len(shown) == len(set(shown))
    assert set(shown) == sme_passages


@pytest.mark.parametrize("first", [paths.theme("sme"), paths.region("330000"), paths.glossary_term("zheng-cai-dai")])
def test_each_page_states_the_range_it_shows(docs, first):
    chain = page_chain(docs, first)
    assert len(chain) >= 3
    expected_first, totals = 1, set()
    for number, page in enumerate(chain, start=1):
        text = _read(docs, page)
        start, end, total = map(int, RANGE.search(text).groups())
        blocks = evidence_blocks(text)
        assert (start, end) == (expected_first, expected_first + len(blocks) - 1), page
        assert len(blocks) == (EVIDENCE_PER_PAGE if number < len(chain) else total - start + 1), page
        assert f"第 {number} 页 / 共 {len(chain)} 页 · Page {number} of {len(chain)}" in text
        more = re.search(r"另有 (\d+) 段见\[[^\]]+\]\(([^)]+)\)", text)
        if number < len(chain):
            assert int(more.group(1)) == total - end and _linked(page, more.group(2)) == chain[number], page
        else:
            assert more is None
        expected_first = end + 1
        totals.add(total)
    assert totals == {expected_first - 1}


def test_page_one_keeps_the_summary_and_later_pages_hold_evidence_only(docs):
    first, second = _read(docs, paths.theme("sme")), _read(docs, paths.theme("sme", 2))
    stated = int(re.search(r"(\d+) 份来源、(\d+) 个段落", first).group(2))
    assert stated == PAGED_SOURCES
    for section in ("## 关键数字 Key figures", "## 地区 Regions", "## 时间分布 Sources over time"):
        assert section in first and section not in second
    assert "[← 上一页 Previous](../sme.md)" in second
    assert "search:\n  exclude: true" in second.split("\n---\n", 1)[0]


def test_later_pages_are_built_but_not_in_the_nav(paged_project):
    site = paged_project / "site"
    assert (site / "themes" / "sme" / "page-2" / "index.html").exists()
    assert (site / "regions" / "330000" / "page-3" / "index.html").exists()
    nav = BeautifulSoup((site / "themes" / "sme" / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav_links = [a["href"] for a in nav.select("nav.md-nav--primary a[href]")]
    assert nav_links and not any("page-" in link for link in nav_links)


def test_the_glossary_more_line_links_to_every_passage_of_the_term(docs):
    glossary = _read(docs, paths.GLOSSARY)
    entry = glossary.split("\n## 政采贷 ", 1)[1].split("\n## ", 1)[0]
    more = re.search(r"另有 (\d+) 处 \*and \1 more\*：\[全部 (\d+) 处 All \2 passages\]\(([^)]+)\)", entry)
    listed = len(re.findall(r"^- \[.+\]\(.+#p-[0-9a-f]+\)", entry, re.M))
    assert int(more.group(1)) + listed == int(more.group(2)) == PAGED_SOURCES
    target = _linked(paths.GLOSSARY, more.group(3))
    assert target == paths.glossary_term("zheng-cai-dai")
    shown = sum(len(evidence_blocks(_read(docs, page))) for page in page_chain(docs, target))
    assert shown == PAGED_SOURCES


def test_an_evidence_block_names_its_source_and_a_citation(docs):
    text = _read(docs, paths.theme("sme", 2))
    quoted, line, link = evidence_blocks(text)[0]
    assert "<mark>政采贷</mark>" in quoted
    assert re.match(r'<a href="[^"]+">浙江省第', line) and " · 浙江省财政厅 · 2024-" in line and "匹配 matched: " in line
    anchor = link.split("#", 1)[1]
    citation = text.split(link, 1)[1].split('<summary>引用 Cite</summary>\n<p>', 1)[1].split("</p>", 1)[0]
    assert citation.startswith("《浙江省第") and citation.endswith(f"/#{anchor}")
    assert citation.split("。")[-1].startswith("https://")
    # the quote never carries the source line: each block is quote, then source, then citation
    assert text.count("<blockquote>") == len(evidence_blocks(text)) == text.count("<summary>引用 Cite</summary>")


def test_source_markup_in_a_quote_stays_text(paged_project):
    last = page_chain(paged_project / "docs", paths.theme("sme"))[-1]
    html = (paged_project / "site" / paths.url(last) / "index.html").read_text(encoding="utf-8")
    assert live_html_problems(html) == []
    soup = BeautifulSoup(html, "html.parser")
    hostile = [q for q in soup.select("article blockquote") if "alert(1)" in q.get_text()]
    assert hostile and "<script>alert(1)</script>{: onclick=alert(1) }" in hostile[0].get_text()
    assert [m.get_text() for m in hostile[0].find_all("mark")][:1] == ["预留份额"]
    assert not hostile[0].find_all(["script", "em", "strong"])


def test_a_law_passage_names_its_article_in_the_source_line():
    from types import SimpleNamespace

    from gen.rendering.jinja import render
    from gen.site.evidence import evidence_pages
    from gen.site.taxonomy import Passage

    meta = SimpleNamespace(title="中华人民共和国政府采购法", publisher="全国人民代表大会常务委员会", date="2014-08-31")
    law = SimpleNamespace(id="law", meta=meta, page="sources/law.md")
    article_40 = SimpleNamespace(anchor="p-1", text="政府采购应当有助于实现国家的经济和社会发展政策目标。", clause="第九条")
    plain = SimpleNamespace(anchor="p-2", text="采购人可以委托集中采购机构采购。")
    pages = evidence_pages([Passage(law, article_40), Passage(law, plain)], lambda n: paths.theme("sme", n),
                           lambda p: ("政策目标",), "https://example.org/site/")
    text = render("evidence_page.md.j2", ev=pages[0], title="t", heading="h", intro="", section="s", back="x.md",
                  back_label="b")
    (_, with_clause, _), (_, without, _) = evidence_blocks(text)
    assert ' · 2014-08-31 · 第九条 · <a href="../../sources/law/#p-1" ' in with_clause
    assert "第九条" not in without and ' · 2014-08-31 · <a href="../../sources/law/#p-2" ' in without
    assert "《中华人民共和国政府采购法》，全国人民代表大会常务委员会，2014-08-31，第九条。https://example.org/site/sources/law/#p-1" in text
