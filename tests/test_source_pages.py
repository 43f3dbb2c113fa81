"""Source pages as a reader sees them (metadata chips, provenance, the highlighted tab), the
per-theme feeds with the address from SITE_URL, the CSV downloads, the sources index's
document types, and hand-written pages free of hard-wrapped Chinese."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS, is_true_to
from gen import paths
from gen.reading.kind import type_label
from gen.understanding.themes import vocabulary

PRINTED = "004_e02a84cfd321e3da.txt"  # a portal scrape whose tail says 本文来源:中国政府采购报第1174期第1版



def _article(site: Path, source: dict) -> BeautifulSoup:
    page = site / paths.url(source["page"]) / "index.html"
    return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def _chips(soup: BeautifulSoup) -> dict[str, list[str]]:
    """Row label -> the chips' text; the unlabelled first row under ""."""
    rows = {}
    for row in soup.select("article p.chips"):
        label = row.select_one(".chip-row-label")
        rows[label.get_text() if label else ""] = [c.get_text(" ", strip=True) for c in row.select(".chip")]
    return rows


def test_every_source_page_shows_its_metadata_as_chips(site, sources_data):
    names = {t.id: f"{t.zh} {t.en}" for t in vocabulary().themes}
    for source in sources_data["sources"]:
        soup = _article(site, source)
        rows = _chips(soup)
        assert f"类型 Type {type_label(source['doc_type'])}" in rows[""], source["id"]
        assert f"日期 Date {source['date']}" in rows[""]
        themes = {a.get_text(): a["href"] for a in soup.select("article p.chips a.chip")
                  if a.get_text() in names.values()}
        assert list(themes) == [names[t] for t in source["themes"]]
        assert all(href == f"../../themes/{t}/" for t, href in zip(source["themes"], themes.values(), strict=True))
        provinces = sorted({p["province"] for x in source["paragraphs"] for p in x["places"] if p["province"]})
        assert sorted(rows.get("地区 Regions", [])) == provinces
        for region in soup.select("article p.chips a.chip[href*='regions/']"):
            assert (site / "regions" / region["href"].split("regions/")[1] / "index.html").exists()


def test_the_parameters_chips_link_to_their_sections(site, sources_data):
    parameters = BeautifulSoup((site / "parameters" / "index.html").read_text(encoding="utf-8"), "html.parser")
    linked = 0
    for source in sources_data["sources"]:
        for chip in _article(site, source).select("article p.chips a.chip[href*='parameters/#']"):
            assert parameters.find(id=chip["href"].split("#")[1]) is not None, chip
            linked += 1
    assert linked > 0


def test_the_provenance_line_is_kept_as_metadata_not_dropped(site, by_file):
    source = by_file[PRINTED]
    assert source["provenance"] == "本文来源:中国政府采购报第1174期第1版"
    assert all("本文来源" not in p["text"] for p in source["paragraphs"])  # metadata, not body text
    rows = _chips(_article(site, source))
    assert "出处 Provenance 本文来源:中国政府采购报第1174期第1版" in rows[""]
    assert all(s["provenance"] == "" for s in by_file.values() if s["source_file"] != PRINTED)


def test_source_pages_highlight_the_sources_tab(site, sources_data):
    for source in sources_data["sources"]:
        active = _article(site, source).select(".md-tabs__item--active")
        assert [a.get_text(" ", strip=True) for a in active] == ["来源 Sources"], source["id"]


def test_figure_tables_link_the_paragraph_and_the_original_apart(site, by_file):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    table = next(t for t in soup.select("article table") if "数字 Figure" in t.get_text())
    for row in table.select("tbody tr"):
        links = row.select("td:last-child a")
        assert links[0].get_text() == "段落 ¶" and "#p-" in links[0]["href"]
        source = next(s for s in by_file.values() if paths.url(s["page"]) in links[0]["href"])
        if source["url"]:
            assert [a.get_text() for a in links[1:]] == ["原文 ↗"] and links[1]["href"].startswith("http")
        else:
            assert len(links) == 1


def test_the_sources_index_names_document_types_not_reader_formats(seed_project, sources_data):
    page = (seed_project / "docs" / paths.SOURCE_LIST).read_text(encoding="utf-8")
    assert "类型 Type" in page and "content_scrape" not in page and "portal_scrape" not in page
    for source in sources_data["sources"]:
        assert type_label(source["doc_type"]) in page


def test_the_home_and_sources_index_list_the_same_themes_as_the_source_page(seed_project, sources_data):
    names = {t.id: f"{t.zh} {t.en}" for t in vocabulary().themes}
    index = (seed_project / "docs" / paths.SOURCE_LIST).read_text(encoding="utf-8")
    for source in sources_data["sources"]:
        shown = " · ".join(names[t] for t in source["themes"])
        assert shown and f"| {shown} |" in index


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The seeds built by the command line with SITE_URL set, as the Pages workflow does."""
    docs = tmp_path_factory.mktemp("published") / "docs"
    env = {**os.environ, "SITE_URL": "https://owner.github.io/caigou"}
    result = subprocess.run([sys.executable, "-m", "gen", "build", "--sources", str(SEEDS), "--docs", str(docs),
                             "--no-cache"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    return docs


def test_each_theme_has_a_valid_rss_feed_at_the_address_from_site_url(published, sources_data):
    import feedparser

    base = "https://owner.github.io/caigou/"
    for theme in vocabulary().themes:
        feed = feedparser.parse(str(published / paths.theme_feed(theme.id)))
        assert feed.bozo == 0 and feed.version == "rss20", theme.id
        assert feed.feed.link == f"{base}themes/{theme.id}/"
        expected = [s for s in sources_data["sources"] if theme.id in s["themes"]]
        assert len(feed.entries) == len(expected) > 0
        assert all(e.link.startswith(base + "sources/") for e in feed.entries)
        assert all(theme.zh in " ".join(t.term for t in e.tags) for e in feed.entries)
    assert "example.github.io" not in (published / paths.RSS).read_text(encoding="utf-8")


def test_theme_pages_link_their_feed(site):
    for theme in vocabulary().themes:
        soup = BeautifulSoup((site / "themes" / theme.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one(f"article a[href='../../feeds/{theme.id}.xml']") is not None


def _rows(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_the_passages_csv_holds_each_passage_whole(seed_project, sources_data):
    rows = _rows(seed_project / "docs" / paths.PASSAGES_CSV)
    expected = [(s["id"], p["anchor"]) for s in sources_data["sources"] if s["on_topic"] and not s["duplicate_of"]
                for p in s["paragraphs"] if not p["heading"] and (p["themes"] or p["places"])]
    assert sorted((r["source_id"], r["anchor"]) for r in rows) == sorted(expected)
    text = {(s["id"], p["anchor"]): p["text"] for s in sources_data["sources"] for p in s["paragraphs"]}
    for row in rows:
        assert row["text"].removeprefix("'") == text[(row["source_id"], row["anchor"])]


def test_the_figures_csv_lists_every_figure_with_its_context(seed_project, sources_data):
    rows = _rows(seed_project / "docs" / paths.FIGURES_CSV)
    figures = [(s["id"], p["anchor"], f["text"]) for s in sources_data["sources"] if s["on_topic"]
               for p in s["paragraphs"] for f in p["figures"]]
    assert sorted((r["source_id"], r["anchor"], r["figure"]) for r in rows) == sorted(figures)
    text = {(s["id"], p["anchor"]): p["text"] for s in sources_data["sources"] for p in s["paragraphs"]}
    for row in rows:
        assert row["figure"] in row["context"] and is_true_to(row["context"], text[(row["source_id"], row["anchor"])])


def test_home_and_about_link_the_csv_files(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    for name in ("figures.csv", "passages.csv"):
        assert f'href="data/{name}"' in home and f'href="../data/{name}"' in about
        assert (site / "data" / name).exists()


_CJK = "\u3400-\u9fff\uff00-\uffef\u3000-\u303f"
_HARD_WRAP = re.compile(rf"[{_CJK}]\n(?![\s#>|*-])[ \t]*[{_CJK}]")


def test_hand_written_pages_do_not_break_chinese_lines_mid_sentence():
    """Markdown joins a wrapped line with a space, which shows in Chinese ("清洗成 干净的正文")."""
    pages = [p for p in (ROOT / "docs").rglob("*.md") if not any(
        p.relative_to(ROOT / "docs").as_posix().startswith(g) for g in (*paths.GENERATED, paths.OUTPUT_TREE))]
    assert pages
    pages += sorted((ROOT / "gen" / "templates").glob("*.md.j2"))
    for page in pages:
        found = _HARD_WRAP.search(page.read_text(encoding="utf-8"))
        assert found is None, f"{page}: {found.group()!r}"
