"""The evaluation gate: themes, topic and places scored on the passage development set
(tests/labels/passages/) must stay at or above the floors measured
(tests/labels/evaluation_floors.yml); python -m gen evaluate prints the same numbers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from gen.__main__ import main
from gen.evaluation import SHARED_CORPUS, devset_documents, labelled_paragraphs, place_code, score_devset
from gen.understanding.themes import vocabulary

FLOORS = yaml.safe_load((Path(__file__).parent / "labels" / "evaluation_floors.yml").read_text(encoding="utf-8"))
THEMES = set(vocabulary().ids)


@pytest.fixture(scope="module")
def report():
    return score_devset()


def test_the_development_set_is_labelled_completely():
    documents = devset_documents()
    passages = [p for d in documents for p in d["passages"] if not p.get("heading")]
    assert len(passages) >= 150
    assert {d["batch"] for d in documents} == {"tuning", "heldout", "fresh", "untuned", "context", "context-unseen"}
    assert len({d["name"] for d in documents}) == len(documents)
    for document in documents:
        assert document["title"] and document["doc_type"] and isinstance(document["on_topic"], bool), document["name"]
        assert document["source"] == "written" or document["source"].startswith("corpus/"), document["name"]
        for place in document.get("home") or ():
            place_code(place)  # raises on a name that names no single division
        for passage in document["passages"]:
            if passage.get("heading"):
                continue
            assert set(passage["themes"]) <= THEMES, passage["text"]
            assert document["on_topic"] or not passage["themes"], passage["text"]
            for place in passage.get("places") or ():
                place_code(place)
    # near-misses and broad documents are both there
    assert sum(not d["on_topic"] for d in documents) >= 10
    assert sum(d["on_topic"] and any(not p.get("heading") and not p["themes"] for p in d["passages"]) for d in documents) >= 10


@pytest.mark.skipif(not SHARED_CORPUS.is_dir(), reason="../shared/corpus is not beside this checkout")
def test_every_quoted_passage_is_a_paragraph_of_its_file():
    for document in devset_documents():
        if document["source"].startswith("corpus/"):
            assert labelled_paragraphs(document) is not None, document["source"]


def test_every_theme_meets_its_floor(report):
    lines = [f"{t}: P={c.precision:.3f} R={c.recall:.3f}" for t, c in report.themes.items()]
    print("\n" + "  ".join(lines))
    assert set(FLOORS["themes"]) == THEMES, "every theme needs a floor"
    for theme, counts in report.themes.items():
        assert counts.tp > 0, theme  # the set labels every theme
        assert counts.precision >= FLOORS["themes"][theme]["precision"], lines
        assert counts.recall >= FLOORS["themes"][theme]["recall"], lines


def test_topic_accuracy_meets_its_floor(report):
    wrong = [m for m in report.mistakes if m.startswith("TOPIC")]
    assert report.topic_accuracy >= FLOORS["topic_accuracy"], wrong


def test_places_meet_their_floors(report):
    for name, counts in (("text", report.text_places), ("inherited", report.inherited_places)):
        assert counts.tp > 0, name
        assert counts.precision >= FLOORS["places"][name]["precision"], (name, counts)
        assert counts.recall >= FLOORS["places"][name]["recall"], (name, counts)


def test_every_law_passage_cites_its_article(report):
    wrong = [m for m in report.mistakes if m.startswith("CLAUSE")]
    assert report.clauses >= 40
    assert report.clause_accuracy >= FLOORS["clause_accuracy"], wrong


def test_the_gate_falls_when_a_theme_loses_its_words():
    vocab = vocabulary()
    crippled = replace(vocab, themes=tuple(replace(t, terms=t.terms[:1]) if t.id == "credit" else t for t in vocab.themes))
    assert score_devset(vocab=crippled).themes["credit"].recall < FLOORS["themes"]["credit"]["recall"]


def test_the_command_prints_the_tables(capsys):
    assert main(["evaluate", "--batch", "fresh"]) == 0
    out = capsys.readouterr().out
    assert "| sme |" in out and "topic accuracy" in out and "places inherited from the document" in out
