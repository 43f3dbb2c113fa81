"""The passage search's data: the generator's records, the hook's tokens, the built index."""

from __future__ import annotations

import importlib.util
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, mkdocs_build
from gen import paths
from gen.rules import read_yaml

_spec = importlib.util.spec_from_file_location("pagefind_search", ROOT / "hooks" / "pagefind_search.py")
hook = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hook)


def _records(docs) -> list[dict]:
    return [json.loads(line) for line in (docs / paths.SEARCH_RECORDS).read_text(encoding="utf-8").splitlines()]


def test_one_record_per_paragraph_of_every_published_source(seed_project, sources_data):
    records = _records(seed_project / "docs")
    assert [r["url"] for r in records] == sorted(r["url"] for r in records)
    expected = {}
    for source in sources_data["sources"]:
        if source["duplicate_of"]:
            continue
        page = (seed_project / "docs" / source["page"]).read_text(encoding="utf-8")
        for p in source["paragraphs"]:
            # a body paragraph carries its anchor on a line of its own; headings and figures differ
            if not p["heading"] and re.search(rf"^\{{: #{re.escape(p['anchor'])} \}}$", page, re.M):
                expected[f"{paths.url(source['page'])}#{p['anchor']}"] = (p["text"], source)
    assert {r["url"] for r in records} == set(expected)
    for record in records:
        text, source = expected[record["url"]]
        assert record["text"] == text  # the passage as its source says it, whole
        assert record["meta"] == {"title": source["title"], "date": source["date"], "source": source["publisher"],
                                  "page": paths.url(source["page"])}
        assert record["filters"].get("year", [""])[0] == source["date"][:4]
        assert record["filters"].get("doc_type") == ([source["doc_type"]] if source["doc_type"] else None)


def test_passage_filters_name_the_places_and_themes_of_their_paragraph(seed_project, sources_data):
    paragraphs = {f"{paths.url(s['page'])}#{p['anchor']}": p for s in sources_data["sources"] for p in s["paragraphs"]}
    for record in _records(seed_project / "docs"):
        paragraph = paragraphs[record["url"]]
        assert record["filters"].get("theme", []) == sorted(set(paragraph["themes"]))
        if paragraph["places"]:
            assert record["filters"]["province"] == sorted({p["province"] for p in paragraph["places"] if p["province"]})


def test_the_search_page_offers_the_filters_of_search_yml(seed_project):
    page = (seed_project / "docs" / paths.SEARCH).read_text(encoding="utf-8")
    settings = json.loads(re.search(r'<script type="application/json" class="passage-search__settings">(.*?)</script>',
                                    page, re.S).group(1))
    assert [f["key"] for f in settings["filters"]] == [f["key"] for f in read_yaml("search.yml")["filters"]]
    assert settings["labels"]["theme"]["sme"].startswith("支持中小企业")
    assert settings["labels"]["doc_type"]["normative_document"].startswith("规范性文件")
    records = _records(seed_project / "docs")
    for key in settings["values"]:  # each select offers exactly the values some passage has
        assert settings["values"][key] == sorted({v for r in records for v in r["filters"].get(key, [])})
    assert "江西省" in settings["values"]["province"]


@given(st.text(alphabet="政采贷云价格扣除评标远程异地双盲e1%，。 ", max_size=40), st.data())
def test_a_query_inside_a_word_is_a_run_of_its_tokens(text, data):
    words = re.findall(r"[^\W_]+", text)
    if not words:
        return
    word = data.draw(st.sampled_from(words))
    start = data.draw(st.integers(0, len(word) - 1))
    query = word[start:data.draw(st.integers(start + 1, len(word)))]
    tokens, wanted = hook.search_tokens(text), hook.search_tokens(query)
    if len(query) == 1:
        assert any(t.startswith(wanted[0]) for t in tokens)
    else:
        pairs = wanted[:-1]  # the query's last character alone is not a pair in the text
        assert any(tokens[i:i + len(pairs)] == pairs for i in range(len(tokens)))


def test_characters_of_a_term_spread_over_a_passage_are_not_the_term():
    tokens = hook.search_tokens("政采e贷，政府采购贷款")
    pairs = hook.search_tokens("政采贷")[:-1]
    assert not any(tokens[i:i + len(pairs)] == pairs for i in range(len(tokens)))


def test_damaged_records_are_skipped_not_fatal(tmp_path):
    good = {"url": "sources/a/#p-1", "text": "价格扣除", "meta": {"title": "甲"}, "filters": {"province": ["江西省"]}}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n[1, 2]\n" + '{"url": 3}\n', encoding="utf-8")
    assert hook.read_records(path) == [good]
    assert hook.read_records(tmp_path / "missing.jsonl") == []
    record = hook.pagefind_record(good)
    assert record["meta"]["text"] == "价格扣除" and record["filters"] == {"province": ["江西省"]}
    assert record["content"] == " ".join(hook.search_tokens("价格扣除"))


def test_the_site_has_a_pagefind_index_of_every_passage_and_no_lunr(seed_project):
    site = seed_project / "site"
    if not (site / "pagefind" / "pagefind-entry.json").exists():
        result = mkdocs_build(seed_project)
        assert result.returncode == 0, result.stderr[-2000:]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(language["page_count"] for language in entry["languages"].values()) == len(_records(seed_project / "docs"))
    assert (site / "pagefind" / "pagefind.js").is_file() and (site / "search" / "index.html").is_file()
    assert not (site / "search" / "search_index.json").exists()
    assert not (site / paths.SEARCH_RECORDS).exists()  # the index's input is not published
    assert not list(seed_project.joinpath("docs").rglob("jieba*"))
