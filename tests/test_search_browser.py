"""The passage search in a real browser (Playwright + Chromium) on the seeds plus two
sources that both state 价格扣除, one in Jiangxi and one in Guangdong (tests/search_sources),
indexed with a few passages per records file (SEARCH_RECORDS_PER_CHUNK), so a search's
results come from many files."""

from __future__ import annotations

import gzip
import json
import math
import os
import shutil
from urllib.parse import quote, urlencode, urlsplit

import pytest
import test_browser
from playwright.sync_api import expect

from browser_support import serve
from conftest import ROOT, SEEDS, copy_project, mkdocs_build
from gen import paths
from gen.pipeline import build
from gen.settings import Settings

# The same Chromium and the same guard (no request leaves 127.0.0.1, no console error).
browser = test_browser.browser
guarded = test_browser.guarded
shot = test_browser.shot

TERMS = ("政采贷", "远程异地评标", "电子卖场", "政采云", "双盲评审", "价格扣除")


@pytest.fixture(scope="module")
def search_project(tmp_path_factory):
    sources = tmp_path_factory.mktemp("search-sources")
    for folder in (SEEDS, ROOT / "tests" / "search_sources"):
        for path in folder.iterdir():
            shutil.copy(path, sources / path.name)
    project = copy_project(tmp_path_factory.mktemp("search-site"))
    build(Settings(sources=sources, docs=project / "docs", progress=False, cache=None))
    os.environ["SEARCH_RECORDS_PER_CHUNK"] = str(CHUNK)
    try:
        result = mkdocs_build(project)
    finally:
        del os.environ["SEARCH_RECORDS_PER_CHUNK"]
    assert result.returncode == 0, result.stderr[-2000:]
    return project


CHUNK = 4


def test_the_index_holds_every_passage_once_in_files_of_chunk_passages(search_project, records):
    index = search_project / "site" / paths.SEARCH_INDEX
    manifest = json.loads((index / "index.json").read_text(encoding="utf-8"))
    assert manifest["passages"] == len(records) and manifest["chunk"] == CHUNK
    shown = [json.loads(gzip.decompress((index / "records" / f"{n}.json").read_bytes()))
             for n in range(math.ceil(len(records) / CHUNK))]
    assert all(len(chunk) == CHUNK for chunk in shown[:-1])
    assert sorted(r["url"] for chunk in shown for r in chunk) == sorted(records)


def test_a_term_is_found_in_every_records_file_that_holds_it(guarded, search_url, records, search_project):
    index = search_project / "site" / paths.SEARCH_INDEX
    file_of = {r["url"]: path.name for path in (index / "records").iterdir()
               for r in json.loads(gzip.decompress(path.read_bytes()))}
    term = max(TERMS, key=lambda t: len({file_of[u] for u, r in records.items() if t in r["text"]}))
    expected = sorted(u for u, r in records.items() if term in r["text"])
    assert len({file_of[u] for u in expected}) >= 2, "no term spans files: the test would prove nothing"
    page, _ = guarded
    page.goto(f"{search_url}search/?q={quote(term)}")
    assert sorted(_found(page, q=term)) == expected


@pytest.fixture(scope="module")
def records(search_project) -> dict[str, dict]:
    lines = (search_project / "docs" / paths.SEARCH_RECORDS).read_text(encoding="utf-8").splitlines()
    return {record["url"]: record for record in map(json.loads, lines)}


@pytest.fixture(scope="module")
def search_url(search_project):
    server, url = serve(search_project / "site")
    yield url
    server.shutdown()


def _found(page, **state: str) -> list[str]:
    """Every result's link (all pages of results) once the search for `state` (the URL
    parameters) is done, as record URLs (no leading /)."""
    root = page.locator("#passage-search")
    expect(root).to_have_attribute("data-done", urlencode(state), timeout=20_000)
    more = page.locator(".passage-search__more")
    while more.is_visible():
        shown = page.locator(".passage-search__result").count()
        more.click()
        expect(page.locator(".passage-search__result")).not_to_have_count(shown)
    links = page.locator(".passage-search__result a.passage-search__title")
    assert int(root.get_attribute("data-results")) == links.count()
    return [urlsplit(href).path.lstrip("/") + "#" + urlsplit(href).fragment
            for href in links.evaluate_all("links => links.map(a => a.href)")]


@pytest.mark.parametrize("term", TERMS)
def test_a_term_finds_the_passages_that_hold_it_and_nothing_else(guarded, search_url, records, term):
    page, _ = guarded
    page.goto(f"{search_url}search/?q={quote(term)}")
    found = _found(page, q=term)
    expected = sorted(url for url, record in records.items() if term in record["text"])
    assert expected, f"no fixture passage holds {term}: the test would prove nothing"
    assert sorted(found) == expected
    assert len(set(found)) == len(found)
    dates = [records[url]["meta"]["date"] for url in found]
    assert dates == sorted(dates, reverse=True)  # newest first
    marks = page.locator(".passage-search__excerpt mark").all_text_contents()
    assert marks and set(marks) == {term}


def test_price_deduction_in_jiangxi_only(guarded, search_url, records):
    page, _ = guarded
    page.goto(f"{search_url}search/")
    page.locator(".passage-search__input").fill("价格扣除")
    page.locator(".passage-search__input").press("Enter")
    everywhere = _found(page, q="价格扣除")
    assert any("江西省" not in records[url]["filters"].get("province", []) for url in everywhere)
    page.locator("select[name='province']").select_option("江西省")
    in_jiangxi = _found(page, q="价格扣除", province="江西省")
    assert in_jiangxi and set(in_jiangxi) < set(everywhere)
    assert sorted(in_jiangxi) == sorted(u for u in everywhere if "江西省" in records[u]["filters"].get("province", []))
    assert "province=%E6%B1%9F%E8%A5%BF%E7%9C%81" in page.url  # the filtered view is a link others can make
    shot(page, "search-filter")


def test_a_link_with_filters_opens_the_filtered_view_and_deep_links_to_the_paragraph(guarded, search_url, records):
    page, _ = guarded
    page.goto(f"{search_url}search/?q={quote('价格扣除')}&province={quote('广东省')}&year=2024")
    found = _found(page, q="价格扣除", province="广东省", year="2024")
    assert found == [u for u in sorted(records) if "价格扣除" in records[u]["text"]
                     and "广东省" in records[u]["filters"].get("province", []) and records[u]["filters"].get("year") == ["2024"]]
    expect(page.locator("select[name='province']")).to_have_value("广东省")
    page.locator(".passage-search__result a").first.click()
    anchor = found[0].split("#", 1)[1]
    expect(page.locator(f"#{anchor}")).to_be_in_viewport()
    expect(page.locator(f"#{anchor}")).to_contain_text("价格扣除")


@pytest.mark.parametrize("term", ["政采贷", "远程异地评标"])
def test_the_header_box_searches_from_any_page(guarded, search_url, term):
    page, _ = guarded
    page.goto(search_url + "themes/")
    box = page.locator(".md-header .header-search__input")
    box.fill(term)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    _found(page, q=term)
    expect(page.locator(".passage-search__results")).to_contain_text(term)
    shot(page, f"search-{term}")


def test_the_search_tab_works_after_instant_navigation(guarded, search_url):
    page, _ = guarded
    page.goto(search_url)
    page.locator(".md-tabs").get_by_text("搜索 Search").click()
    page.wait_for_url("**/search/")
    page.locator(".passage-search__input").fill("电子卖场")
    page.locator(".passage-search__input").press("Enter")
    assert _found(page, q="电子卖场")
    expect(page.locator(".passage-search__excerpt mark").first).to_have_text("电子卖场")


SOURCES_SHOWN = 5  # assets/search.js: the titles shown before "show all"


@pytest.fixture(scope="module")
def titles(search_project) -> list[dict]:
    lines = (search_project / "docs" / paths.SEARCH_SOURCE_RECORDS).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("term", ["价格扣除", "政府采购", "政采贷", "采"])  # 采: more titles than first shown
def test_a_word_of_a_title_lists_its_sources_before_the_passages(guarded, search_url, records, titles, term):
    page, _ = guarded
    page.goto(f"{search_url}search/?q={quote(term)}")
    found = _found(page, q=term)
    assert sorted(found) == sorted(url for url, record in records.items() if term in record["text"])
    expected = [t for t in titles if term in t["text"]]
    section = page.locator(".source-search")
    assert int(page.locator("#passage-search").get_attribute("data-sources")) == len(expected)
    if not expected:
        expect(section).to_be_hidden()
        return
    expect(section).to_be_visible()
    more = page.locator(".source-search__more")
    if len(expected) > SOURCES_SHOWN:
        expect(page.locator(".source-search__result")).to_have_count(SOURCES_SHOWN)
        more.click()
    expect(more).to_be_hidden()
    links = page.locator(".source-search__result a.source-search__title")
    expect(links).to_have_count(len(expected))
    hrefs = [urlsplit(h).path.lstrip("/") for h in links.evaluate_all("links => links.map(a => a.href)")]
    assert sorted(hrefs) == sorted(t["url"] for t in expected)
    dates = [next(t for t in expected if t["url"] == h)["meta"]["date"] for h in hrefs]
    assert dates == sorted(dates, reverse=True)  # newest first, as the passages
    assert set(page.locator(".source-search__title mark").all_text_contents()) == {term}
    if term == "价格扣除":
        shot(page, "search-sources")
    first = next(t for t in expected if t["url"] == hrefs[0])
    links.first.click()
    page.wait_for_url(f"**/{first['url']}")
    expect(page.locator("article h1").first).to_have_text(first["text"])
