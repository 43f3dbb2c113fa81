"""Hostile metadata: no source field reaches a built page, a listing or a feed as live markup.

Every source below attacks one way metadata travels: front-matter author and title into
Material's <meta> tags and <title>, a byline whose credit pattern takes a name, newlines in
a publisher into Markdown listings, an attribute list after a name, markup and characters
XML forbids into the RSS feed. The whole site is built with `mkdocs build --strict` and every
HTML page is inspected, <head> included.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, mkdocs_build
from gen.pipeline import build
from gen.settings import Settings


def body(city: str) -> str:
    """Two paragraphs about procurement; each source names its own city, so none is a duplicate."""
    return (f"<p>{city}财政局推进政府采购电子化改革，全面推行远程异地评标，供应商可在线投标，"
            f"中小企业预留份额提高至40%以上，政府采购合同融资（政采贷）惠及{city}中小企业。</p>\n"
            f"<p>{city}政府采购监管部门将继续深化“放管服”改革，优化政府采购营商环境，推动采购意向公开。</p>\n")


HOSTILE = {
    "author-meta.md": (
        "---\nlayout: post\ntitle: '标题\"><img src=x onerror=alert(1)>政府采购改革'\n"
        "date: 2024-05-01 10:00:00 +0800\nauthor: '\"><script>alert(2)</script>'\n---\n" + body("杭州市")
    ),
    "publisher-newlines.md": (
        "---\nlayout: post\ntitle: 政府采购电子化改革新闻\ndate: 2024-05-02 10:00:00 +0800\n"
        "publisher: \"财政局\\n# 注入标题\\n\\n!!! danger \\\"注入警告\\\"\\n\\n| 注入 | 表格 |\\n|---|---|\"\n"
        "---\n" + body("南京市")
    ),
    "attr-list-author.md": (
        "---\ntitle: 远程异地评标全面推行\ndate: 2024-05-03\nauthor: '张三{: onclick=\"alert(3)\" }'\n---\n\n"
        "苏州市财政局推进政府采购电子化改革，全面推行远程异地评标，供应商可在线投标，中小企业预留份额提高至40%以上。\n\n"
        "苏州市政府采购监管部门将继续深化“放管服”改革，优化政府采购营商环境，推动采购意向公开。\n"
    ),
    "wire-byline.md": (
        "---\nlayout: post\ntitle: 政采贷惠及中小企业\ndate: 2024-05-04 10:00:00 +0800\n---\n"
        "<p>新华社北京12月1日电（记者 \"><svg/onload=alert(4)>）成都市财政局推进政府采购电子化改革，"
        "全面推行远程异地评标，中小企业预留份额提高至40%以上，政采贷惠及中小企业。</p>\n"
        "<p>成都市政府采购监管部门将继续深化“放管服”改革，优化政府采购营商环境，推动采购意向公开。</p>\n"
    ),
    "feed-markup.md": (
        "---\nlayout: post\ntitle: \"政府采购\uffff意向公开\ufffe全面推行\"\ndate: 2024-05-05 10:00:00 +0800\n---\n"
        "<p>&lt;script&gt;alert(5)&lt;/script&gt;&lt;img src=x onerror=alert(6)&gt;武汉市财政局推进政府采购电子化改革，"
        "全面推行远程异地评标，中小企业预留份额提高至40%以上。</p>\n"
        "<p>武汉市政府采购监管部门将继续深化“放管服”改革，优化政府采购营商环境，推动采购意向公开。</p>\n"
    ),
}
INJECTED_WORDS = ("注入标题", "注入警告", "注入")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile-site"))
    sources = project / "sources"
    sources.mkdir()
    for name, text in HOSTILE.items():
        (sources / name).write_text(text, encoding="utf-8")
    build(Settings(sources=sources, docs=project / "docs", progress=False, cache=None))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def sources_by_file(hostile_site) -> dict:
    data = json.loads((hostile_site / "docs" / "data" / "sources.json").read_text(encoding="utf-8"))
    return {s["source_file"]: s for s in data["sources"]}


def _pages(project: Path):
    for path in sorted((project / "site").rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_hostile_source_is_published(sources_by_file):
    assert set(sources_by_file) == set(HOSTILE)
    assert all(s["on_topic"] and not s["duplicate_of"] for s in sources_by_file.values())


SITE_SCRIPTS = set(re.findall(r"^  - (assets/\S+\.js)$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M))


def test_no_page_has_a_handler_or_a_foreign_script(hostile_site):
    assert SITE_SCRIPTS == {"assets/search.js", "assets/cite.js"}
    checked = 0
    for path, soup in _pages(hostile_site):
        checked += 1
        for tag in soup.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, f"{path}: <{tag.name} {handlers}>"
            assert tag.name not in ("svg", "img") or "alert" not in str(tag), f"{path}: {tag}"
        for script in soup.find_all("script"):
            # Material's own (its bundles, its JSON configuration, small inline set-ups) and
            # the site's scripts (mkdocs.yml extra_javascript); every attack here calls alert()
            source = script.get("src", "assets/javascripts/")
            assert "assets/javascripts/" in source or "/".join(source.split("/")[-2:]) in SITE_SCRIPTS, f"{path}: {script}"
            assert "alert(" not in script.get_text(), f"{path}: {script}"
    assert checked > 10


def test_meta_tags_hold_plain_text(hostile_site):
    for path, soup in _pages(hostile_site):
        for meta in soup.head.find_all("meta"):
            assert set(meta.attrs) <= {"name", "content", "charset", "http-equiv", "property"}, f"{path}: {meta}"
            assert "<" not in meta.get("content", ""), f"{path}: {meta}"


def test_title_markup_is_shown_as_text(hostile_site, sources_by_file):
    page = sources_by_file["author-meta.md"]["page"].removesuffix(".md")
    soup = BeautifulSoup((hostile_site / "site" / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "<img src=x onerror=alert(1)>" in soup.title.get_text()
    assert soup.find("img", src="x") is None


@pytest.mark.parametrize("name", ["author-meta.md", "attr-list-author.md"])
def test_a_name_field_holds_only_a_name(sources_by_file, name):
    source = sources_by_file[name]
    assert source["author"] == ""
    assert "author dropped: not a name" in source["warnings"]


def test_a_byline_with_markup_gives_no_author(sources_by_file):
    source = sources_by_file["wire-byline.md"]
    assert "<" not in source["author"] and "onload" not in source["author"]


def test_newlines_in_a_publisher_inject_nothing(hostile_site, sources_by_file):
    assert "\n" not in sources_by_file["publisher-newlines.md"]["publisher"]
    for path, soup in _pages(hostile_site):
        for tag in soup.find_all(["h1", "h2", "h3", "h4", "th"]):
            assert not any(word in tag.get_text() for word in INJECTED_WORDS), f"{path}: {tag}"
        for box in soup.select(".admonition"):
            assert "注入警告" not in box.get_text(), f"{path}: {box}"
    for path in (hostile_site / "docs").rglob("*.md"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert not (line.lstrip().startswith(("#", "!!!", "|")) and "注入" in line), f"{path}: {line}"


def test_rss_is_well_formed_and_descriptions_are_text(hostile_site):
    from lxml import etree

    tree = etree.parse(str(hostile_site / "docs" / "feeds" / "rss.xml"))  # raises if ill-formed
    titles = [t.text for t in tree.iter("title")]
    assert any("意向公开全面推行" in (t or "") for t in titles)
    descriptions = [d.text or "" for d in tree.iter("description")]
    markup = [d for d in descriptions if "alert(5)" in d]
    assert markup, descriptions
    for description in descriptions:
        # a reader renders the description as HTML: it must parse to text, no element
        assert BeautifulSoup(description, "html.parser").find(True) is None, description


def test_feedparser_sees_no_markup(hostile_site):
    import feedparser

    parsed = feedparser.parse(str(hostile_site / "docs" / "feeds" / "rss.xml"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    summaries = [entry.get("summary", "") for entry in parsed.entries]
    assert any("alert(5)" in s for s in summaries), summaries
    for summary in summaries:
        assert BeautifulSoup(summary, "html.parser").find(True) is None, summary
