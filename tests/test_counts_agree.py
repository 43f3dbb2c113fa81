"""One count, one truth: every number a page states is computed from the list beside it,
and a source's themes are exactly the themes whose pages quote it."""

from __future__ import annotations

import re

from gen import paths
from gen.understanding.themes import vocabulary


def _theme_page(seed_project, theme_id: str) -> str:
    return (seed_project / "docs" / paths.theme(theme_id)).read_text(encoding="utf-8")


def test_theme_pages_count_what_they_list(seed_project):
    for theme in vocabulary().themes:
        page = _theme_page(seed_project, theme.id)
        sources, passages = map(int, re.search(r"(\d+) 份来源、(\d+) 个段落", page).groups())
        evidence = page.split("## 证据 Evidence", 1)[1]
        assert evidence.count("\n### [") == sources, theme.id
        assert evidence.count("[→ 段落 paragraph]") == passages, theme.id
        years = page.split("## 时间分布 Sources over time", 1)[1].split("## ", 1)[0]
        assert sum(int(n) for n in re.findall(r"^\| \d{4} \| (\d+) \|$", years, re.M)) == sources, theme.id


def test_a_source_is_tagged_with_exactly_the_themes_that_quote_it(seed_project, sources_data):
    quoted_by: dict[str, set[str]] = {}
    for theme in vocabulary().themes:
        for page in re.findall(r"\]\(\.\./(sources/[^)#]+\.md)\)", _theme_page(seed_project, theme.id)):
            quoted_by.setdefault(page, set()).add(theme.id)
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
