"""Figures as facts: the qualifier kept as written, what a figure measures, the period and
place its sentence gives, durations and article numbers left out, context snippets that
never cut a number; the devset scores stay above tests/labels/figures_baseline.yml."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gen.models import Paragraph, Place
from gen.site.export import SCHEMA_PATH, figure_json
from gen.site.indexes import figure_when, figure_where
from gen.site.taxonomy import GAP, around, sentence_bounds
from gen.understanding.figure_facts import with_facts
from gen.understanding.figures import find_figures
from tools.evaluate_figures import evaluate

BASELINE = yaml.safe_load((Path(__file__).parent / "labels" / "figures_baseline.yml").read_text(encoding="utf-8"))
SHANDONG = Place("山东省", "山东省", "", "370000")
JINAN = Place("济南市", "山东省", "济南市", "370100")
WEIHAI = Place("威海市", "山东省", "威海市", "371000")


def facts(text: str, places: tuple[Place, ...] = (), document: tuple[Place, ...] = ()):
    return with_facts(Paragraph("p-1", text, places=places, figures=find_figures(text)), document).figures


@pytest.mark.parametrize(("text", "shown", "qualifier"), [
    ("对近1000家政府采购代理机构开展培训", "近1000家", "近"),
    ("采购额占同类产品采购额的80%以上。", "80%以上", "以上"),
    ("农副产品累计交易金额超1亿元", "超1亿元", "超"),
    ("累计发布信息38万余条", "38万余条", "余"),
    ("金额达到100万元以上的", "达到100万元以上", "达到…以上"),
    ("履约保证金不得超过政府采购合同金额的10%。", "10%", "不得超过"),
    ("6月中国PMI报50.9%，逼近50%的警戒线", "50%", ""),
])
def test_the_shown_figure_keeps_its_qualifier_as_written(text, shown, qualifier):
    figure = next(f for f in find_figures(text) if shown in f.text)
    assert (figure.text, figure.qualifier) == (shown, qualifier)


@pytest.mark.parametrize("text", [
    "上线近5个月，北京市电子卖场已入驻供应商3143家",
    "可以在知道其权益受到损害之日起7个工作日内提出质疑",
    "第十五条 市、区财政应当安排中小企业发展专项资金。",
    "专家平均节省往返时间4个小时",
])
def test_durations_and_article_numbers_are_not_counts(text):
    assert all(f.unit in ("家",) for f in find_figures(text)), find_figures(text)


def test_a_range_is_one_figure_with_its_top():
    assert [(f.text, f.value, f.upper) for f in find_figures("提高至15%—20%，或给予10%-20%的扣除")] == [
        ("15%—20%", 15, 20), ("10%-20%", 10, 20)]
    (amount,) = find_figures("限额标准由50万元—100万元")
    assert (amount.value, amount.upper, amount.unit) == (500_000, 1_000_000, "CNY")


@pytest.mark.parametrize(("text", "measure", "period"), [
    ("2021年，全国政府采购规模为36399亿元。", "政府采购规模", "2021年"),
    ("2023年上半年，授予中小企业合同金额为2.6万亿元。", "中小企业合同金额", "2023年上半年"),
    ("近五年来，累计发布各类分散采购信息38万余条。", "各类分散采购信息", "近五年来"),
    ("截至10月底，平台注册供应商超过45万家。", "注册供应商", "截至10月底"),
    ("对1.5万名评审专家开展培训。", "评审专家", ""),
    ("与2020年相比，节约资金12亿元。", "资金", ""),
])
def test_a_figure_knows_what_it_measures_and_its_period(text, measure, period):
    (figure,) = facts(text)
    assert measure in figure.measure and figure.measure in text
    assert figure.period == period


def test_a_count_is_measured_by_the_head_noun_after_it():
    measures = {f.text: f.measure for f in facts(
        "31个需求一致、应用普遍的采购品目和5个政策示范性强的采购品目纳入集中采购目录。"
        "政采云吸纳1.8万家来自山区26县及海岛县的供应商。"
        "对200万元以下的货物和服务采购项目、400万元以下的工程采购项目，专门面向中小企业采购。"
        "对近1000家政府采购代理机构的3800名专职人员开展培训。")}
    assert measures == {"31个": "采购品目", "5个": "采购品目", "1.8万家": "供应商", "200万元以下": "货物",
                        "400万元以下": "工程采购项目", "近1000家": "政府采购代理机构", "3800名": "专职人员"}


def test_a_figure_listed_after_another_shares_its_measure():
    amounts = facts("货物、工程、服务类采购规模分别为9943.3亿元、15566.7亿元和10889亿元。")
    assert [f.value for f in amounts] == [994_330_000_000, 1_556_670_000_000, 1_088_900_000_000]
    assert {f.measure for f in amounts} == {"货物、工程、服务类采购规模"}


def test_place_from_sentence_passage_document_or_national():
    text = "济南市持续推进电子化。全年完成项目1.2万个。"
    (inherited,) = facts(text, places=(JINAN,), document=(WEIHAI,))
    assert (inherited.places, inherited.place_from) == ((Place("济南市", "山东省", "济南市", "370100", "passage"),), "passage")
    (own,) = facts("济南市完成项目1.2万个。", places=(JINAN,), document=(WEIHAI,))
    assert (own.places, own.place_from) == ((JINAN,), "sentence")
    (from_document,) = facts("全年完成项目1.2万个。", document=(WEIHAI,))
    assert from_document.place_from == "document" and from_document.places[0].name == "威海市"
    (national,) = facts("全年完成项目1.2万个。")
    assert (national.places, national.place_from) == ((), "national")
    (nation_said,) = facts("全国政府采购规模为36399亿元。", document=(SHANDONG,))
    assert nation_said.place_from == "national"
    both = facts("济南市完成项目10个。青岛市完成项目20个。威海市完成30个。全省共完成项目60个。",
                 places=(JINAN, Place("青岛市", "山东省", "青岛市", "370200"), WEIHAI), document=(SHANDONG,))
    assert both[-1].place_from == "document"  # a round-up lends no city to a sentence naming none


def test_a_province_wide_sentence_inherits_its_city_s_province():
    text = "2023年济南市政府采购规模突破500亿元。全省各地累计为中小企业节约成本近20亿元。"
    city, province = facts(text, places=(JINAN,))
    assert (city.places, city.place_from) == ((JINAN,), "sentence")
    assert (province.places[0].name, province.places[0].adcode, province.place_from) == ("山东省", "370000", "passage")


def test_the_table_cells_mark_inherited_places_and_the_publication_date():
    (inherited,) = facts("全年完成项目1.2万个。", document=(WEIHAI,))
    assert figure_where(inherited) == "威海市（文件所在地 from document）"
    (national,) = facts("完成项目1.2万个。")
    assert figure_where(national) == "全国 national"
    assert figure_when(national, "2024-05-01") == "2024-05-01（发布日期 published）"
    (dated,) = facts("2021年，完成项目1.2万个。")
    assert figure_when(dated, "2022-06-13") == "2021年"
    (relative,) = facts("今年以来，完成项目1.2万个。")
    assert figure_when(relative, "2022-06-13") == "今年以来 · 2022-06-13（发布日期 published）"


def test_a_context_snippet_never_cuts_a_number():
    text = "甲" * 30 + "授予小微企业合同金额为415.26亿元，占授予中小微企业合同金额的67.70%，远超过预留30%给小微企业的规定。"
    for needle in ("67.70%", "30%"):
        snippet = around(text, needle)
        body = snippet.strip(GAP)
        at = text.find(body)
        assert at >= 0 and not _cuts(text, at) and not _cuts(text, at + len(body)), snippet


def _cuts(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isdigit() and text[at].isdigit()


_PIECES = st.sampled_from(["415.26亿元", "20%", "，", "、", "；", "。", "近1000家", "上线近5个月", "80%以上", "规模为",
                           "中小企业", "2021年", "12345678", "全省", "达", "15%—20%", "第十条", "约3.5万名"])


@settings(max_examples=300, deadline=None)
@example(pieces=["12345678", "415.26亿元", "415.26亿元"], width=4)  # the same figure text twice, once inside a longer number
@given(st.lists(_PIECES, min_size=1, max_size=40), st.integers(min_value=4, max_value=40))
def test_snippets_and_figures_stay_true_to_their_text(pieces, width):
    text = "".join(pieces)
    for figure in facts(text):
        assert text[figure.start:figure.start + len(figure.text)] == figure.text
        start, end = sentence_bounds(text, figure.start)
        assert figure.text in text[start:end] and figure.measure in text
        snippet = around(text, figure.text, width, at=figure.start).strip(GAP)
        # where the snippet sits: the occurrence that holds this figure
        at = next(p for p in range(max(0, figure.start - len(snippet)), figure.start + 1)
                  if text.startswith(snippet, p) and p + len(snippet) >= figure.start + len(figure.text))
        assert not _cuts(text, at) and not _cuts(text, at + len(snippet)), (text, snippet)


def test_an_exported_figure_is_valid_against_the_published_schema():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    figure_schema = schema["properties"]["sources"]["items"]["properties"]["paragraphs"]["items"]["properties"]["figures"]
    validator = jsonschema.Draft202012Validator({**figure_schema, "$defs": schema["$defs"]})
    for figure in (*facts("济南市完成项目1.2万个。", places=(JINAN,)), *facts("全国规模约3.6万亿元。")):
        assert not list(validator.iter_errors([figure_json(figure)]))
    assert list(validator.iter_errors([{**figure_json(facts("完成1.2万个。")[0]), "place_from": "guessed"}]))


def test_exported_figures_carry_their_facts(sources_data):
    figures = [f for s in sources_data["sources"] for p in s["paragraphs"] for f in p["figures"]]
    assert any(f["qualifier"] == "近" and f["text"] == "近1000家" for f in figures)
    durations = [p for s in sources_data["sources"] for p in s["paragraphs"] if "上线近5个月" in p["text"]]
    assert durations and not any(f["text"] == "5个" for p in durations for f in p["figures"])
    assert {f["place_from"] for f in figures} >= {"sentence", "document"}
    assert sum(1 for f in figures if f["period"]) >= 10 and sum(1 for f in figures if f["measure"]) >= len(figures) * 0.8


@pytest.fixture(scope="module")
def report():
    return evaluate()


def test_devset_is_large_enough_and_scores_stay_above_their_floors(report):
    assert report.items >= 60
    for name, floor in BASELINE["floors"].items():
        score = report.scores[name]
        assert score.precision >= floor["precision"], (name, score, report.problems)
        assert score.recall >= floor["recall"], (name, score, report.problems)
