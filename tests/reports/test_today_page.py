"""Today: the digital manager's company home, what needs doing this morning."""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from contentdesk.models import ContentItem
from engagements.budgets.models import Spend
from engagements.roles import Role
from inbox.models import Conversation
from reports import today
from tests.budgets.factories import SpendFactory
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory, ContentItemFactory
from tests.inbox.factories import ConversationFactory

ROME = ZoneInfo("Europe/Rome")


def _at(day, hour=10, minute=0, month=11):
    return datetime(2026, month, day, hour, minute, tzinfo=ROME)


def test_digital_manager_home_is_today(login, company, digital_manager):
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert "Buon lavoro" in content
    assert "In attesa di risposta" in content
    assert "Nessuno aspetta una risposta." in content


def test_replies_come_unanswered_first_in_order_of_sla_due_time(login, company, digital_manager):
    ConversationFactory(company=company, subject="Scade dopo", created_at=_at(19), first_response_due_at=_at(20, 15))
    ConversationFactory(company=company, subject="Scaduta ieri", created_at=_at(18), first_response_due_at=_at(19, 12))
    ConversationFactory(
        company=company, subject="Scade presto", created_at=_at(20, 9), first_response_due_at=_at(20, 11)
    )
    ConversationFactory(
        company=company,
        subject="Il cliente ha riscritto",
        status=Conversation.Status.OPEN,
        created_at=_at(10),
        first_response_due_at=_at(10, 14),
        first_response_at=_at(10, 12),
    )
    ConversationFactory(company=company, subject="Risolta", status=Conversation.Status.RESOLVED, created_at=_at(19))
    ConversationFactory(company=company, subject="In attesa del cliente", status=Conversation.Status.WAITING_CUSTOMER)
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    order = [content.index(s) for s in ("Scaduta ieri", "Scade presto", "Scade dopo", "Il cliente ha riscritto")]
    assert order == sorted(order)
    assert "Risolta" not in content
    assert "In attesa del cliente" not in content
    assert "Scaduta" in content  # the SLA badge of the breached one
    assert "4</strong> risposte da scrivere" in content


def test_content_due_shows_late_today_and_the_coming_days(login, company, digital_manager):
    linkedin = ContentChannelFactory(company=company, name="LinkedIn aziendale")
    ContentItemFactory(
        company=company,
        channel=linkedin,
        title="Post in ritardo",
        status=ContentItem.Status.APPROVED,
        scheduled_at=_at(18),
    )
    ContentItemFactory(
        company=company,
        channel=linkedin,
        title="Post di oggi",
        status=ContentItem.Status.SCHEDULED,
        scheduled_at=_at(20, 16),
    )
    ContentItemFactory(company=company, channel=linkedin, title="Post di martedì", scheduled_at=_at(24))
    ContentItemFactory(company=company, channel=linkedin, title="Post lontano", scheduled_at=_at(27))
    ContentItemFactory(company=company, channel=linkedin, title="Post pubblicato", published=True)
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    order = [content.index(s) for s in ("Post in ritardo", "Post di oggi", "Post di martedì")]
    assert order == sorted(order)
    assert "Post lontano" not in content
    assert "Post pubblicato" not in content
    assert "in ritardo, previsto per il 18/11/2026" in content
    assert "oggi alle 16:00" in content


def test_empty_cadence_slots_of_the_coming_days_link_to_a_new_item(login, company, digital_manager):
    linkedin = ContentChannelFactory(company=company, name="LinkedIn aziendale")
    CadenceFactory(company=company, channel=linkedin, rule="FREQ=WEEKLY;BYDAY=MO,TU", time_of_day="10:00")
    ContentItemFactory(company=company, channel=linkedin, scheduled_at=_at(23, 12))  # fills Monday's slot
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert f"?channel={linkedin.pk}&amp;at=2026-11-24T10:00" in content
    assert "at=2026-11-23T10:00" not in content
    assert "1</strong> slot vuoto" in content


def test_without_cadences_the_slots_block_says_how_to_get_them(login, company, digital_manager):
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert "Nessuna cadenza" in content


def test_without_a_training_plan_no_training_task_is_due(login, company, digital_manager):
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert "Compiti di formazione in scadenza" in content
    assert "Nessun compito di formazione in scadenza" in content


def test_training_tasks_due_link_to_their_page_and_late_ones_stand_out(login, company, digital_manager, monkeypatch):
    monkeypatch.setattr(today, "TRAINING_TASKS_MODULE", "tests.reports.fake_metrics")
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert f'href="/c/{company.slug}/training/assignments/7/"' in content
    assert f'href="/c/{company.slug}/training/modules/3/"' in content
    assert "in ritardo dal 18/11/2026" in content
    assert "entro il 25/11/2026" in content


def test_training_block_waits_for_the_training_app_with_a_clear_empty_state(
    login, company, digital_manager, monkeypatch
):
    monkeypatch.setattr(today, "TRAINING_TASKS_MODULE", "training.no_such_module")
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert "quando il piano di formazione li mostrerà" in content


def test_only_my_own_spends_waiting_for_approval_are_shown(login, company, digital_manager, consultant):
    SpendFactory(
        company=company,
        note="Mia campagna",
        amount=Decimal("450.00"),
        status=Spend.Status.PENDING,
        recorded_by=digital_manager,
    )
    SpendFactory(company=company, note="Campagna del consulente", status=Spend.Status.PENDING, recorded_by=consultant)
    SpendFactory(company=company, note="Spesa approvata", recorded_by=digital_manager)
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert "Mia campagna" in content
    assert "€\u00a0450,00" in content
    assert "Campagna del consulente" not in content
    assert "Spesa approvata" not in content


def test_every_block_links_to_its_full_page(login, company, digital_manager):
    content = login(digital_manager).get(f"/c/{company.slug}/today/").content.decode()
    for url in ("inbox/", "calendar/week/", "engagement/budget/", "dashboard/"):
        assert f'href="/c/{company.slug}/{url}"' in content


def test_another_companys_work_never_shows(login, company, other_company, digital_manager):
    ConversationFactory(company=other_company, subject="Richiesta di un'altra azienda", created_at=_at(19))
    SpendFactory(company=other_company, note="Spesa altrui", status=Spend.Status.PENDING, recorded_by=digital_manager)
    content = login(digital_manager).get(f"/c/{company.slug}/").content.decode()
    assert "Richiesta di un'altra azienda" not in content
    assert "Spesa altrui" not in content


def test_owner_and_colleague_may_not_open_today(login, company, owner, colleague):
    assert login(owner).get(f"/c/{company.slug}/today/").status_code == 403
    assert login(colleague).get(f"/c/{company.slug}/today/").status_code == 403


def test_member_of_another_company_gets_404_and_anonymous_goes_to_login(login, client, company, outsider):
    assert login(outsider).get(f"/c/{company.slug}/today/").status_code == 404
    assert client.get(f"/c/{company.slug}/today/")["Location"].startswith("/accounts/login/")


def _fill(company, digital_manager, n):
    linkedin = ContentChannelFactory(company=company)
    CadenceFactory(company=company, channel=linkedin, rule="FREQ=DAILY", time_of_day="15:00")
    for i in range(n):
        ConversationFactory(company=company, created_at=_at(19) - timedelta(hours=i), first_response_due_at=_at(20, 12))
        ContentItemFactory(company=company, channel=linkedin, scheduled_at=_at(19 + i % 5, 9))
        SpendFactory(
            company=company, status=Spend.Status.PENDING, recorded_by=digital_manager, spent_on=date(2026, 11, 2)
        )


# session, user, membership+company; replies: count, rows, their tags, SLA cutoff (business
# hours, presence periods); content: counts, rows; slots: cadences, the items filling them;
# training tasks: the trainee's plan (none here); my spends: count, rows; the switcher's
# memberships.
TODAY_QUERIES = 16


def test_today_queries_do_not_grow_with_ten_times_the_data(
    login, company, digital_manager, django_assert_max_num_queries
):
    client = login(digital_manager)
    _fill(company, digital_manager, 3)
    client.get(f"/c/{company.slug}/")
    with django_assert_max_num_queries(TODAY_QUERIES):
        assert client.get(f"/c/{company.slug}/").status_code == 200
    _fill(company, digital_manager, 30)
    with django_assert_max_num_queries(TODAY_QUERIES):
        content = client.get(f"/c/{company.slug}/").content.decode()
    assert "e altre 27 nella posta in arrivo" in content


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.CONSULTANT])
def test_empty_post_is_refused_without_error(login, company, users_by_role, role):
    assert login(users_by_role[role]).post(f"/c/{company.slug}/today/").status_code == 405
