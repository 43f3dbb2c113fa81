"""The policy-parameters page and data as published: schema, CSV, quotes true to the linked
paragraph, province and theme pages, charts, and nothing from a source as live markup."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import PurePosixPath

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, is_true_to, live_html_problems, mkdocs_build
from gen import paths
from gen.models import Article, Document, Meta, ParameterFact, ParameterValue
from gen.pipeline import build
from gen.settings import Settings
from gen.site.parameter_export import CSV_COLUMNS, SCHEMA_PATH, PublishedFact, csv_row
from gen.understanding.parameters.vocabulary import parameter_vocabulary


@pytest.fixture(scope="module")
def data(seed_project) -> dict:
    return json.loads((seed_project / "docs" / paths.PARAMETERS_JSON).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def paragraphs(sources_data) -> dict[tuple[str, str], str]:
    return {(s["id"], p["anchor"]): p["text"] for s in sources_data["sources"] for p in s["paragraphs"]}



@pytest.fixture(scope="module")
def schema(seed_project) -> dict:
    return json.loads((seed_project / "docs" / paths.PARAMETERS_SCHEMA).read_text(encoding="utf-8"))


def test_the_published_schema_lists_what_parameters_yml_defines(schema):
    vocab = parameter_vocabulary()
    assert schema["$defs"]["parameter_id"]["enum"] == [p.id for p in vocab.parameters]
    assert set(schema["$defs"]["status_value"]["properties"]["status"]["enum"]) == {
        s.id for p in vocab.parameters for s in p.statuses}
    assert "enum" not in json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["$defs"]["parameter_id"]


def test_the_data_matches_its_schema_and_every_parameter_is_described(data, schema):
    jsonschema.validate(data, schema)
    assert [p["id"] for p in data["parameters"]] == schema["$defs"]["parameter_id"]["enum"]
    labelled = yaml.safe_load((ROOT / "tests" / "parameters" / "seed_facts.yml").read_text(encoding="utf-8"))["sources"]
    assert len(data["facts"]) == sum(len(facts or []) for facts in labelled.values())


def test_the_schema_refuses_what_it_should(schema):
    fact = {"id": "f-000000000000", "parameter": "bid_deposit", "measure": "", "value": {"status": "waived"},
            "previous": None, "change": None, "qualifier": "", "scope": {"class": "all", "condition": "", "base": ""},
            "place": None, "level": "national", "date": "2024", "date_basis": "document",
            "source": {"id": "x", "page": "sources/x.md", "anchor": "p-1", "title": "t"}, "quote": "q", "text": "免收",
            "en": "e"}
    jsonschema.validate({"parameters": [], "facts": [fact]}, schema)
    for broken in ({"value": {"status": "sometimes"}}, {"level": "city"}, {"parameter": "tax_rate"},
                   {"quote": ""}, {"value": {"low": 1, "high": None, "unit": "pct"}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"parameters": [], "facts": [{**fact, **broken}]}, schema)


def test_every_fact_quotes_its_linked_paragraph_truly(data, paragraphs):
    for fact in data["facts"]:
        source = fact["source"]
        key = (source["id"], source["anchor"])
        assert key in paragraphs, fact
        assert is_true_to(fact["quote"], paragraphs[key]), (fact["quote"], paragraphs[key])


def test_the_seed_facts_the_issue_names(data):
    zhangye = [f for f in data["facts"] if f["parameter"] == "price_deduction_small_micro"
               and (f["place"] or {}).get("adcode") == "620700"]
    assert len(zhangye) == 1
    fact = zhangye[0]
    assert fact["value"] == {"low": 10, "high": 20, "unit": "%"} and fact["previous"] == {"low": 6, "high": 10, "unit": "%"}
    assert fact["scope"]["class"] == "goods_services" and fact["level"] == "municipal" and fact["date"] == "2024"
    assert fact["en"] == ("Zhangye (Gansu) raised the price deduction for small and micro firms on goods and services "
                          "from 6–10% to 10–20% (2024).")


def test_the_csv_holds_the_same_facts(seed_project, data):
    rows = list(csv.reader(io.StringIO((seed_project / "docs" / paths.PARAMETERS_CSV).read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r[0] for r in rows[1:]] == [f["id"] for f in data["facts"]]


def test_a_csv_cell_never_starts_like_a_formula():
    article = Article(id="x", document=Document("x.md", "markdown", Meta(), ()), paragraphs=())
    fact = ParameterFact(parameter="bid_deposit", value=ParameterValue(status="waived"), anchor="p-1", quote="+1 -2")
    row = csv_row(PublishedFact(article, fact, "f-1", "=HYPERLINK(1)"))
    assert row[CSV_COLUMNS.index("en")] == "'=HYPERLINK(1)" and row[CSV_COLUMNS.index("quote")] == "'+1 -2"


def _rows(page_html: str):
    soup = BeautifulSoup(page_html, "html.parser")
    for row in soup.select("article table tr"):
        link = next((a["href"] for a in row.find_all("a", href=True) if "sources/" in a["href"] and "#" in a["href"]), None)
        if link:
            yield row, link


def test_the_page_quotes_truly_and_links_to_the_quoted_paragraph(site, paragraphs):
    page = (site / "parameters" / "index.html").read_text(encoding="utf-8")
    checked = 0
    for row, link in _rows(page):
        cells = row.find_all("td")
        quote_cell = cells[7]
        quoted = quote_cell.get_text().replace("原文 ↗", "").strip()
        path, anchor = link.split("#", 1)
        source_id = PurePosixPath(path.rstrip("/")).name
        assert is_true_to(quoted, paragraphs[(source_id, anchor)]), quoted
        target = site / "sources" / source_id / "index.html"
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8")
        checked += 1
    assert checked >= 40
    assert live_html_problems(page) == []


def test_the_page_is_in_the_navigation_and_has_a_section_per_parameter(site, data):
    page = BeautifulSoup((site / "parameters" / "index.html").read_text(encoding="utf-8"), "html.parser")
    for parameter in data["parameters"]:
        assert page.find(id=parameter["id"]) is not None, parameter["id"]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="parameters/"' in home


def test_province_pages_show_their_parameters_and_others_do_not(site):
    gansu = BeautifulSoup((site / "regions" / "620000" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert gansu.find(id="policy-parameters") is not None or "政策参数" in gansu.get_text()
    links = [a["href"] for a in gansu.select("article a[href]") if "parameters/" in a["href"]]
    assert any(h.endswith("#price_deduction_small_micro") for h in links)
    beijing = (site / "regions" / "110000" / "index.html").read_text(encoding="utf-8")
    assert "parameters/#" not in beijing


def test_theme_pages_link_to_the_parameters_of_their_theme(site):
    sme = (site / "themes" / "sme" / "index.html").read_text(encoding="utf-8")
    rural = (site / "themes" / "rural" / "index.html").read_text(encoding="utf-8")
    credit = (site / "themes" / "credit" / "index.html").read_text(encoding="utf-8")
    assert "parameters/#price_deduction_small_micro" in sme and "parameters/#rural_produce_set_aside" not in sme
    assert "parameters/#rural_produce_set_aside" in rural
    assert "parameters/#" not in credit


def test_a_chart_only_where_values_were_stated_in_more_than_one_year(seed_project, data):
    """Charts are inline in the parameters page, one in the section of each charted parameter."""
    page = (seed_project / "docs" / paths.PARAMETERS).read_text(encoding="utf-8")
    sections = dict(re.findall(r"\{ #([a-z0-9_]+) \}\n(.*?)(?=\n## |\Z)", page, re.S))
    charts = sorted(p for p, body in sections.items() if '<div class="chart"' in body)
    years: dict[tuple[str, str, str], set[str]] = {}
    for fact in data["facts"]:
        if "status" not in fact["value"] and fact["date"]:
            years.setdefault((fact["parameter"], fact["measure"], fact["value"]["unit"]), set()).add(fact["date"][:4])
    expected = sorted({p for (p, _, _), ys in years.items() if len(ys) > 1})
    assert charts == expected and charts
    for parameter in charts:
        block = re.search(r'<div class="chart"[^>]*>\n(<svg.*?</svg>)', sections[parameter], re.S).group(1)
        ElementTree.fromstring(block)


HOSTILE = (
    "---\ntitle: 政府采购新闻\ndate: 2024-05-01\npublisher: 南京市财政局\n---\n\n"
    "<img src=x onerror=alert(1)>江苏省南京市将面向中小企业的预留份额提高至45%以上，"
    "[点击](javascript:alert(2)) {: onclick=\"alert(3)\" } | 注入 | 表格 |。\n\n"
    "=HYPERLINK(\"http://x\")南京市政府采购项目免收投标保证金。\n"
)


def test_a_hostile_source_reaches_the_parameters_page_only_as_text(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    project = copy_project(tmp_path / "project")
    build(Settings(sources=sources, docs=project / "docs", progress=False, cache=None))
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    page = (project / "site" / "parameters" / "index.html").read_text(encoding="utf-8")
    assert live_html_problems(page) == []
    data = json.loads((project / "docs" / paths.PARAMETERS_JSON).read_text(encoding="utf-8"))
    assert {f["parameter"] for f in data["facts"]} == {"sme_set_aside", "bid_deposit"}
    cells = [c for row in csv.reader(io.StringIO((project / "docs" / paths.PARAMETERS_CSV).read_text(encoding="utf-8")))
             for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
