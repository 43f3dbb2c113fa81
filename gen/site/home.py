"""The home briefing and the glossary page."""

from __future__ import annotations

from collections import Counter

from gen.site import charts
from gen.understanding.glossary import glossary, owners
from gen.site.indexes import figure_row, rel
from gen.models import Article, OutputFile
from gen.rendering import markup
from gen.rendering.jinja import render
from gen.site.taxonomy import around, newest_first, theme_names
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


def glossary_page(articles: list[Article]) -> OutputFile:
    """Each term with the passages that use it: one scan of the corpus for all terms."""
    page = paths.GLOSSARY
    items = glossary()
    owner = owners()
    uses: list[list[dict]] = [[] for _ in items]
    counts = [0] * len(items)
    for article in newest_first([a for a in articles if a.on_topic and not a.duplicate_of]):
        for paragraph in article.paragraphs:
            if paragraph.heading:
                continue
            listed: set[int] = set()  # a paragraph using two spellings of one term is one passage
            for found in paragraph.glossary:
                index = owner[found]
                if index in listed or items[index].subject:
                    continue
                listed.add(index)
                counts[index] += 1
                if len(uses[index]) < GLOSSARY_LINKS:
                    uses[index].append({"title": article.meta.title, "quote": around(paragraph.text, found),
                                        "link": rel(page, f"{article.page}#{paragraph.anchor}")})
    entries = [{"item": item, "uses": uses[i], "more": max(0, counts[i] - len(uses[i]))} for i, item in enumerate(items)]
    return OutputFile(page, render("glossary.md.j2", entries=entries))
