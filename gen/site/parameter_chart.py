"""A parameter's values over time, drawn at build time (SVG, no script): a dot per fact,
a bar from low to high for a range; each mark's tooltip names the place and date. Inline in
the page like the other charts (gen/site/charts.py)."""

from __future__ import annotations

from gen.site.charts import chart_block, svg_open
from gen.site.charts import text as escape

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 240, 64, 16, 36, 36
COLOUR = "#D55E00"  # vermillion (Okabe–Ito): clear on the light and the dark background


def _year(date: str) -> float:
    """2024 -> 2024.5 (a year-only date sits mid-year); 2024-07 -> 2024.54."""
    year = int(date[:4])
    if len(date) >= 7:
        return year + (int(date[5:7]) - 0.5) / 12
    return year + 0.5


def values_over_time(title: str, unit_label: str, points: list[tuple[str, float, float | None, str]],
                     links: list[str] | None = None) -> str:
    """points: (date, low, high or None, label); links: for each point, the URL of the
    paragraph that states it (the mark becomes a link to it)."""
    first = min(int(d[:4]) for d, *_ in points)
    last = max(int(d[:4]) for d, *_ in points) + 1
    peak = max(max(low, high or low) for _, low, high, _ in points) or 1
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(date: str) -> float:
        return LEFT + plot_w * (_year(date) - first) / (last - first)

    def y(value: float) -> float:
        return TOP + plot_h - plot_h * value / (peak * 1.1)

    parts = [
        svg_open(WIDTH, HEIGHT, title),
        f'<text x="12" y="{TOP + plot_h / 2:.0f}" font-size="11" transform="rotate(-90 12 {TOP + plot_h / 2:.0f})" '
        f'text-anchor="middle">{escape(unit_label)}</text>',
    ]
    for step in range(5):
        value = peak * 1.1 * step / 4
        parts.append(f'<line x1="{LEFT}" y1="{y(value):.1f}" x2="{WIDTH - RIGHT}" y2="{y(value):.1f}" stroke="#ddd" class="chart-grid"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11">{_tick(value)}</text>')
    for year in range(first, last + 1):
        left = LEFT + plot_w * (year - first) / (last - first)
        parts.append(f'<line x1="{left:.1f}" y1="{TOP}" x2="{left:.1f}" y2="{TOP + plot_h}" stroke="#eee" class="chart-grid"/>')
        if year < last:
            parts.append(f'<text x="{left + plot_w / (last - first) / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                         f'text-anchor="middle" font-size="12">{year}</text>')
    for index, (date, low, high, label) in enumerate(points):
        tip = f"<title>{escape(label)}</title>"
        if high is not None:
            mark = (f'<line x1="{x(date):.1f}" y1="{y(low):.1f}" x2="{x(date):.1f}" y2="{y(high):.1f}" '
                    f'stroke="{COLOUR}" stroke-width="6" stroke-opacity="0.6" stroke-linecap="round">{tip}</line>')
        else:
            mark = f'<circle cx="{x(date):.1f}" cy="{y(low):.1f}" r="5" fill="{COLOUR}" fill-opacity="0.7">{tip}</circle>'
        # xlink:href for the reason given in charts.heatmap
        parts.append(f'<a xlink:href="{escape(links[index])}">{mark}</a>' if links else mark)
    parts.append("</svg>")
    return chart_block(parts)


def _tick(value: float) -> str:
    if value >= 100_000_000:
        return f"{value / 100_000_000:.3g}亿"
    if value >= 10_000:
        return f"{value / 10_000:.3g}万"
    return f"{value:.3g}"
