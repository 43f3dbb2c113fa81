"""Every quote on the built pages is what its source says: the pieces between "…" marks are
contiguous spans of the linked paragraph, in the paragraph's order (the visible text, the
<mark> tags of matched words aside). Walks the built site: theme, region and glossary-term
evidence on every page of each, figure tables, the home page and the glossary."""

from __future__ import annotations

import json
from pathlib import PurePosixPath

import pytest
from bs4 import BeautifulSoup

from conftest import is_true_to
from gen.site.taxonomy import GAP, quote


@pytest.fixture(scope="module")
def paragraphs(seed_project) -> dict[tuple[str, str], str]:
    data = json.loads((seed_project / "docs" / "data" / "sources.json").read_text(encoding="utf-8"))
    return {(s["id"], p["anchor"]): p["text"] for s in data["sources"] for p in s["paragraphs"]}



def _target(href: str) -> tuple[str, str] | None:
    if "#" not in href or "sources/" not in href:
        return None
    path, anchor = href.split("#", 1)
    return PurePosixPath(path.rstrip("/")).name, anchor


def _evidence(soup):
    """(quote element, its source line) for every evidence block: the line follows the quote."""
    for box in soup.select("article blockquote"):
        line = box.find_next_sibling()
        if line is not None and "evidence-source" in line.get("class", []):
            yield box, line


def _paged(site, folder: str):
    return sorted(p for p in (site / folder).rglob("index.html") if p.parent != site / folder)


def _quotes(site):
    """(page, quoted text, linked paragraph) for every quote the site shows."""
    for page in _paged(site, "themes") + _paged(site, "regions") + _paged(site, "glossary"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for box, line in _evidence(soup):
            link = next((a["href"] for a in line.find_all("a", href=True) if "¶" in a.get_text()), None)
            if link and _target(link):
                yield page, box.get_text(), _target(link)
        for row in soup.select("article table tr"):
            cells = row.find_all("td")
            link = next((a["href"] for a in row.find_all("a", href=True) if _target(a["href"])), None)
            if link and len(cells) >= 3:
                yield page, cells[1].get_text(), _target(link)
    glossary = site / "glossary" / "index.html"
    for item in BeautifulSoup(glossary.read_text(encoding="utf-8"), "html.parser").select("article li"):
        link = item.find("a", href=True)
        if link and _target(link["href"]) and ": " in item.get_text():
            yield glossary, item.get_text().split(": ", 1)[1], _target(link["href"])


def _marks_are_the_matched_words(site) -> int:
    """Every <mark> in a quote holds one of the words its source line reports as matched, and
    nothing but text; returns how many marks were seen."""
    seen = 0
    for page in _paged(site, "themes") + _paged(site, "regions") + _paged(site, "glossary"):
        for box, line in _evidence(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")):
            # a matched word may itself hold "、" (节能、节水产品): each mark is found in the list as text
            matched = line.get_text().split("匹配 matched: ", 1)[1] if "匹配 matched: " in line.get_text() else ""
            marks = box.find_all("mark")
            assert all(m.find(True) is None for m in marks), page
            assert all(m.get_text() in matched for m in marks), (page, [m.get_text() for m in marks], matched)
            assert not marks or matched, page
            seen += len(marks)
    return seen


def test_every_quote_is_a_span_of_its_paragraph(site, paragraphs):
    checked = 0
    for page, quoted, target in _quotes(site):
        assert target in paragraphs, (page, target)
        assert is_true_to(quoted.strip(), paragraphs[target]), (page.relative_to(site), quoted, paragraphs[target])
        checked += 1
    assert checked >= 50  # the seeds' theme, region and glossary pages quote far more than this


def test_marked_words_are_the_matched_words(site):
    assert _marks_are_the_matched_words(site) >= 50


def test_every_quote_on_every_page_of_a_paged_list_is_true(paged_project):
    site = paged_project / "site"
    data = json.loads((paged_project / "docs" / "data" / "sources.json").read_text(encoding="utf-8"))
    paragraphs = {(s["id"], p["anchor"]): p["text"] for s in data["sources"] for p in s["paragraphs"]}
    quotes = [(page, quoted, target) for page, quoted, target in _quotes(site) if "page-" in page.as_posix()]
    assert len(quotes) >= 200  # pages 2+ of the theme, the province and two glossary terms
    for page, quoted, target in quotes:
        assert is_true_to(quoted.strip(), paragraphs[target]), (page.relative_to(site), quoted)
    assert _marks_are_the_matched_words(site) >= len(quotes)  # every synthetic passage names its words


def test_sentences_left_out_are_marked():
    text = "甲说了一句。乙说政采贷很好。丙说了别的。丁又说政采贷。戊结束。"
    assert quote(text, ("政采贷",)) == "乙说政采贷很好。…丁又说政采贷。"
    assert quote(text, ("甲", "乙")) == "甲说了一句。乙说政采贷很好。"


def test_a_long_sentence_is_cut_at_a_clause_and_never_inside_a_number():
    long_clause = "各地" + "持续优化营商环境" * 20 + "规模达到" + "123456789" * 10 + "元，" + "其余" * 50 + "。"
    quoted = quote(long_clause, ())
    assert quoted.endswith(GAP) and is_true_to(quoted, long_clause)
    assert not quoted.rstrip(GAP)[-1:].isdigit() or quoted.rstrip(GAP).endswith("，")
