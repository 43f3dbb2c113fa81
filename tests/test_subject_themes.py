"""A passage takes the theme its document's title (or its heading) names when its own words
continue that subject, and only then (gen/understanding/subject.py, `continues` in themes.yml)."""

from __future__ import annotations

from gen.evaluation import devset_article


def _classified(title: str, texts: list[str], doc_type: str = "normative_document", publisher: str = "财政部"):
    passages = [{"text": t.removeprefix("# "), "heading": t.startswith("# ")} for t in texts]
    document = {"name": "subject-test", "title": title, "doc_type": doc_type, "publisher": publisher, "passages": passages}
    return {p.text: p for p in devset_article(document).paragraphs}


PRODUCE_NOTICE = "关于做好政府采购脱贫地区农副产品工作的通知"


def test_a_passage_continuing_the_titles_theme_takes_it_marked_as_from_the_subject():
    found = _classified(PRODUCE_NOTICE, ["主管预算单位应当督促所属预算单位完成预留比例。"])
    (match,) = found["主管预算单位应当督促所属预算单位完成预留比例。"].themes
    assert (match.theme, match.via, match.terms) == ("rural", "subject", ("预留比例",))


def test_a_passage_about_something_else_in_the_same_notice_takes_no_theme():
    found = _classified(PRODUCE_NOTICE, ["采购代理机构应当按照规定组织评审，评审专家应当遵守评审纪律。",
                                         "主管预算单位应当完成预留比例。"])
    assert found["采购代理机构应当按照规定组织评审，评审专家应当遵守评审纪律。"].themes == ()


def test_a_passage_naming_its_theme_itself_is_not_marked_as_from_the_subject():
    found = _classified(PRODUCE_NOTICE, ["各预算单位应当通过832平台采购脱贫地区农副产品。"])
    assert [(m.theme, m.via) for m in found["各预算单位应当通过832平台采购脱贫地区农副产品。"].themes] == [("rural", "words")]


def test_a_title_naming_two_themes_gives_no_subject():
    found = _classified("关于政府采购支持中小企业和乡村产业振兴的通知", ["主管预算单位应当完成预留比例。"])
    assert found["主管预算单位应当完成预留比例。"].themes == ()


def test_a_title_not_naming_procurement_gives_no_subject():
    found = _classified("关于促进中小企业发展的若干措施",
                        ["政府采购应当支持中小企业，预留采购份额。", "各地要引导银行扩大贷款投放。"])
    assert found["各地要引导银行扩大贷款投放。"].themes == ()


def test_a_heading_naming_one_theme_gives_its_section_that_subject_and_the_next_heading_ends_it():
    found = _classified("某市2023年政府采购工作总结", [
        "# （二）推进政府采购电子化建设", "供应商注册一次后可在全市13个区县通用。",
        "# （三）加强监督管理", "供应商注册材料由财政部门抽查。",
    ], doc_type="news", publisher="")
    assert [(m.theme, m.via) for m in found["供应商注册一次后可在全市13个区县通用。"].themes] == [("digital", "subject")]
    assert found["供应商注册材料由财政部门抽查。"].themes == ()


def test_the_subject_adds_to_a_passages_own_other_theme():
    found = _classified("绍兴市“政采贷”累计放款超10亿元", ["企业通过政采云平台线上申请，最快1个工作日即可放款。"],
                        doc_type="news", publisher="")
    themes = found["企业通过政采云平台线上申请，最快1个工作日即可放款。"].themes
    assert [(m.theme, m.via) for m in themes] == [("sme", "subject"), ("digital", "words")]
