"""Build-time SVG charts, inline in the page: no script, no library at view time.

Each chart is one `<div class="chart">` holding an SVG and an HTML legend, written into the
Markdown as a raw HTML block. Every label is HTML-escaped here; colours are a theme's hex
colour (checked) or CSS classes, so the background, text and grid follow Material's light
and dark palettes (docs/assets/briefing.css, section "Charts"). Inline, each mark's <title>
is a tooltip and each heat-map cell is a link, which an SVG shown as an image cannot be.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# characters XML forbids: an inline SVG holding one is not well formed
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# a blank line would end the raw HTML block and hand the rest of the chart to Markdown
_LINE_BREAKS = re.compile("[\r\n\x85\u2028\u2029]+")
FALLBACK_COLOUR = "#777777"


@dataclass(frozen=True)
class Series:
    """One theme in a chart: its bilingual label and colour."""

    zh: str
    en: str
    colour: str

    @property
    def label(self) -> str:
        return f"{self.zh} {self.en}"


def text(value: str) -> str:
    """A label as SVG or HTML text: escaped, on one line, without the characters XML does not allow."""
    return escape(_LINE_BREAKS.sub(" ", _NOT_XML.sub("", value)))


def safe_colour(colour: str) -> str:
    """A colour goes into an attribute: only a plain hex colour passes."""
    return colour if _HEX_COLOUR.match(colour or "") else FALLBACK_COLOUR


def year_range(years: list[str]) -> list[str]:
    """Every year from the first to the last, those without sources included, so the axis
    is evenly spaced in time."""
    numbers = sorted(int(y) for y in years if y.isdigit())
    return [str(y) for y in range(numbers[0], numbers[-1] + 1)] if numbers else []


def grouped_bars(title: str, groups: list[str], series: list[tuple[Series, list[int]]]) -> str:
    """Bars per group (a year), one bar per series (a theme and its count per group)."""
    width, height, left, bottom, top, right = 720, 280, 44, 32, 36, 10
    peak = max([v for _, values in series for v in values] + [1])
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(1, len(groups))
    bar = max(2.0, (slot - 12) / max(1, len(series)))
    parts = [svg_open(width, height, title)]
    step = max(1, -(-peak // 4))
    scale = -(-peak // step) * step  # the top gridline: the first whole step at or above the peak
    for tick in range(0, scale + 1, step):
        y = top + plot_h - plot_h * tick / scale
        parts.append(f'<line class="chart-grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12">{tick}</text>')
    for gi, group in enumerate(groups):
        x0 = left + gi * slot + 6
        for si, (theme, values) in enumerate(series):
            value = values[gi]
            h = plot_h * value / scale
            parts.append(
                f'<rect x="{x0 + si * bar:.1f}" y="{top + plot_h - h:.1f}" width="{bar - 1:.1f}" height="{h:.1f}" '
                f'fill="{safe_colour(theme.colour)}"><title>{text(theme.label)} · {text(group)}: {value}</title></rect>'
            )
        parts.append(
            f'<text x="{x0 + slot / 2 - 6:.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="13">{text(group)}</text>'
        )
    parts.append("</svg>")
    return chart_block(parts, [theme for theme, _ in series])


def heatmap(title: str, rows: list[str], columns: list[Series], cells: list[list[tuple[int, str]]]) -> str:
    """Rows (provinces) x columns (themes), shaded by count; `cells[row][column]` is the
    count and the link to those passages: every non-empty cell is a link."""
    cell_w, cell_h, left, top = 112, 24, 110, 74
    width, height = left + cell_w * len(columns) + 10, top + cell_h * len(rows) + 10
    peak = max([count for row in cells for count, _ in row] + [1])
    parts = [svg_open(width, height, title)]
    for ci, theme in enumerate(columns):
        x = left + ci * cell_w + cell_w / 2
        parts.append(f'<text x="{x:.1f}" y="{top - 24}" text-anchor="middle" font-size="13">{text(theme.zh)}</text>')
        parts.append(f'<text x="{x:.1f}" y="{top - 8}" text-anchor="middle" font-size="11">{text(theme.en)}</text>')
    for ri, row in enumerate(rows):
        y = top + ri * cell_h
        parts.append(f'<text x="{left - 6}" y="{y + 16}" text-anchor="end" font-size="13">{text(row)}</text>')
        for ci, theme in enumerate(columns):
            value, link = cells[ri][ci]
            opacity = 0.15 + 0.7 * value / peak if value else 0.0
            cell = (
                f'<rect class="chart-cell" x="{left + ci * cell_w}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{safe_colour(theme.colour)}" fill-opacity="{opacity:.2f}" stroke="#eee">'
                f"<title>{text(row)} · {text(theme.label)}: {value}</title></rect>"
            )
            if not value:
                parts.append(cell)
                continue
            number = (f'<text class="chart-value" x="{left + ci * cell_w + cell_w / 2 - 1:.1f}" y="{y + 16}" '
                      f'text-anchor="middle" font-size="12">{value}</text>')
            # xlink:href, not href: Material's instant navigation reassigns every element's `href`,
            # which an SVG link only has as a read-only property (a console error per page load)
            parts.append(f'<a xlink:href="{text(link)}">{cell}{number}</a>')
    parts.append("</svg>")
    return chart_block(parts, columns)


def svg_open(width: int, height: int, title: str) -> str:
    # the fills are fallbacks for a reader without the site's CSS; the CSS follows the palette
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 {width} {height}" '
        f'aria-label="{text(title)}" font-family="sans-serif">\n'
        f'<rect class="chart-bg" width="100%" height="100%" fill="#fff"/>\n'
        f'<text class="chart-title" x="{width / 2:.0f}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
        f"{text(title)}</text>"
    )


def chart_block(svg_parts: list[str], legend: Sequence[Series] = ()) -> str:
    """The chart block: the SVG, then a legend in HTML, which wraps on a narrow screen."""
    items = "".join(
        f'<li><span class="chart-swatch" style="background:{safe_colour(s.colour)}"></span>{text(s.label)}</li>'
        for s in legend
    )
    legend_html = f'<ul class="chart-legend">{items}</ul>\n' if legend else ""
    return '<div class="chart" data-search-exclude>\n' + "\n".join(svg_parts) + "\n" + legend_html + "</div>\n"
