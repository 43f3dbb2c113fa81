"""The home briefing and the glossary page."""

from __future__ import annotations

import re
from collections import Counter

from gen.site import charts
from gen.understanding.glossary import GlossaryTerm, glossary, owners
from gen.site.indexes import figure_row, rel
from gen.models import Article, OutputFile
from gen.rendering import markup
from gen.rendering.jinja import render
from gen.site.evidence import evidence_pages
from gen.site.taxonomy import Passage, around, newest_first, theme_names
from gen.understanding.themes import Vocabulary
from gen import paths

LATEST = 10
HEADLINE_FIGURES = 8
GLOSSARY_LINKS = 8


def home_page(articles: list[Article], vocab: Vocabulary) -> list[OutputFile]:
    on_topic = [a for a in articles if a.on_topic and not a.duplicate_of]
    dates = sorted(a.meta.date for a in on_topic if a.meta.date)
    years = charts.year_range([d[:4] for d in dates])
    provinces = sorted({p.province for a in on_topic for p in a.regions if p.province})
    themes = [{"theme": t, "link": paths.theme(t.id), "count": sum(1 for a in on_topic if t.id in a.themes)}
              for t in vocab.themes]
    per_year = Counter((t, a.meta.date[:4]) for a in on_topic for t in a.themes)
    series = [(charts.Series(t.zh, t.en, t.color), [per_year[(t.id, y)] for y in years]) for t in vocab.themes]
    chart = charts.grouped_bars("各主题来源数（按年）Sources per theme per year", years, series)
    latest = [{"date": a.meta.date or "—", "title": a.meta.title, "link": a.page, "summary": a.meta.summary,
               "themes": theme_names(a, vocab)}
              for a in newest_first(on_topic)[:LATEST]]
    return [
        OutputFile(paths.HOME, render(
            "home.md.j2", total=len(articles), on_topic=len(on_topic), off_topic=len(articles) - len(on_topic),
            first=dates[0] if dates else "—", last=dates[-1] if dates else "—", provinces=provinces,
            themes=themes, theme_count_zh=_chinese_number(len(themes)), latest=latest, figures=headline_figures(on_topic),
            chart=chart, data={"figures": paths.FIGURES_CSV, "passages": paths.PASSAGES_CSV},
        )),
    ]


_DIGITS_ZH = "零一二三四五六七八九十"


def _chinese_number(n: int) -> str:
    """The count in Chinese numerals up to ten (cn2an is heavy to load for one word)."""
    return _DIGITS_ZH[n] if 0 <= n <= 10 else str(n)


def headline_figures(articles: list[Article]) -> list[dict]:
    """The largest yuan amounts reported, one per paragraph, newest sources first on ties."""
    rows = []
    for order, (article, paragraph) in enumerate((a, p) for a in newest_first(articles) for p in a.paragraphs):
        amounts = [f for f in paragraph.figures if f.unit == "CNY"]
        if amounts:
            top = max(amounts, key=lambda f: f.value)
            rows.append((-top.value, order, top, article, paragraph))
    rows.sort(key=lambda r: r[:2])
    return [figure_row(article, paragraph, top, f"{article.page}#{paragraph.anchor}")
            for _, _, top, article, paragraph in rows[:HEADLINE_FIGURES]]


def glossary_pages(articles: list[Article], site_url: str = "") -> list[OutputFile]:
    """Each term with the first passages that use it, and where the glossary cannot list them
    all, a page per term paging through every one: one scan of the corpus for all terms."""
    page = paths.GLOSSARY
    items = glossary()
    owner = owners()
    found: list[list[Passage]] = [[] for _ in items]
    spellings: dict[tuple[int, str, str], tuple[str, ...]] = {}  # (term, source, paragraph) -> spellings used
    for article in newest_first([a for a in articles if a.on_topic and not a.duplicate_of]):
        for paragraph in article.paragraphs:
            if paragraph.heading:
                continue
            used: dict[int, list[str]] = {}  # a paragraph using two spellings of one term is one passage
            for spelling in paragraph.glossary:
                if not items[owner[spelling]].subject:
                    used.setdefault(owner[spelling], []).append(spelling)
            for index, words in used.items():
                found[index].append(Passage(article, paragraph))
                spellings[(index, article.id, paragraph.anchor)] = tuple(words)
    files, entries = [], []
    slugs = iter(term_slugs([item for item, passages in zip(items, found) if len(passages) > GLOSSARY_LINKS]))
    for index, (item, passages) in enumerate(zip(items, found)):
        uses = [{"title": p.article.meta.title,
                 "quote": around(p.paragraph.text, spellings[(index, p.article.id, p.paragraph.anchor)][0]),
                 "link": rel(page, p.link)} for p in passages[:GLOSSARY_LINKS]]
        entry = {"item": item, "uses": uses, "more": len(passages) - len(uses), "count": len(passages), "all": ""}
        if entry["more"]:
            slug = next(slugs)
            pages = evidence_pages(
                passages, lambda n, s=slug: paths.glossary_term(s, n),
                lambda p, i=index: spellings[(i, p.article.id, p.paragraph.anchor)], site_url)
            entry["all"] = rel(page, pages[0].page)
            files += [OutputFile(ev.page, render(
                "evidence_page.md.j2", ev=ev, title=f"{item.term} · {item.en}", heading=f"{item.term} {item.en}",
                intro=item.explain, section="段落 Passages", back=rel(ev.page, page), back_label="术语 Glossary",
            )) for ev in pages]
        entries.append(entry)
    return [OutputFile(page, render("glossary.md.j2", entries=entries)), *files]


def term_slugs(items: list[GlossaryTerm]) -> list[str]:
    """ASCII names for term pages, from the terms' pinyin; a repeated reading gets -2, -3, ..."""
    from gen.rendering.pinyin import lazy_pinyin

    seen: dict[str, int] = {}
    out = []
    for item in items:
        base = re.sub(r"[^a-z0-9]+", "-", "-".join(lazy_pinyin(item.term)).lower()).strip("-") or "term"
        seen[base] = seen.get(base, 0) + 1
        out.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return out

