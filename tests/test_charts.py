"""The inline charts: every year on the axis, distinct theme colours, escaped labels, heat-map
cells that link to the passages they count, and blocks that mkdocs keeps as HTML."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from gen import paths
from gen.site import charts
from gen.site.parameter_chart import values_over_time
from gen.understanding.themes import Theme, vocabulary

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
THEME = charts.Series("支持中小企业", "SME support", "#0072B2")


def svg_of(block: str) -> ElementTree.Element:
    """The SVG of a chart block, parsed as XML (it must be well formed)."""
    assert block.startswith('<div class="chart"') and block.rstrip().endswith("</div>")
    return ElementTree.fromstring(re.search(r"<svg.*</svg>", block, re.S).group(0))


def test_the_year_range_has_every_year_between_the_first_and_the_last():
    assert charts.year_range(["2025", "2021", "2023", "2021"]) == ["2021", "2022", "2023", "2024", "2025"]
    assert charts.year_range([]) == []
    assert charts.year_range(["未注明"]) == []


def test_every_year_is_on_the_axis_with_even_spacing_including_years_without_sources():
    years = charts.year_range(["2021", "2025"])
    block = charts.grouped_bars("t", years, [(THEME, [2, 0, 0, 0, 1])])
    labels = [(t.text, float(t.get("x"))) for t in svg_of(block).iter(f"{SVG}text") if t.text in years]
    assert [text for text, _ in labels] == years
    gaps = {round(b - a, 3) for (_, a), (_, b) in zip(labels, labels[1:], strict=False)}
    assert len(gaps) == 1


def test_the_home_chart_shows_a_year_without_sources(seed_project):
    home = (seed_project / "docs" / paths.HOME).read_text(encoding="utf-8")
    block = home[home.index('<div class="chart"'):home.index("</div>", home.index('<div class="chart"')) + 6]
    shown = [t.text for t in svg_of(block).iter(f"{SVG}text") if t.text and t.text.isdigit() and len(t.text) == 4]
    first, last = int(shown[0]), int(shown[-1])
    assert shown == [str(y) for y in range(first, last + 1)]
    assert "2024" in shown  # the seeds have sources from 2021 to 2025 and none dated 2024


def _rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_the_theme_colours_are_six_distinct_hex_colours():
    colours = [t.color for t in vocabulary().themes]
    assert len(colours) == 6 and all(charts.safe_colour(c) == c for c in colours)
    rgb = [_rgb(c) for c in colours]
    closest = min(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5
                  for i, a in enumerate(rgb) for b in rgb[i + 1:])
    assert closest > 60, colours  # the two greens of before were 76 apart in one channel only: 48 in all


def test_a_colour_that_is_not_plain_hex_never_reaches_an_attribute():
    hostile = charts.Series("x", "y", '#fff" onmouseover="alert(1)')
    block = charts.grouped_bars("t", ["2024"], [(hostile, [1])])
    assert "onmouseover" not in block and charts.FALLBACK_COLOUR in block


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=40)
       | st.sampled_from(["<script>alert(1)</script>", "a & b", '"><svg onload=alert(1)>', "\x1f控制", "上\n\n下"]))
def test_labels_are_escaped(label):
    series = charts.Series(label, label, "#0072B2")
    blocks = [
        charts.grouped_bars(label, [label], [(series, [3])]),
        charts.heatmap(label, [label], [series], [[(2, "regions/110000/#sme")]]),
        values_over_time(label, label, [("2023", 1.0, None, label), ("2024-05", 2.0, 3.0, label)]),
    ]
    for block in blocks:
        svg = svg_of(block)  # an unescaped "<" or "&" would not parse
        assert "\n\n" not in block  # a blank line ends a raw HTML block in Markdown
        assert all(e.tag.startswith(SVG) for e in svg.iter())
        legend = BeautifulSoup(block, "html.parser").find("ul")
        shown = " ".join(re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", charts.Series(label, label, "").label).split())
        assert legend is None or all(" ".join(li.get_text().split()) == shown for li in legend.find_all("li"))


def test_every_non_empty_heatmap_cell_is_a_link_with_its_tooltip():
    block = charts.heatmap("t", ["北京市", "浙江省"], [THEME, charts.Series("绿色采购", "Green procurement", "#009E73")],
                           [[(3, "110000/#sme"), (0, "110000/#green")], [(0, "330000/#sme"), (5, "330000/#green")]])
    svg = svg_of(block)
    links = svg.findall(f"{SVG}a")
    assert [a.get(XLINK_HREF) for a in links] == ["110000/#sme", "330000/#green"]
    assert [a.find(f"{SVG}rect/{SVG}title").text for a in links] == ["北京市 · 支持中小企业 SME support: 3",
                                                                      "浙江省 · 绿色采购 Green procurement: 5"]
    assert len(svg.findall(f"{SVG}rect[@class='chart-cell']")) == 2  # the empty cells are not links



def _listed(seed_project, province: str, theme: str) -> int:
    """How many passages the search holds under the filters named=province and theme."""
    lines = (seed_project / "docs" / paths.SEARCH_RECORDS).read_text(encoding="utf-8").splitlines()
    return sum(province in r["filters"].get("named", []) and theme in r["filters"].get("theme", [])
               for r in map(json.loads, lines))


def test_a_heatmap_cell_counts_the_passages_its_search_link_lists(site, seed_project):
    """Each cell links to the search filtered to its province and theme, and its count is the
    number of passages that view lists; so does each theme line of a province page."""
    index = BeautifulSoup((site / "regions" / "index.html").read_text(encoding="utf-8"), "html.parser")
    cells = index.select("article .chart svg a")
    assert len(cells) >= 10
    for cell in cells:
        link = urlsplit(cell["xlink:href"])
        assert link.path == "../search/", cell["xlink:href"]
        query = parse_qs(link.query)
        assert set(query) == {"named", "theme"}
        count = int(cell.find("title").get_text().rsplit(": ", 1)[1])
        assert cell.find("title").get_text().startswith(query["named"][0] + " · ")
        assert count == _listed(seed_project, query["named"][0], query["theme"][0]) > 0, cell["xlink:href"]
    lines = 0
    for page in (site / "regions").glob("*/index.html"):
        for line in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article li[id]"):
            search = line.find("a", title="在搜索中列出 Listed in the search")
            query = parse_qs(urlsplit(search["href"]).query)
            assert int(search.get_text().split()[0]) == _listed(seed_project, query["named"][0], line["id"])
            lines += 1
    assert lines >= 10


def test_charts_are_inline_html_in_the_built_pages(site):
    for page in (site / "index.html", site / "regions" / "index.html", site / "parameters" / "index.html"):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        assert article.select(".chart > svg"), page
        assert not article.select("img[src$='.svg']"), page


def test_theme_blurbs_are_cut_at_a_sentence_boundary_never_inside_a_word():
    for theme in vocabulary().themes:
        assert theme.description_zh.endswith("。") and theme.description_en[:1].isupper()
        assert theme.description_zh + theme.description_en == theme.description
    mixed = Theme("x", "x", "x", "采购单位使用政采e贷和PPP模式。PPP项目另计。Buyers use e-loans.", "#000000", (), (), ())
    assert mixed.description_zh == "采购单位使用政采e贷和PPP模式。PPP项目另计。"
    assert mixed.description_en == "Buyers use e-loans."


def test_every_parameter_chart_mark_links_to_the_paragraph_it_plots(site):
    page = BeautifulSoup((site / "parameters" / "index.html").read_text(encoding="utf-8"), "html.parser")
    marks = page.select("article .chart svg a")
    assert marks
    for mark in marks:
        target, anchor = mark["xlink:href"].split("#")
        source = site / target.removeprefix("../") / "index.html"
        assert target.startswith("../sources/"), target
        assert source.exists(), mark["xlink:href"]
        assert BeautifulSoup(source.read_text(encoding="utf-8"), "html.parser").find(id=anchor), mark["xlink:href"]
