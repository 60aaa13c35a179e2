"""What a monthly report shows, drawn from its frozen figures only (the page and the PDF alike)."""

from django.utils import translation

from reports import dashboard as board
from reports.models import MonthlyReport
from reports.svg import chart_svg


def in_sentence(label: str) -> str:
    """A month's name inside a sentence: lower case in Italian ("di ottobre 2026"), not in English."""
    return label.lower() if translation.get_language() == "it" else label


def report_context(report: MonthlyReport) -> dict:
    snapshot = report.figures
    month = report.period
    charts = [
        chart
        for chart in (board.enquiries_chart(snapshot), board.content_chart(snapshot), board.budget_chart(snapshot))
        if chart
    ]
    return {
        "report": report,
        "company": report.company,
        "month_label": board.month_label(month),
        "month_in_sentence": in_sentence(board.month_label(month)),
        "previous_label": board.month_label(month.previous),
        "year_before_label": board.month_label(month.year_before),
        "compared_months": [month, month.previous, month.year_before],
        "kpis": board.kpis(snapshot),
        "charts": [{"chart": chart, "svg": None if chart.empty else chart_svg(chart)} for chart in charts],
        "enquiries_by_channel": board.enquiries_by_channel(snapshot),
        "plan": board.plan_summary(snapshot),
        "other_sources": board.other_sources(snapshot),
    }
