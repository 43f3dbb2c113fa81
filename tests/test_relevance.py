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
