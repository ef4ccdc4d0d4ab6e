"""Accessible SVG charts drawn on the server: a title and a description for screen readers,
no script, no external request. Each chart on the page is followed by a table of the same
numbers (in the template).

This module works out the geometry; ``insight/_bar_chart.svg`` writes the markup, so the
template engine does the escaping."""

from dataclasses import dataclass, field

from django.template.loader import render_to_string

BAR_COLOURS = ["#1f5fa8", "#b35c00"]  # contrast of at least 4.5:1 on white
LABEL_CHARACTERS = 28


@dataclass
class Bar:
    name: str
    value: int
    x: int
    y: float
    width: str
    colour: str
    value_x: str


@dataclass
class Row:
    label: str
    label_y: float
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    chart_id: str
    title: str
    description: str
    width: int
    height: int
    left: int
    rows: list[Row]
    legend: list[tuple[int, str, str]]  # (x, colour, name)
    legend_y: int

    @property
    def svg(self) -> str:
        return render_to_string("insight/_bar_chart.svg", {"chart": self})


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
    rows = []
    for number, label in enumerate(labels):
        y = top + number * row_height
        row = Row(label=label[:LABEL_CHARACTERS], label_y=y + row_height / 2 + 4)
        for index, (name, values) in enumerate(series):
            value = values[number]
            row.bars.append(
                Bar(
                    name=name,
                    value=value,
                    x=left,
                    y=y + 4 + index * 14,
                    width=f"{max(value * scale, 1):.1f}",
                    colour=BAR_COLOURS[index % len(BAR_COLOURS)],
                    value_x=f"{left + value * scale + 4:.1f}",
                )
            )
        rows.append(row)
    legend = [
        (left + index * 170, BAR_COLOURS[index % len(BAR_COLOURS)], name)
        for index, (name, _values) in enumerate(series)
    ]
    return Chart(
        chart_id=chart_id,
        title=title,
        description=description,
        width=width,
        height=height,
        left=left,
        rows=rows,
        legend=legend,
        legend_y=height - 12,
    )
