"""Each seed: exact metadata, its first and last paragraphs, headings, and no junk."""

from __future__ import annotations

import html

import pytest
import yaml

from conftest import SEEDS
from gen.reading.frontmatter import split as split_front
from gen.rendering.frontmatter import load as load_front

CASES = sorted(yaml.safe_load((SEEDS.parent / "tests" / "seed_expectations.yml").read_text(encoding="utf-8")))
FIELDS = ("format", "title", "date", "datetime", "publisher", "author", "url", "doc_number")


@pytest.mark.parametrize("seed", CASES)
def test_metadata_is_exact(seed, by_file, expectations):
    source, expected = by_file[seed], expectations[seed]
    for field in FIELDS:
        if field in expected:
            assert source[field] == expected[field], field


@pytest.mark.parametrize("seed", CASES)
def test_first_and_last_paragraph(seed, by_file, expectations):
    body = [p for p in by_file[seed]["paragraphs"] if not p["heading"]]
    assert body[0]["text"].startswith(expectations[seed]["first"])
    assert body[-1]["text"].endswith(expectations[seed]["last"])


@pytest.mark.parametrize("seed", CASES)
def test_subheadings_are_headings(seed, by_file, expectations):
    headings = [p["text"] for p in by_file[seed]["paragraphs"] if p["heading"]]
    assert headings == expectations[seed]["headings"]


@pytest.mark.parametrize("seed", CASES)
def test_page_has_what_it_must_and_no_junk(seed, by_file, expectations, seed_project):
    page = (seed_project / "docs" / by_file[seed]["page"]).read_text(encoding="utf-8")
    text = "\n".join(p["text"] for p in by_file[seed]["paragraphs"])
    for snippet in expectations[seed]["must_contain"]:
        assert snippet in text and snippet in page
    _, body = split_front(page)
    assert len(body) > 0.8 * len(text)  # the whole article is searched, not only its last lines
    # the metadata chips above the article may name what the body must not hold (the
    # provenance line 本文来源 …, kept as metadata): the article is what follows them
    body = "\n\n".join(block for block in body.split("\n\n") if ".chips }" not in block)
    for junk in expectations[seed]["must_not_contain"]:
        assert junk not in text
        assert junk not in body


@pytest.mark.parametrize("seed", CASES)
def test_front_matter_validates(seed, by_file, seed_project):
    front = load_front((seed_project / "docs" / by_file[seed]["page"]).read_text(encoding="utf-8"))
    assert html.unescape(front.title) == by_file[seed]["title"]
    assert len(front.summary) <= 120


def test_pdf_notice_has_no_break_inside_a_sentence(by_file):
    for paragraph in by_file["003_641ee5b96c45208b.txt"]["paragraphs"]:
        text = paragraph["text"]
        assert "\n" not in text and "  " not in text
        if not paragraph["heading"] and len(text) > 12:
            assert text[-1] in "。：；", text


def test_every_paragraph_has_a_unique_anchor(sources_data):
    for source in sources_data["sources"]:
        anchors = [p["anchor"] for p in source["paragraphs"]]
        assert len(anchors) == len(set(anchors))
