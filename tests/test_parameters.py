"""The policy-parameter reader: numbers, one sentence at a time, and its scores pinned.

The scores come from python -m tools.evaluate_parameters (devset, seeds, shared corpus);
tests/parameters/baseline.yml holds the floors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import is_true_to
from gen.models import ParameterValue
from gen.understanding.parameters.numbers import chinese_number, normalise, tokens
from tools import evaluate_parameters as evaluation

BASELINE = yaml.safe_load((Path(__file__).parent / "parameters" / "baseline.yml").read_text(encoding="utf-8"))


def facts(body: str, title: str = "政府采购政策", publisher: str = "", date: str = "2024-01-01"):
    document = {"title": title, "publisher": publisher, "date": date, "text": body}
    return evaluation.facts_of(evaluation.devset_source(document), "case.md")


def summary(found) -> list[tuple]:
    return [(f.parameter, f.measure, f.place.adcode if f.place else None, f.value, f.previous) for f in found]


def pct(low, high=None) -> ParameterValue:
    return ParameterValue(low=low, high=high, unit="%")


@pytest.mark.parametrize(("text", "value"), [("一", 1), ("十五", 15), ("三十", 30), ("一百零五", 105),
                                             ("二点五", 2.5), ("六十", 60), ("百", 100), ("甲", None)])
def test_chinese_numerals(text, value):
    assert chinese_number(text) == value


def test_full_width_digits_keep_their_positions():
    text = "预付款比例不低于合同金额的３０％。"
    assert len(normalise(text)) == len(text)
    (token,) = tokens(text)
    assert (token.kind, token.low, token.unit) == ("percent", 30, "%")
    assert text[token.start:token.end] == "３０％"


def test_ranges_counts_amounts_and_days_are_read_but_dates_are_not():
    found = tokens("由6%—10%提高至10%—20%，放款8万余笔、53亿元，7月15日前，20个工作日内，百分之四十")
    assert [(t.kind, t.low, t.high, t.unit) for t in found] == [
        ("percent", 6, 10, "%"), ("percent", 10, 20, "%"), ("count", 80000, None, "笔"),
        ("amount", 5300000000, None, "元"), ("days", 20, None, "working_days"), ("percent", 40, None, "%")]


def test_one_sentence_naming_five_cities_gives_five_facts_with_the_change():
    found = facts("甘肃省张掖市、山西省忻州市、河南省鹤壁市、安徽省阜阳市、海南省海口市等提高对中小企业价格扣除优惠比例，"
                  "货物、服务采购项目给予中小微企业的价格扣除优惠比例由6%—10%提高至10%—20%。")
    assert summary(found) == [("price_deduction_small_micro", "", code, pct(10, 20), pct(6, 10))
                              for code in ("620700", "140900", "410600", "341200", "460100")]
    assert {f.scope_class for f in found} == {"goods_services"} and {f.change for f in found} == {"raised"}


def test_no_match_no_fact():
    assert facts("全市政府采购授予中小企业合同金额占比达85.6%，预留份额执行率达到98%。", publisher="苏州市财政局") == ()
    assert facts("对节能产品、环境标志产品给予2%的价格扣除。", publisher="苏州市财政局") == ()
    assert facts("鼓励采购人免收投标保证金。", publisher="苏州市财政局") == ()


def test_an_unticked_box_says_nothing_and_a_ticked_one_does():
    found = facts("投标保证金：□不收取 ☑收取\n\n履约保证金：☑不收取 □收取", publisher="苏州市财政局")
    assert summary(found) == [("performance_deposit", "", "320500", ParameterValue(status="waived"), None)]


def test_a_form_printing_both_choices_untouched_says_nothing():
    assert facts("本项目不收取履约保证金\n\n本项目收取履约保证金", publisher="苏州市财政局") == ()


def test_a_comparison_with_a_standard_is_not_the_places_own_value():
    found = facts("货物和服务类采购限额标准为50万元，其中市级高于财政部30万元的指导标准。", publisher="山西省财政厅")
    assert [f.value.low for f in found] == [50]


def test_a_national_rule_reported_locally_is_national():
    found = facts("据悉，财政部此前已将货物服务采购项目给予小微企业的价格扣除优惠提高至10%—20%。", publisher="江西省财政厅")
    assert [(f.place, f.level) for f in found] == [(None, "national")]


def test_values_named_respectively_go_to_their_places():
    found = facts("广东省佛山市、东莞市分别将面向中小企业预留份额提高至45%和50%。")
    assert [(f.place.adcode, f.value.low) for f in found] == [("440600", 45), ("441900", 50)]


def test_the_date_is_the_stated_one_else_the_effective_one_else_the_documents():
    stated = facts("自2024年3月1日起，全县政府采购项目一律不再收取投标保证金。", publisher="庐江县财政局")
    assert {(f.date, f.date_basis) for f in stated} == {("2024-03-01", "stated")}
    effective = facts("投标保证金不得超过采购项目预算金额的1%。\n\n本通知自2024年7月1日起施行。", publisher="合肥市财政局")
    assert [(f.date, f.date_basis) for f in effective] == [("2024-07-01", "effective")]
    plain = facts("投标保证金不得超过采购项目预算金额的1%。", publisher="合肥市财政局", date="2023-03-15")
    assert [(f.date, f.date_basis) for f in plain] == [("2023-03-15", "document")]



def test_every_quote_of_every_labelled_source_is_true_to_its_paragraph():
    from gen.reading.detect import read_text
    from gen.understanding.assemble import article_for
    from gen.understanding.classify import classify
    from gen.understanding.parameters import find_parameters

    checked = 0
    for name, text, _ in evaluation.cases():
        article = find_parameters(classify(article_for(read_text(text, name.split("/", 1)[1]))))
        paragraphs = {p.anchor: p.text for p in article.paragraphs}
        for fact in article.facts:
            assert is_true_to(fact.quote, paragraphs[fact.anchor]), (name, fact.quote)
            assert fact.text.strip() and fact.text in paragraphs[fact.anchor]
            checked += 1
    assert checked >= 100


def test_matching_is_strict():
    found = facts("江苏省南京市将面向中小企业的预留份额提高至45%以上。")
    (fact,) = found
    right = {"parameter": "sme_set_aside", "place": "320100", "value": "45%"}
    assert evaluation.matches(right, fact)
    for wrong in ({"value": "40%"}, {"place": "320000"}, {"parameter": "rural_produce_set_aside"},
                  {"previous": "40%"}, {"scope": "works"}, {"level": "provincial"}, {"measure": "consortium"}):
        assert not evaluation.matches({**right, **wrong}, fact), wrong


@pytest.fixture(scope="module")
def report():
    return evaluation.evaluate()


def test_the_floors_are_no_lower_than_the_targets():
    targets = BASELINE["targets"]
    for parameter, floor in BASELINE["floors"].items():
        assert floor["precision"] >= targets["precision"] and floor["recall"] >= targets["recall"], parameter


def test_precision_and_recall_stay_above_their_floors(report):
    assert set(report.scores) == set(BASELINE["floors"])
    for parameter, score in report.scores.items():
        floor = BASELINE["floors"][parameter]
        assert score.expected >= 5, f"{parameter}: too few labelled facts to score"
        assert score.precision >= floor["precision"], (parameter, score, report.false_finds)
        assert score.recall >= floor["recall"], (parameter, score, report.misses)


def test_every_seed_is_labelled(report):
    labelled = set(yaml.safe_load((evaluation.LABELS / "seed_facts.yml").read_text(encoding="utf-8"))["sources"])
    assert labelled == {p.name for p in evaluation.SEEDS.iterdir() if p.is_file()}
    assert report.sources["seeds"] == len(labelled)


def test_the_cue_shortcut_never_skips_a_paragraph_a_cue_matches():
    from gen.understanding.parameters.vocabulary import parameter_vocabulary, required_literal

    vocab = parameter_vocabulary()
    assert vocab.cue_literals is not None
    assert required_literal("预留[^，。；]{0,12}比例") in ("预留", "比例")
    assert required_literal("预留给(?:小微|小型微型)企业") in ("预留给", "企业")
    assert required_literal("(?:支付|付款)") is None
    texts = [line for _, text, _ in evaluation.cases() for line in text.splitlines() if line.strip()]
    for text in texts:
        if not vocab.may_have_cue(text):
            assert not any(p.cues.search(text) for p in vocab.parameters), text
    assert sum(vocab.may_have_cue(t) for t in texts) < len(texts)


def test_the_vocabulary_is_consistent():
    from gen.understanding.parameters.vocabulary import parameter_vocabulary
    from gen.understanding.themes import vocabulary

    themes = {t.id for t in vocabulary().themes}
    for parameter in parameter_vocabulary().parameters:
        assert parameter.theme is None or parameter.theme in themes, parameter.id
        assert parameter.baselines or parameter.baseline_note, parameter.id
        for baseline in parameter.baselines:
            assert baseline["rule"] and baseline["verified_in"], (parameter.id, baseline)
            assert ("value" in baseline) != ("status" in baseline), (parameter.id, baseline)
            assert "status" not in baseline or parameter.status(baseline["status"]), (parameter.id, baseline)
            assert "measure" not in baseline or parameter.measure(baseline["measure"]), (parameter.id, baseline)
