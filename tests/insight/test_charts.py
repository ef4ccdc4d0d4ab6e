"""The charts are drawn by a template: what staff typed is escaped by the template engine,
and each number is a bar with its own title for screen readers."""

from apps.insight.charts import bar_chart


def test_a_chart_has_a_bar_per_value_a_legend_and_escaped_text():
    svg = bar_chart(
        chart_id="demand",
        title="Demand <by> industry",
        description="Requests & supply",
        labels=["Arts <script>", "Law"],
        series=[("Requests", [4, 0]), ("Professionals", [2, 8])],
    ).svg
    assert svg.startswith('<svg role="img" aria-labelledby="demand-title demand-desc"')
    assert '<title id="demand-title">Demand &lt;by&gt; industry</title>' in svg
    assert "Arts &lt;script&gt;" in svg and "<script>" not in svg
    assert svg.count("<rect") == 4 + 2  # four bars, two legend keys
    assert "<title>Professionals: 8</title>" in svg
    assert 'width="1.0"' in svg  # a zero still shows as a sliver
