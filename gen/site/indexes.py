"""The briefing pages (themes, regions, timeline, sources, others) as OutputFiles."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from operator import itemgetter
from typing import TYPE_CHECKING

from gen.site import charts
from gen.site.evidence import EvidencePage, evidence_pages, rel
from gen.site.search import is_record
from gen.models import Article, Figure, OutputFile, Paragraph
from gen.reading.kind import type_label
from gen.rendering import markup
from gen.rendering.jinja import render
from gen.site.taxonomy import (
    Passage, around, newest_first, region_passages, sentence_bounds, sentence_with, theme_names, theme_passages,
)
from gen.understanding.themes import Theme, Vocabulary
from gen import paths

if TYPE_CHECKING:
    from gen.site.parameters import ParameterTable

__all__ = ["rel"]  # other page builders link through this module

PER_PAGE = 50
MAX_FIGURES = 40


def province_page(province: str, places_index: dict[str, str]) -> str:
    return paths.region(places_index[province])


_UNIT_ORDER = {"CNY": 0, "%": 1}


class FigureRanks:
    """Every figure of the corpus ranked once: amounts (largest first), then shares, then
    counts, newest source first within each. A page then sorts only the integer positions
    of its own passages' figures, instead of re-ranking them (29 pages share one ranking)."""

    def __init__(self, articles: list[Article]):
        ranked, order = [], 0
        for article in newest_first(articles):
            if not article.on_topic or article.duplicate_of:
                continue
            for paragraph in article.paragraphs:
                for figure in paragraph.figures:
                    value = -figure.value if figure.unit == "CNY" else order
                    ranked.append(((_UNIT_ORDER.get(figure.unit, 2), value, order), article, paragraph, figure))
                order += 1
        ranked.sort(key=itemgetter(0))
        self.entries = [(article, paragraph, figure) for _, article, paragraph, figure in ranked]
        self.positions: dict[tuple[str, str], list[int]] = defaultdict(list)
        for position, (article, paragraph, _) in enumerate(self.entries):
            self.positions[(article.id, paragraph.anchor)].append(position)

    def of(self, passages: list[Passage]) -> Iterator[tuple[Passage, Figure]]:
        """The passages' figures, best first (a page reads only as many as it shows)."""
        found = self.positions.get
        positions = sorted(n for p in passages for n in found((p.article.id, p.paragraph.anchor), ()))
        for article, paragraph, figure in map(self.entries.__getitem__, positions):
            yield Passage(article, paragraph), figure


_INHERITED = {"passage": "段落所在地 from passage", "document": "文件所在地 from document"}
NATIONAL_LABEL = "全国 national"
PUBLISHED_LABEL = "发布日期 published"
_YEAR = re.compile(r"\d{4}")


def figure_where(figure: Figure) -> str:
    """The figure's place; marked when it is its passage's or document's, not its sentence's."""
    if not figure.places:
        return NATIONAL_LABEL
    names = "、".join(p.name for p in figure.places[:3]) + ("等" if len(figure.places) > 3 else "")
    return f"{names}（{_INHERITED[figure.place_from]}）" if figure.place_from in _INHERITED else names


def figure_when(figure: Figure, published: str) -> str:
    """The period its sentence gives (with the publication date when the period is relative
    to it: 今年, 近五年), else the publication date, marked as such."""
    if figure.period and _YEAR.search(figure.period):
        return figure.period
    dated = f"{published}（{PUBLISHED_LABEL}）" if published else "—"
    return f"{figure.period} · {dated}" if figure.period else dated


def figure_row(article: Article, paragraph: Paragraph, figure: Figure, link: str) -> dict:
    return {
        "value": figure.text,
        "what": figure.measure or around(paragraph.text, figure.text, at=figure.start),
        "where": figure_where(figure),
        "when": figure_when(figure, article.meta.date),
        "link": link,
        "original": markup.safe_url(article.meta.url),
    }


def figure_rows(
    ranks: FigureRanks, passages: list[Passage], page: str, theme: Theme | None = None, limit: int = MAX_FIGURES,
    province: str | None = None,
) -> list[dict]:
    """Amounts first (largest first), then shares, then counts; each figure once per source.

    On a theme page a figure counts only when its own sentence speaks of the theme (or its
    paragraph has no other theme): a paragraph on SMEs and green goods splits its figures.
    On a province page, only the figures that belong to a place in the province.
    """
    seen, rows = set(), []
    for passage, figure in ranks.of(passages):
        if len(rows) == limit:
            break
        key = (passage.article.id, figure.text)
        if key in seen:
            continue
        seen.add(key)
        if theme and not speaks_of(theme, passage.paragraph, figure.text):
            continue
        if province is not None and not any(p.province == province for p in figure.places):
            continue
        rows.append(figure_row(passage.article, passage.paragraph, figure, rel(page, passage.link)))
    return rows


def speaks_of(theme: Theme, paragraph: Paragraph, needle: str) -> bool:
    if len(paragraph.themes) == 1:
        return True
    sentence = sentence_with(paragraph.text, needle)
    return any(term.find(sentence) is not None for term in theme.terms)


def province_terms(province: str) -> Callable[[Passage], tuple[str, ...]]:
    """On a province page a quote carries the sentences that name the province's places, so a
    round-up paragraph is quoted there only for what it says of that province."""
    return lambda passage: tuple(dict.fromkeys(
        p.name for p in passage.paragraph.places if p.found_in == "text" and p.province == province))


def later_pages(pages: list[EvidencePage], title: str, heading: str, section: str, back_label: str) -> list[OutputFile]:
    """Pages 2+ of a page's passages: evidence only, each linking back to page 1."""
    return [OutputFile(ev.page, render(
        "evidence_page.md.j2", ev=ev, title=title, heading=heading, intro="", section=section,
        back=rel(ev.page, pages[0].page), back_label=back_label,
    )) for ev in pages[1:]]


def theme_pages(
    articles: list[Article], vocab: Vocabulary, places_index: dict[str, str], ranks: FigureRanks,
    parameters: ParameterTable | None = None, site_url: str = "",
) -> list[OutputFile]:
    """The theme pages (each with its later evidence pages) and their index."""
    by_theme = theme_passages(articles)
    years = charts.year_range([a.meta.date[:4] for a in articles if a.meta.date and a.on_topic])
    files = []
    summary = []
    for theme in vocab.themes:
        page = paths.theme(theme.id)
        passages = by_theme.get(theme.id, [])
        # counted from the very passages the page quotes, so the numbers agree with the evidence
        sources = list({p.article.id: p.article for p in passages}.values())
        provinces = Counter(p for passage in passages for p in {x.province for x in passage.paragraph.places if x.province})
        per_year = Counter(a.meta.date[:4] for a in sources if a.meta.date)
        summary.append({"theme": theme, "link": f"{theme.id}.md", "sources": len(sources), "passages": len(passages)})
        pages = evidence_pages(passages, lambda n, t=theme.id: paths.theme(t, n), lambda p, t=theme.id: p.terms_for(t),
                               site_url)
        files.append(OutputFile(page, render(
            "theme.md.j2",
            theme=theme,
            figures=figure_rows(ranks, passages, page, theme),
            regions=[{"name": name, "count": n, "link": rel(page, province_page(name, places_index))}
                     for name, n in sorted(provinces.items(), key=lambda kv: (-kv[1], kv[0]))],
            years=[{"year": y, "count": per_year.get(y, 0)} for y in years],
            ev=pages[0],
            source_count=len(sources),
            passage_count=len(passages),
            parameters=parameters.theme_links(theme.id, page) if parameters else [],
            feed=rel(page, paths.theme_feed(theme.id)),
        )))
        files += later_pages(pages, f"{theme.zh} · {theme.en}", f"{theme.zh} {theme.en}", "证据 Evidence",
                             "主题概览 Theme overview")
    files.append(OutputFile(paths.THEME_INDEX, render("theme_index.md.j2", themes=summary)))
    return files


def region_pages(
    articles: list[Article], vocab: Vocabulary, places_index: dict[str, str], ranks: FigureRanks,
    parameters: ParameterTable | None = None, site_url: str = "",
) -> list[OutputFile]:
    """A page per province (with its later evidence pages), their index and the heat map."""
    by_province = region_passages(articles)
    rows = []
    files = []
    for province in sorted(by_province, key=lambda p: places_index[p]):
        passages = by_province[province]
        page = province_page(province, places_index)
        # the passages the search's `named` filter holds, so a cell's count is its link's list
        tally = Counter(t for p in passages if is_record(p.article, p.paragraph) for t in p.paragraph.theme_ids)
        counts = [tally.get(theme.id, 0) for theme in vocab.themes]
        rows.append({"name": province, "href": paths.href(paths.REGION_INDEX, page), "counts": counts,
                     "passages": len(passages), "adcode": places_index[province]})
        adcode = places_index[province]
        pages = evidence_pages(passages, lambda n, a=adcode: paths.region(a, n), province_terms(province), site_url)
        places = Counter(x.name for p in passages for x in p.paragraph.places if x.province == province and x.name != province)
        files.append(OutputFile(page, render(
            "region.md.j2",
            province=province,
            adcode=places_index[province],
            places=[{"name": n, "count": c} for n, c in sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))],
            themes=[{"theme": t, "count": c, "link": rel(page, paths.theme(t.id)), "anchor": t.id,
                     "passages": rel(page, paths.filtered_passages(province, t.id))}
                    for t, c in zip(vocab.themes, counts) if c],
            figures=figure_rows(ranks, passages, page, province=province),
            ev=pages[0],
            parameters=parameters.province_rows(places_index[province], page) if parameters else [],
        )))
        files += later_pages(pages, province, province, "段落 Passages", "省份概览 Province overview")
    top = sorted(rows, key=lambda r: (-r["passages"], r["adcode"]))[:24]
    chart = charts.heatmap(
        "主题 × 省份（段落数）Themes by province (passages)",
        [r["name"] for r in top],
        [charts.Series(t.zh, t.en, t.color) for t in vocab.themes],
        [[(count, paths.href(paths.REGION_INDEX, paths.filtered_passages(r["name"], t.id)))
          for t, count in zip(vocab.themes, r["counts"], strict=True)] for r in top],
    )
    rows.sort(key=lambda r: (-r["passages"], r["adcode"]))
    files.append(OutputFile(paths.REGION_INDEX, render("region_index.md.j2", rows=rows, themes=vocab.themes, chart=chart)))
    return files


def timeline_page(articles: list[Article], vocab: Vocabulary) -> OutputFile:
    months: dict[str, list[dict]] = defaultdict(list)
    for article in newest_first([a for a in articles if not a.duplicate_of]):
        key = article.meta.date[:7] if article.meta.date else "未注明日期 Undated"
        months[key].append({
            "date": article.meta.date or "—", "title": article.meta.title,
            "link": rel(paths.TIMELINE, article.page),
            "themes": theme_names(article, vocab), "on_topic": article.on_topic,
        })
    years: dict[str, list[tuple[str, list[dict]]]] = defaultdict(list)
    for month, items in months.items():
        years[month[:4] if month[:4].isdigit() else month].append((month, items))
    return OutputFile(paths.TIMELINE, render("timeline.md.j2", years=sorted(years.items(), reverse=True)))


def source_index_pages(articles: list[Article], vocab: Vocabulary) -> list[OutputFile]:
    ordered = newest_first([a for a in articles if not a.duplicate_of])
    chunks = [ordered[i:i + PER_PAGE] for i in range(0, len(ordered), PER_PAGE)] or [[]]
    files = []
    for number, chunk in enumerate(chunks, start=1):
        page = paths.source_list(number)
        pages = [{"number": n, "link": rel(page, paths.source_list(n)),
                  "current": n == number} for n in range(1, len(chunks) + 1)]
        files.append(OutputFile(page, render(
            "source_index.md.j2", number=number, total=len(ordered), pages=pages,
            others=rel(page, paths.OTHERS),
            rows=[{"date": a.meta.date or "—", "title": a.meta.title, "link": rel(page, a.page),
                   "publisher": a.meta.publisher or "—", "type": type_label(a.meta.doc_type) or "—",
                   "themes": theme_names(a, vocab) or ("—" if a.on_topic else "非主题 off-topic")}
                  for a in chunk],
        )))
    return files


def others_page(articles: list[Article]) -> OutputFile:
    rows = [{"date": a.meta.date or "—", "title": a.meta.title, "link": rel(paths.OTHERS, a.page),
             "publisher": a.meta.publisher or "—",
             "reason": f"重复来源，见左侧链接 duplicate of the linked page ({a.document.source_file})" if a.duplicate_of
             else "与政府采购无关 not about procurement"}
            for a in newest_first(articles) if not a.on_topic or a.duplicate_of]
    return OutputFile(paths.OTHERS, render("others.md.j2", rows=rows))
