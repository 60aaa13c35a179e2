from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _today():
    """Every budget test runs on 20 November 2026, mid-morning in Italy."""
    with time_machine.travel(datetime(2026, 11, 20, 10, 30, tzinfo=ZoneInfo("Europe/Rome")), tick=True):
        yield TODAY
