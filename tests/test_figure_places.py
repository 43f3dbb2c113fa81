"""A figure's place is the place its own sentence names, or is marked as inherited (its
passage's or its document's) or national: never the first places of a round-up paragraph."""

from __future__ import annotations

import re

from conftest import evidence_blocks, linked_source
from gen import paths
from gen.models import Figure, Paragraph, Place
from gen.site.indexes import NATIONAL_LABEL
from gen.site.taxonomy import sentence_bounds
from gen.understanding.figure_facts import figure_place

ROW = re.compile(r"^\| \*\*(?P<value>[^*]+)\*\* \| (?P<what>.*?) \| (?P<where>[^|]+) \| (?P<when>[^|]+) \| \[段落 ¶\]\((?P<link>[^)]+)\)(?: · \[原文 ↗\]\([^)]+\))? \|$")


def test_every_figure_row_names_a_place_of_its_own_sentence(seed_project, sources_data):
    paragraphs = {(s["page"].removeprefix("sources/"), p["anchor"]): p["text"] for s in sources_data["sources"]
                  for p in s["paragraphs"]}
    docs = seed_project / "docs"
    pages = [paths.HOME, *(p.relative_to(docs).as_posix() for p in (docs / "themes").glob("*.md")),
             *(p.relative_to(docs).as_posix() for p in (docs / "regions").glob("*.md"))]
    checked = 0
    for page in pages:
        for line in (docs / page).read_text(encoding="utf-8").splitlines():
            row = ROW.match(line)
            if not row:
                continue
            file_name, anchor = row["link"].rsplit("/", 1)[-1].split("#")
            text = paragraphs[(file_name, anchor)]
            where = row["where"].strip()
            if "所在地" in where or where == NATIONAL_LABEL:
                assert where == NATIONAL_LABEL or where.endswith(("from passage）", "from document）")), where
                continue
            at = text.find(row["value"].replace("\\", ""))
            start, end = sentence_bounds(text, at)
            for name in where.removesuffix("等").split("、"):
                assert name in text[start:end], (page, row["value"], where, text[start:end])
            checked += 1
    assert checked >= 20


def _place(name: str, province: str) -> Place:
    return Place(name, province, name if name != province else "", "000000")


def test_a_list_of_cities_before_a_figure_counts_whole_and_a_province_prefix_is_dropped():
    text = "甘肃省张掖市、海南省海口市等提高价格扣除比例至10%—20%,甘肃省兰州新区提高至15%—20%。"
    places = (_place("甘肃省", "甘肃省"), _place("张掖市", "甘肃省"), _place("海南省", "海南省"), _place("海口市", "海南省"),
              _place("兰州新区", "甘肃省"))
    paragraph = Paragraph("p-1", text, places=places)

    named = [p for p in paragraph.places if p.found_in == "text"]
    first, source = figure_place(text, Figure("10%—20%", 10, "%", 20, start=text.find("10%—20%")), named, ())
    assert [p.name for p in first] == ["张掖市", "海口市"] and source == "sentence"
    second, source = figure_place(text, Figure("15%—20%", 15, "%", 20, start=text.find("15%—20%")), named, ())
    assert [p.name for p in second] == ["兰州新区"] and source == "sentence"


def test_a_province_page_quotes_what_a_round_up_says_of_that_province(seed_project, sources_data):
    by_anchor = {(s["page"].removeprefix("sources/"), p["anchor"]): p for s in sources_data["sources"] for p in s["paragraphs"]}
    checked = 0
    for page in (seed_project / "docs" / "regions").glob("[0-9]*.md"):
        text = page.read_text(encoding="utf-8")
        province = re.search(r"^# (\S+)", text, re.M).group(1)
        for quoted, _, link in evidence_blocks(text):
            file_name, anchor = linked_source(page.relative_to(seed_project / "docs").as_posix(), link).rsplit("/", 1)[-1].split("#")
            own = [x["name"] for x in by_anchor[(file_name, anchor)]["places"] if x["from"] == "text" and x["province"] == province]
            if own and len({x["province"] for x in by_anchor[(file_name, anchor)]["places"]}) > 1:
                assert any(name in quoted for name in own), (page.name, quoted[:60], own)
                checked += 1
    assert checked >= 5


def test_every_figure_row_shows_its_figure_as_written_its_measure_and_its_period(seed_project, sources_data):
    paragraphs = {(s["page"].removeprefix("sources/"), p["anchor"]): p for s in sources_data["sources"]
                  for p in s["paragraphs"]}
    docs = seed_project / "docs"
    rows = [row for page in [paths.HOME, *(p.relative_to(docs).as_posix() for p in (docs / "themes").glob("*.md")),
                             *(p.relative_to(docs).as_posix() for p in (docs / "regions").glob("*.md"))]
            for row in map(ROW.match, (docs / page).read_text(encoding="utf-8").splitlines()) if row]
    with_period = 0
    for row in rows:
        file_name, anchor = row["link"].rsplit("/", 1)[-1].split("#")
        paragraph = paragraphs[(file_name, anchor)]
        value = row["value"].replace("\\", "")
        figure = next(f for f in paragraph["figures"] if f["text"] == value)
        assert value in paragraph["text"]
        if figure["measure"]:
            assert row["what"].replace("\\", "") == figure["measure"]
        when = row["when"].strip()
        if figure["period"]:
            assert when.startswith(figure["period"]), (value, when, figure["period"])
            with_period += 1
        else:
            assert when.endswith("（发布日期 published）") or when == "—", when
    assert len(rows) >= 20 and with_period >= 5
