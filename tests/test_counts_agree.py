"""One count, one truth: every number a page states is computed from the list beside it,
and a source's themes are exactly the themes whose pages quote it."""

from __future__ import annotations

import json
import re

import pytest

from conftest import evidence_blocks, linked_source, page_chain
from gen import paths
from gen.understanding.themes import vocabulary


def _sources_linked(page: str, blocks) -> set[str]:
    return {linked_source(page, re.match(r'<a href="([^"]+)">', line).group(1)) for _, line, _ in blocks}


@pytest.mark.parametrize("project", ["seed_project", "paged_project", "thousand_project"])
def test_theme_pages_count_what_they_list(project, request):
    docs = request.getfixturevalue(project) / "docs"
    for theme in vocabulary().themes:
        chain = page_chain(docs, paths.theme(theme.id))
        first = (docs / chain[0]).read_text(encoding="utf-8")
        sources, passages = map(int, re.search(r"(\d+) 份来源、(\d+) 个段落", first).groups())
        blocks = {page: evidence_blocks((docs / page).read_text(encoding="utf-8").split("## 证据 Evidence", 1)[1])
                  for page in chain}
        assert sum(map(len, blocks.values())) == passages, theme.id
        assert len(set().union(*(_sources_linked(page, b) for page, b in blocks.items()))) == sources, theme.id
        years = first.split("## 时间分布 Sources over time", 1)[1].split("## ", 1)[0]
        assert sum(int(n) for n in re.findall(r"^\| \d{4} \| (\d+) \|$", years, re.M)) == sources, theme.id


@pytest.mark.parametrize("project", ["seed_project", "paged_project", "thousand_project"])
def test_province_pages_count_what_they_list(project, request):
    docs = request.getfixturevalue(project) / "docs"
    index = (docs / paths.REGION_INDEX).read_text(encoding="utf-8")
    for adcode in re.findall(r"\]\((\d{6})\.md\)", index):
        chain = page_chain(docs, paths.region(adcode))
        shown = sum(len(evidence_blocks((docs / page).read_text(encoding="utf-8"))) for page in chain)
        total = {int(m) for page in chain for m in re.findall(r"段，共 (\d+) 段。", (docs / page).read_text(encoding="utf-8"))}
        assert total == {shown}, adcode


@pytest.mark.parametrize("project", ["seed_project", "thousand_project"])
def test_a_source_is_tagged_with_exactly_the_themes_that_quote_it(project, request):
    seed_project = request.getfixturevalue(project)
    sources_data = json.loads((seed_project / "docs" / paths.SOURCES_JSON).read_text(encoding="utf-8"))
    quoted_by: dict[str, set[str]] = {}
    docs = seed_project / "docs"
    for theme in vocabulary().themes:
        for page in page_chain(docs, paths.theme(theme.id)):
            for source in _sources_linked(page, evidence_blocks((docs / page).read_text(encoding="utf-8"))):
                quoted_by.setdefault(source, set()).add(theme.id)
    for source in sources_data["sources"]:
        assert set(source["themes"]) == quoted_by.get(source["page"], set()), source["source_file"]
    home = (seed_project / "docs" / paths.HOME).read_text(encoding="utf-8")
    names = {t.id: f"{t.zh} {t.en}" for t in vocabulary().themes}
    for source in sources_data["sources"]:
        line = next((ln for ln in home.splitlines() if f"]({source['page']})" in ln), None)
        if line is not None:  # the home page lists the latest sources
            assert line.endswith(" · ".join(names[t] for t in source["themes"])), line


def test_the_glossary_lists_a_passage_once_per_term_and_none_for_the_subject(seed_project):
    page = (seed_project / "docs" / paths.GLOSSARY).read_text(encoding="utf-8")
    for section in page.split("\n## ")[1:]:
        links = re.findall(r"\]\(([^)]+#p-[0-9a-f]+[^)]*)\)", section)
        assert len(links) == len(set(links)), section.splitlines()[0]
    subject = next(s for s in page.split("\n## ")[1:] if s.startswith("政府采购 "))
    assert "#p-" not in subject and "另有" not in subject
