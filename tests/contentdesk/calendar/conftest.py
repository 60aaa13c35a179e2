from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory, ContentItemFactory

ROME = ZoneInfo("Europe/Rome")
TODAY = date(2026, 5, 13)  # a Wednesday


@pytest.fixture(autouse=True)
def _now():
    """Every calendar test runs on Wednesday 13 May 2026, mid-morning in Italy."""
    with time_machine.travel(datetime(2026, 5, 13, 10, 30, tzinfo=ROME), tick=False):
        yield TODAY


def rome(*args) -> datetime:
    return datetime(*args, tzinfo=ROME)


@pytest.fixture
def linkedin(company):
    return ContentChannelFactory(company=company, kind="linkedin", name="LinkedIn")


@pytest.fixture
def newsletter(company):
    return ContentChannelFactory(company=company, kind="newsletter", name="Newsletter")


@pytest.fixture
def planned(company, linkedin, digital_manager):
    """A LinkedIn post planned for Thursday 21 May at 10:00."""
    return ContentItemFactory(
        company=company,
        channel=linkedin,
        author=digital_manager,
        title="Valvole a sfera: la guida alla scelta",
        status="scheduled",
        scheduled_at=rome(2026, 5, 21, 10, 0),
    )


@pytest.fixture
def linkedin_cadence(company, linkedin):
    return CadenceFactory(
        company=company,
        channel=linkedin,
        rule="FREQ=WEEKLY;BYDAY=TU,TH",
        time_of_day="10:00",
        starts_on=date(2026, 1, 1),
    )
