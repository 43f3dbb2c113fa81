"""Relevance per passage, scored on tests/labels/relevance_devset.yml: broad documents with
one procurement item are on topic (and that item gets its theme); near-misses are not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gen.models import Block, Document, Meta
from gen.understanding.assemble import article_for
from gen.understanding.classify import classify

DEVSET = yaml.safe_load((Path(__file__).parent / "labels" / "relevance_devset.yml").read_text(encoding="utf-8"))
TOPIC_ACCURACY_FLOOR = 0.95


def _classified(document: dict):
    blocks = tuple(Block("p", text) for text in document["paragraphs"])
    return classify(article_for(Document("devset.txt", "text", Meta(title=document["title"], date="2024-01-01"), blocks)))


def test_topic_accuracy_on_the_development_set():
    wrong = [d["name"] for d in DEVSET["documents"] if _classified(d).on_topic != d["on_topic"]]
    accuracy = 1 - len(wrong) / len(DEVSET["documents"])
    print(f"\ntopic accuracy {accuracy:.2f} on {len(DEVSET['documents'])} documents; wrong: {wrong}")
    assert accuracy >= TOPIC_ACCURACY_FLOOR, wrong


@pytest.mark.parametrize("document", [d for d in DEVSET["documents"] if "expect" in d], ids=lambda d: d["name"])
def test_the_policy_passage_gets_its_theme(document):
    article = _classified(document)
    paragraph = article.paragraphs[document["expect"]["paragraph"]]
    assert document["expect"]["theme"] in paragraph.theme_ids, (paragraph.text, paragraph.theme_ids)
    if "not_theme" in document:
        other = article.paragraphs[document["not_theme"]["paragraph"]]
        assert document["not_theme"]["theme"] not in other.theme_ids, (other.text, other.theme_ids)


def test_focus_ranks_a_procurement_story_above_a_broad_document():
    by_name = {d["name"]: d for d in DEVSET["documents"]}
    story, broad = _classified(by_name["procurement-news"]), _classified(by_name["state-council-notice-one-item"])
    assert story.focus > broad.focus > 0


CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPUS_ON_TOPIC = {  # real samples (../shared/corpus/README.md says where each came from)
    "html_cms_jidong_youtian_jizhong_caigou.jsp": False,  # an oilfield company's own group purchasing
    "html_cms_liaoning_quancheng_dianzihua.jsp": True,
    "html_cms_pmi_28ge_yue_xindi.jsp": False,  # PMI news
    "jekyll_digest_wind_20240901.md": False,  # a market digest
    "law_beijing_cujin_zhongxiao_qiye_tiaoli.md": True,  # an SME regulation with a set-aside article
    "law_zhengfu_caigou_fa.md": True,
    "tender_yangxi_shuiwu_houqin_fuwu.txt": True,
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("name", sorted(CORPUS_ON_TOPIC))
def test_real_samples_are_on_or_off_topic(name):
    from gen.reading.decode import decode_bytes
    from gen.reading.detect import read_text

    text, _ = decode_bytes((CORPUS / name).read_bytes())
    article = classify(article_for(read_text(text, name)))
    assert article.on_topic == CORPUS_ON_TOPIC[name]
    if CORPUS_ON_TOPIC[name]:
        assert article.themes, name
