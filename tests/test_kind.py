"""Document type and issuer level: rules in gen/data/doctypes.yml, levels from division codes."""

from __future__ import annotations

import pytest

from gen.models import Block, Meta
from gen.reading.kind import LEVELS, TYPES, document_type, issuer_level, kind_rules
from gen.rendering import frontmatter

ARTICLES = (Block("p", "第一条 为了规范……，制定本条例。"), Block("p", "第二条 本条例适用于……。"))
NEWS_BODY = (Block("p", "记者近日从财政厅获悉，全省政府采购规模再创新高。"),)


@pytest.mark.parametrize(("publisher", "level"), [
    ("全国人民代表大会常务委员会", "central"),
    ("国务院", "central"),
    ("财政部", "central"),
    ("北京市人民代表大会常务委员会", "provincial"),
    ("广东省财政厅", "provincial"),
    ("威海市财政局", "municipal"),
    ("北京市海淀区财政局", "county"),
    ("国家税务总局阳西县税务局", "county"),
    ("赤壁市财政局", "county"),  # a county-level city
    ("某县财政局", "county"),  # no division of that name: its suffix decides
    ("中国政府采购报", "none"),
    ("广东省机电设备招标有限公司", "none"),
    ("上海证券报", "none"),
])
def test_issuer_level_of_a_named_body(publisher, level):
    assert issuer_level(Meta(title="x", publisher=publisher), "news") == level


def test_an_official_document_without_issuer_is_placed_by_its_title():
    assert issuer_level(Meta(title="江苏省政府采购条例"), "regulation") == "provincial"
    assert issuer_level(Meta(title="中华人民共和国政府采购法"), "law") == "central"
    assert issuer_level(Meta(title="江苏省政府采购条例"), "news") == "none"


@pytest.mark.parametrize(("meta", "family", "blocks", "expected"), [
    (Meta(title="中华人民共和国政府采购法"), "law_text", ARTICLES, "law"),
    (Meta(title="中华人民共和国政府采购法实施条例"), "law_text", ARTICLES, "regulation"),
    (Meta(title="政府采购货物和服务招标投标管理办法", doc_number="财政部令第87号"), "law_text", ARTICLES, "regulation"),
    (Meta(title="某省政府采购评审专家管理办法（试行）"), "law_text", ARTICLES, "normative_document"),
    (Meta(title="关于印发2023年威海市政府采购工作要点的通知"), "pdf_notice", NEWS_BODY, "normative_document"),
    (Meta(title="政府采购促进中小企业发展管理办法", doc_number="财库〔2020〕46号"), "markdown", NEWS_BODY, "normative_document"),
    (Meta(title="某项目招标文件"), "tender_text", NEWS_BODY, "tender"),
    (Meta(title="某县医院设备采购项目公开招标公告"), "html_page", NEWS_BODY, "tender"),
    (Meta(title="陆家嘴财经早餐2024年9月1日星期日"), "digest", NEWS_BODY, "digest"),
    (Meta(title="山西2021年政府采购规模超683亿元"), "jekyll", NEWS_BODY, "news"),
    (Meta(title="解读新修订的政府采购法"), "jekyll", NEWS_BODY, "news"),  # ends in 法, but no articles
    (Meta(title="一份说明"), "text", NEWS_BODY, "other"),
])
def test_document_type(meta, family, blocks, expected):
    assert document_type(meta, family, blocks) == expected


def test_rules_name_only_known_types_and_levels():
    rules = kind_rules()
    assert {r.type for r in rules.types} <= set(TYPES) and rules.default_type in TYPES
    assert {level for level, _ in rules.by_suffix} <= set(LEVELS)


def test_history_round_trips_through_the_page_front_matter():
    front = frontmatter.PageFrontMatter(
        title="某条例", doc_type="regulation", issuer_level="provincial", effective="2020-12-01",
        history=[{"date": "2013-12-27", "event": "第八次会议通过: \"试\" # [x]"}, {"date": "2020-09-25", "event": "修订"}],
    )
    assert frontmatter.load(frontmatter.dump(front)) == front


@pytest.mark.parametrize("bad", [
    {"doc_type": "memo"}, {"issuer_level": "village"}, {"effective": "2020-12"},
    {"history": [{"date": "2020", "event": "x"}]}, {"history": [{"date": "2020-01-01"}]},
])
def test_front_matter_refuses_bad_kind_fields(bad):
    with pytest.raises(frontmatter.FrontMatterError):
        frontmatter.PageFrontMatter(title="x", **bad).validate()
