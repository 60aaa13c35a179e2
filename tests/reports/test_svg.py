"""Server-rendered SVG charts: values as text, labels escaped, no script."""

from reports.svg import horizontal_bars, stacked_columns

CONFIG = {
    "labels": ["<b>Blog</b>", "Inserzioni Meta (Facebook/Instagram)"],
    "datasets": [
        {"label": "Previsti", "data": [3, 5], "color": "#a3cfbb"},
        {"label": "Pubblicati", "data": [2, 0], "color": "#0b6e4f"},
    ],
    "format": "count",
}


def test_horizontal_bars_carry_values_and_escaped_labels():
    svg = str(horizontal_bars(CONFIG, "Contenuti"))
    assert svg.startswith("<svg")
    assert "&lt;b&gt;Blog&lt;/b&gt;" in svg
    assert "<b>" not in svg
    assert "Inserzioni Meta (Facebo…" in svg  # long labels are shortened, not cut mid-air
    assert ">5</text>" in svg
    assert "<title>Contenuti</title>" in svg


def test_stacked_columns_show_each_total_and_survive_an_all_zero_series():
    svg = str(stacked_columns({**CONFIG, "datasets": [{**d, "data": [0, 0]} for d in CONFIG["datasets"]]}, "Vuoto"))
    assert svg.count(">0</text>") == 2
    assert "<script" not in svg
