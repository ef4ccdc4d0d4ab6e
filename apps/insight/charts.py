"""Accessible SVG charts drawn on the server: a title and a description for screen readers,
no script, no external request. Each chart on the page is followed by a table of the same
numbers (in the template)."""

from dataclasses import dataclass
from html import escape

BAR_COLOURS = ["#1f5fa8", "#b35c00"]  # contrast of at least 4.5:1 on white


@dataclass
class Chart:
    svg: str


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: list[str],
    series: list[tuple[str, list[int]]],
    width: int = 640,
) -> Chart:
    """Horizontal bars: one row per label, one bar per series."""
    row_height = 14 * len(series) + 10
    left = 190
    top = 10
    height = top + row_height * len(labels) + 30
    peak = max([v for _, values in series for v in values] + [1])
    scale = (width - left - 60) / peak
    parts = [
        f'<svg role="img" aria-labelledby="{chart_id}-title {chart_id}-desc" viewBox="0 0 {width} {height}" '
        f'width="100%" class="chart" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for row, label in enumerate(labels):
        y = top + row * row_height
        parts.append(
            f'<text x="{left - 8}" y="{y + row_height / 2 + 4}" text-anchor="end" font-size="12" '
            f'fill="#212529">{escape(label[:28])}</text>'
        )
        for index, (name, values) in enumerate(series):
            value = values[row]
            bar_y = y + 4 + index * 14
            parts.append(
                f'<rect x="{left}" y="{bar_y}" width="{max(value * scale, 1):.1f}" height="12" '
                f'fill="{BAR_COLOURS[index % len(BAR_COLOURS)]}"><title>{escape(name)}: {value}</title></rect>'
            )
            parts.append(
                f'<text x="{left + value * scale + 4:.1f}" y="{bar_y + 10}" font-size="11" fill="#212529">{value}</text>'
            )
    legend_y = height - 12
    for index, (name, _values) in enumerate(series):
        x = left + index * 170
        parts.append(
            f'<rect x="{x}" y="{legend_y - 9}" width="10" height="10" fill="{BAR_COLOURS[index % len(BAR_COLOURS)]}"/>'
        )
        parts.append(
            f'<text x="{x + 14}" y="{legend_y}" font-size="12" fill="#212529">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return Chart(svg="".join(parts))
