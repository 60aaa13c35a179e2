"""The morning digest: once a day per digital manager and company, from 07:00 local time."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from contentdesk.models import ContentItem
from digests.models import Dispatch
from digests.morning import morning_digests_send
from digests.tasks import morning_digests
from engagements.budgets.models import Spend
from engagements.models import JobRun
from engagements.roles import Role
from tests.budgets.factories import SpendFactory
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory, ContentItemFactory
from tests.digests.conftest import NOW, ROME
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.factories import ConversationFactory
from tests.inbox.mail.conftest import html_of, text_of

NEW_YORK = ZoneInfo("America/New_York")


def _work(company, digital_manager):
    ConversationFactory(
        company=company,
        subject="Preventivo flange inox",
        created_at=NOW - timedelta(hours=20),
        first_response_due_at=NOW + timedelta(hours=2),
    )
    linkedin = ContentChannelFactory(company=company, name="LinkedIn aziendale")
    ContentItemFactory(
        company=company,
        channel=linkedin,
        title="Post sulla fiera",
        status=ContentItem.Status.APPROVED,
        scheduled_at=NOW - timedelta(days=2),
    )
    ContentItemFactory(company=company, channel=linkedin, title="Post di oggi", scheduled_at=NOW + timedelta(hours=6))
    CadenceFactory(company=company, channel=linkedin, rule="FREQ=WEEKLY;BYDAY=TU", time_of_day="10:00")
    SpendFactory(
        company=company,
        note="Campagna Google di novembre",
        amount=Decimal("450.00"),
        status=Spend.Status.PENDING,
        recorded_by=digital_manager,
    )


def test_digest_lists_what_is_waiting_in_italian_with_links(db, company, digital_manager, smtp, settings):
    _work(company, digital_manager)
    assert morning_digests_send(NOW) == 1
    message = smtp.only()
    assert message["To"] == digital_manager.email
    assert "Officine Test" in message["Subject"]
    assert "venerdì 20 novembre" in message["Subject"]
    text = text_of(message)
    assert "Buongiorno" in text
    assert "Preventivo flange inox" in text
    assert f"{settings.SITE_URL}/c/{company.slug}/inbox/" in text
    assert "Post sulla fiera" in text
    assert "IN RITARDO, previsto per il 18/11/2026" in text
    assert "Post di oggi" in text
    assert "martedì 24, 10:00 · LinkedIn aziendale" in text  # the empty Tuesday slot
    assert "Campagna Google di novembre" in text
    assert "450,00" in text
    assert f"{settings.SITE_URL}/c/{company.slug}/today/" in text
    assert "Preventivo flange inox" in html_of(message)


def test_running_twice_sends_one_digest(db, company, digital_manager, smtp):
    _work(company, digital_manager)
    assert morning_digests_send(NOW) == 1
    assert morning_digests_send(NOW + timedelta(minutes=15)) == 0
    assert morning_digests() == 0
    assert len(smtp.messages) == 1
    assert Dispatch.objects.get().outcome == Dispatch.Outcome.SENT
    assert JobRun.objects.get(name="morning_digests").run_count == 1


def test_the_next_day_brings_a_new_digest(db, company, digital_manager, smtp):
    _work(company, digital_manager)
    morning_digests_send(NOW)
    assert morning_digests_send(NOW + timedelta(days=1)) == 1
    assert len(smtp.messages) == 2


def test_nothing_to_say_sends_nothing_and_is_not_computed_again(
    db, company, digital_manager, smtp, django_assert_max_num_queries
):
    assert morning_digests_send(NOW) == 0
    assert smtp.messages == []
    assert Dispatch.objects.get().outcome == Dispatch.Outcome.NOTHING
    # The digital managers, the claims already made: nothing else.
    with django_assert_max_num_queries(2):
        assert morning_digests_send(NOW + timedelta(minutes=15)) == 0


def test_digest_waits_for_seven_in_the_company_time_zone(db, company, digital_manager, smtp):
    company.timezone = "America/New_York"
    company.save()
    _work(company, digital_manager)
    just_before = datetime(2026, 11, 20, 6, 59, tzinfo=NEW_YORK)  # 12:59 in Rome
    assert morning_digests_send(just_before) == 0
    assert not Dispatch.objects.exists()
    assert morning_digests_send(datetime(2026, 11, 20, 7, 0, tzinfo=NEW_YORK)) == 1
    assert len(smtp.messages) == 1


def test_a_company_in_rome_gets_it_while_new_york_still_sleeps(db, company, other_company, smtp):
    other_company.timezone = "America/New_York"
    other_company.save()
    rome_dm = MembershipFactory(company=company, role=Role.DIGITAL_MANAGER).user
    ny_dm = MembershipFactory(company=other_company, role=Role.DIGITAL_MANAGER).user
    _work(company, rome_dm)
    _work(other_company, ny_dm)
    assert morning_digests_send(datetime(2026, 11, 20, 7, 0, tzinfo=ROME)) == 1
    assert [m["To"] for m in smtp.messages] == [rome_dm.email]


def test_digest_speaks_the_users_language(db, company, digital_manager, smtp):
    digital_manager.language = "en"
    digital_manager.save()
    _work(company, digital_manager)
    morning_digests_send(NOW)
    text = text_of(smtp.only())
    assert "Good morning" in text
    assert "WAITING FOR A REPLY" in text


def test_a_digest_never_lists_another_companys_work(db, company, other_company, digital_manager, smtp):
    other_dm = MembershipFactory(company=other_company, role=Role.DIGITAL_MANAGER).user
    ConversationFactory(company=other_company, subject="Richiesta riservata di B")
    ContentItemFactory(company=other_company, title="Post segreto di B", scheduled_at=NOW - timedelta(hours=3))
    ConversationFactory(company=company, subject="Richiesta di A")
    assert morning_digests_send(NOW) == 2
    by_recipient = {m["To"]: text_of(m) for m in smtp.messages}
    assert "Richiesta di A" in by_recipient[digital_manager.email]
    assert "Richiesta riservata di B" not in by_recipient[digital_manager.email]
    assert "Post segreto di B" not in by_recipient[digital_manager.email]
    assert "Richiesta di A" not in by_recipient[other_dm.email]
    assert "Richiesta riservata di B" in by_recipient[other_dm.email]


def test_only_digital_managers_get_it(db, company, owner, consultant, colleague, digital_manager, smtp):
    _work(company, digital_manager)
    morning_digests_send(NOW)
    assert [m["To"] for m in smtp.messages] == [digital_manager.email]


def test_a_failed_send_is_retried_by_the_next_run(db, company, digital_manager, smtp_down, settings):
    _work(company, digital_manager)
    assert morning_digests_send(NOW) == 0
    assert not Dispatch.objects.exists()


def test_a_failed_send_goes_out_once_the_server_answers(db, company, digital_manager, smtp, settings):
    _work(company, digital_manager)
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 1
    assert morning_digests_send(NOW) == 0
    settings.EMAIL_PORT = port
    assert morning_digests_send(NOW + timedelta(minutes=15)) == 1
    assert len(smtp.messages) == 1


def test_an_inactive_user_gets_nothing(db, company, smtp):
    user = UserFactory(is_active=False)
    MembershipFactory(company=company, user=user, role=Role.DIGITAL_MANAGER)
    _work(company, user)
    assert morning_digests_send(NOW) == 0


def test_the_digests_queries_do_not_grow_with_the_work_waiting(
    db, company, digital_manager, smtp, django_assert_max_num_queries
):
    # The digital managers, the claims made, the claim, the replies (count, rows, tags, SLA
    # cutoff's hours and presence), the content (counts, rows), the slots (cadences, items),
    # the training plan, the spends (count, rows), the "sent" mark, and the company home's URL
    # look-ups do not query.
    _work(company, digital_manager)
    with django_assert_max_num_queries(30) as few:  # 18 today
        morning_digests_send(NOW)
    for n in range(10):
        ConversationFactory(company=company, subject=f"Altra richiesta {n}")
        ContentItemFactory(company=company, scheduled_at=NOW + timedelta(days=1, minutes=n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        morning_digests_send(NOW + timedelta(days=1))
