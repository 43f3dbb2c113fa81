"""Build-time SVG charts: readable offline, no script, no library at view time."""

from __future__ import annotations

from html import escape


def grouped_bars(title: str, groups: list[str], series: list[tuple[str, str, list[int]]]) -> str:
    """Bars per group (e.g. year), one bar per series (theme: label, colour, values)."""
    width, height, left, bottom, top = 720, 300, 40, 40, 40
    peak = max([v for _, _, values in series for v in values] + [1])
    plot_w, plot_h = width - left - 10, height - top - bottom
    slot = plot_w / max(1, len(groups))
    bar = max(2.0, (slot - 12) / max(1, len(series)))
    parts = [_header(width, height, title)]
    for tick in range(0, peak + 1, max(1, peak // 4)):
        y = top + plot_h - plot_h * tick / peak
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11">{tick}</text>')
    for gi, group in enumerate(groups):
        x0 = left + gi * slot + 6
        for si, (label, colour, values) in enumerate(series):
            value = values[gi]
            h = plot_h * value / peak
            x = x0 + si * bar
            parts.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{bar - 1:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(label)} {escape(group)}: {value}</title></rect>"
            )
        parts.append(
            f'<text x="{x0 + slot / 2 - 6:.1f}" y="{height - bottom + 16}" text-anchor="middle" font-size="12">{escape(group)}</text>'
        )
    parts.append(_legend([(label, colour) for label, colour, _ in series], left, height - 12))
    return "\n".join(parts) + "\n</svg>\n"


def heatmap(title: str, rows: list[str], columns: list[tuple[str, str]], cells: list[list[int]]) -> str:
    """Rows (provinces) x columns (themes: label, colour); shade by count."""
    cell_w, cell_h, left, top = 92, 22, 130, 56
    width, height = left + cell_w * len(columns) + 10, top + cell_h * len(rows) + 10
    peak = max([v for row in cells for v in row] + [1])
    parts = [_header(width, height, title)]
    for ci, (label, _) in enumerate(columns):
        x = left + ci * cell_w + cell_w / 2
        parts.append(f'<text x="{x:.1f}" y="{top - 8}" text-anchor="middle" font-size="12">{escape(label)}</text>')
    for ri, row in enumerate(rows):
        y = top + ri * cell_h
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" font-size="12">{escape(row)}</text>')
        for ci, (label, colour) in enumerate(columns):
            value = cells[ri][ci]
            opacity = 0.08 + 0.92 * value / peak if value else 0.0
            parts.append(
                f'<rect x="{left + ci * cell_w}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{colour}" fill-opacity="{opacity:.2f}" stroke="#eee"><title>{escape(row)} · {escape(label)}: {value}</title></rect>'
            )
            if value:
                parts.append(
                    f'<text x="{left + ci * cell_w + cell_w / 2 - 1:.1f}" y="{y + 15}" text-anchor="middle" font-size="11">{value}</text>'
                )
    return "\n".join(parts) + "\n</svg>\n"


def _header(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="img" aria-label="{escape(title)}" font-family="sans-serif">\n'
        f'<rect width="100%" height="100%" fill="#fff"/>\n'
        f'<text x="{width / 2:.0f}" y="22" text-anchor="middle" font-size="15" font-weight="bold">{escape(title)}</text>'
    )


def _legend(items: list[tuple[str, str]], x: int, y: int) -> str:
    parts, offset = [], x
    for label, colour in items:
        parts.append(f'<rect x="{offset}" y="{y - 10}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{offset + 14}" y="{y}" font-size="11">{escape(label)}</text>')
        offset += 16 + 12 * len(label)
    return "\n".join(parts)
