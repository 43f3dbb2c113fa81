"""docs/data/figures.csv and docs/data/passages.csv: the figures and passages the pages
show, as tables to download. Rows in a fixed order (figures ranked as on the pages,
passages newest source first), so the same sources give the same bytes."""

from __future__ import annotations

import csv
import io

from gen import paths
from gen.models import Article, OutputFile
from gen.rendering import markup
from gen.site.indexes import FigureRanks
from gen.site.parameter_export import spreadsheet_text
from gen.site.taxonomy import around, newest_first

FIGURE_COLUMNS = ("source_id", "source_page", "anchor", "date", "figure", "value", "upper", "unit", "qualifier",
                  "measure", "period", "places", "place_from", "context", "source_url")
PASSAGE_COLUMNS = ("source_id", "source_page", "anchor", "date", "title", "themes", "provinces", "places", "text",
                   "source_url")


def _table(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(spreadsheet_text(row) for row in rows)
    return buffer.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)


def figure_rows(ranks: FigureRanks) -> list[list[str]]:
    rows = []
    for article, paragraph, figure in ranks.entries:
        rows.append([
            article.id, paths.url(article.page), paragraph.anchor, article.meta.date, figure.text, _number(figure.value),
            _number(figure.upper), figure.unit, figure.qualifier, figure.measure, figure.period,
            ";".join(p.name for p in figure.places), figure.place_from,
            around(paragraph.text, figure.text, at=figure.start), markup.safe_url(article.meta.url),
        ])
    return rows


def passage_rows(articles: list[Article]) -> list[list[str]]:
    """Every body paragraph of a shown on-topic source that has a theme or names a place:
    the passages the theme and region pages quote, whole."""
    rows = []
    for article in newest_first(articles):
        if not article.on_topic or article.duplicate_of:
            continue
        for paragraph in article.paragraphs:
            if paragraph.heading or not (paragraph.themes or paragraph.places):
                continue
            rows.append([
                article.id, paths.url(article.page), paragraph.anchor, article.meta.date, article.meta.title,
                ";".join(paragraph.theme_ids), ";".join(dict.fromkeys(p.province for p in paragraph.places if p.province)),
                ";".join(dict.fromkeys(p.name for p in paragraph.places)), paragraph.text, markup.safe_url(article.meta.url),
            ])
    return rows


def table_files(articles: list[Article], ranks: FigureRanks) -> list[OutputFile]:
    return [
        OutputFile(paths.FIGURES_CSV, _table(FIGURE_COLUMNS, figure_rows(ranks))),
        OutputFile(paths.PASSAGES_CSV, _table(PASSAGE_COLUMNS, passage_rows(articles))),
    ]
