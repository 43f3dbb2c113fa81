"""Law passages cite their article: Paragraph.clause, set in the understanding stage and
published in sources.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from gen.models import Block, Document, Meta
from gen.site.export import article_json
from gen.understanding.assemble import article_for
from gen.understanding.classify import classify

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "gen" / "data" / "sources.schema.json").read_text(encoding="utf-8"))
ARTICLE = re.compile(r"^第[一二三四五六七八九十百]+条")


def _classified(doc_type: str, *blocks: tuple[str, str]):
    document = Document("x.md", "markdown", Meta(title="政府采购促进中小企业发展管理办法", date="2024-01-01", doc_type=doc_type),
                        tuple(Block(kind, text) for kind, text in blocks))
    return classify(article_for(document))


def _clauses(article) -> list[str]:
    return [p.clause for p in article.paragraphs]


def test_a_paragraph_belongs_to_the_article_it_opens_or_continues():
    article = _classified(
        "normative_document",
        ("h", "第二章 预留份额"),
        ("p", "第八条 超过200万元的货物和服务采购项目，预留该部分采购项目预算总额的30%以上专门面向中小企业采购。"),
        ("p", "预留给小微企业的比例不低于60%。"),
        ("p", "依照本办法第十条规定预留份额的，应当在采购文件中载明。"),
        ("h", "第三章 附则"),
        ("p", "本章所称小微企业，依照国家划型标准认定。"),
        ("p", "第二十一条　本办法自2021年1月1日起施行。"),
    )
    assert _clauses(article) == ["", "第八条", "第八条", "第八条", "", "", "第二十一条"]


def test_a_paragraph_that_opens_by_citing_an_article_does_not_open_it():
    article = _classified(
        "regulation",
        ("p", "第十七条 参加政府采购活动的供应商应当具备政府采购法规定的条件。"),
        ("p", "第二十二条规定的条件之外，采购人不得另设门槛。"),
        ("p", "第二十二条第一款所称良好的商业信誉，是指供应商没有重大违法记录。"),
        ("p", "第二十三条对中小企业参加政府采购的条件另有规定的，从其规定。"),
    )
    assert _clauses(article) == ["第十七条", "第十七条", "第十七条", "第二十三条"]


def test_an_article_heading_on_its_own_line_covers_the_text_under_it():
    article = _classified("law", ("h", "第四十条"), ("p", "政府采购应当优先安排向中小企业购买商品或者服务。"))
    assert _clauses(article) == ["第四十条", "第四十条"]


def test_news_and_tenders_have_no_clauses():
    for doc_type in ("news", "tender", "digest", ""):
        article = _classified(doc_type, ("p", "第四十条 政府采购应当优先安排向中小企业购买商品或者服务。"))
        assert _clauses(article) == [""], doc_type


def test_sources_json_carries_the_clause_and_matches_the_schema():
    article = _classified("law", ("p", "第四十条 政府采购应当优先安排向中小企业购买商品或者服务。"), ("p", "第二款"))
    entry = article_json(article)
    assert [p["clause"] for p in entry["paragraphs"]] == ["第四十条", "第四十条"]
    paragraph_schema = {**SCHEMA["properties"]["sources"]["items"]["properties"]["paragraphs"]["items"], "$defs": SCHEMA["$defs"]}
    for paragraph in entry["paragraphs"]:
        jsonschema.validate(paragraph, paragraph_schema)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("name", ["law_zhengfu_caigou_fa.md", "law_beijing_cujin_zhongxiao_qiye_tiaoli.md"])
def test_every_article_of_the_real_laws_cites_itself(name):
    from gen.reading.decode import decode_bytes
    from gen.reading.detect import read_text

    text, _ = decode_bytes((CORPUS / name).read_bytes())
    article = classify(article_for(read_text(text, name)))
    articles = [p for p in article.paragraphs if ARTICLE.match(p.text)]
    assert len(articles) >= 50
    for paragraph in articles:
        assert paragraph.clause == ARTICLE.match(paragraph.text).group(0), paragraph.text[:30]
    chapters = [p for p in article.paragraphs if p.heading and p.text.startswith("第") and "章" in p.text[:5]]
    assert chapters and all(p.clause == "" for p in chapters)
    by_clause = {p.clause: p for p in articles}
    if name == "law_zhengfu_caigou_fa.md":
        # 第五十四条 cites 第五十一条 in its text; it is still article 54
        assert "依照本法第五十一条" in by_clause["第五十四条"].text
        assert by_clause["第四十条"].text.startswith("第四十条 采取询价方式采购的")
