"""SLA clocks in business hours. PLACEHOLDER until the SLA work lands: replace entirely."""

from datetime import datetime, timedelta

FIRST_RESPONSE_HOURS = 4


def first_response_due(company, received_at: datetime) -> datetime:
    return received_at + timedelta(hours=FIRST_RESPONSE_HOURS)
