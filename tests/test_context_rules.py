"""Rules added with the passage development set (issue 12), each on a document it is for:
who a document is from, what names no place, and passages that only look like procurement."""

from __future__ import annotations

from dataclasses import replace

from gen.models import Block, Document, Meta
from gen.reading.kind import issuer_level
from gen.understanding.assemble import article_for
from gen.understanding.classify import classify


def _classified(title: str, *paragraphs: str, publisher: str = "", doc_type: str = "news"):
    meta = Meta(title=title, date="2024-01-01", publisher=publisher, doc_type=doc_type)
    meta = replace(meta, issuer_level=issuer_level(meta, doc_type))
    blocks = tuple(Block("p", text) for text in paragraphs)
    return classify(article_for(Document("x.md", "markdown", meta, blocks)))


STORY = ("全国政府采购规模连续增长，授予中小企业合同金额占比超过七成。", "各地全面推行政府采购全流程电子化。")


def test_a_news_outlet_named_after_a_city_is_not_where_its_story_is_from():
    article = _classified("政府采购规模再创新高", *STORY, publisher="上海证券报")
    assert article.on_topic and article.places == ()
    assert all(p.places == () for p in article.paragraphs)


def test_a_government_body_is_where_its_document_is_from():
    article = _classified("政府采购规模再创新高", *STORY, publisher="江苏省财政厅")
    assert [p.name for p in article.places] == ["江苏省"]
    assert all(x.found_in == "document" for p in article.paragraphs for x in p.places)


def test_beijing_time_in_a_tender_names_no_place():
    article = _classified(
        "阳江市某单位物业服务项目招标公告",
        "投标截止时间：2025年7月15日9点30分（北京时间）。",
        "本项目属于专门面向中小企业采购的项目。",
        publisher="阳江市某单位", doc_type="tender",
    )
    deadline, reserved = article.paragraphs
    assert [(x.name, x.found_in) for x in deadline.places] == [("阳江市", "document")]
    assert "sme" in reserved.theme_ids  # 中小企业采购 is buying from SMEs, not a company's purchasing


def test_procurement_in_a_list_of_policy_areas_is_not_a_procurement_passage():
    article = _classified(
        "某市促进中小企业发展条例",
        "第一条 为了促进中小企业健康发展，制定本条例。",
        "第十条 中小企业公共服务平台提供市场监管、财税、金融、政府采购、知识产权等政务服务信息的解读与推送，支持中小企业数字化转型。",
        "第二十条 向中小企业预留的采购份额应当占本部门年度政府采购项目预算总额的百分之四十以上。",
        doc_type="regulation",
    )
    _, platform, set_aside = article.paragraphs
    assert platform.theme_ids == ()
    assert set_aside.theme_ids == ("sme",)
    assert [p.clause for p in article.paragraphs] == ["第一条", "第十条", "第二十条"]


def test_a_platform_named_in_passing_is_not_digitisation():
    article = _classified(
        "政府采购支持乡村振兴",
        "预算单位通过政采云平台乡村振兴馆采购脱贫地区农副产品1.2亿元。",
        "供应商可通过政采云平台在线申请合同融资，最快当天放款。",
    )
    pavilion, loans = article.paragraphs
    assert pavilion.theme_ids == ("rural",)
    assert "digital" in loans.theme_ids
