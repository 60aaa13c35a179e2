"""Moves through the item page: each move allowed or refused per role, and what each one needs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from contentdesk.models import ChannelKind, ContentEvent, ContentItem
from contentdesk.workflow import MOVES
from engagements.roles import Role, role_can
from tests.contentdesk.factories import ContentChannelFactory
from tests.contentdesk.items.conftest import item_url

pytestmark = pytest.mark.django_db

S = ContentItem.Status


def _scenarios():
    """Every (from, to, channel needs approval) that the table names, with both channel settings
    where the move does not depend on it."""
    seen = []
    for move in MOVES:
        settings = [move.when_approval] if move.when_approval is not None else [True, False]
        for needs_approval in settings:
            key = (move.source, move.target, needs_approval)
            if key not in seen:
                seen.append(key)
    return seen


SCENARIOS = _scenarios()


def _allowed(role, source, target, needs_approval) -> bool:
    return any(
        role_can(role, m.permission)
        for m in MOVES
        if m.source == source and m.target == target and m.when_approval in (None, needs_approval)
    )


def _everything_a_move_may_need(target) -> dict:
    an_hour_ago = timezone.localtime(timezone.now() - timedelta(hours=1), timezone.get_fixed_timezone(60))
    return {
        "target": target,
        "note": "Motivo scritto per bene",
        "published_url": "https://www.linkedin.com/feed/update/urn:li:activity:42",
        "published_date": an_hour_ago.strftime("%d/%m/%Y"),
        "published_time": an_hour_ago.strftime("%H:%M"),
    }


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(
    ("source", "target", "needs_approval"), SCENARIOS, ids=[f"{s}-{t}-{a}" for s, t, a in SCENARIOS]
)
def test_each_move_is_allowed_only_to_the_roles_of_the_table(
    login, company, users_by_role, make_item, role, source, target, needs_approval
):
    channel = ContentChannelFactory(company=company, requires_approval=needs_approval)
    published = {"published_at": timezone.now()} if source == S.PUBLISHED else {}
    item = make_item(status=source, channel=channel, **published)
    response = login(users_by_role[role]).post(item_url(item, "move/"), _everything_a_move_may_need(target))
    item.refresh_from_db()
    if _allowed(role, source, target, needs_approval):
        assert response.status_code == 302, response.content.decode()[:2000]
        assert item.status == target
        assert ContentEvent.objects.filter(item=item, kind="status", to_status=target, by=users_by_role[role]).exists()
    else:
        assert response.status_code == 403
        assert item.status == source


def test_a_colleague_may_not_move_anything(login, company, colleague, make_item):
    item = make_item(status=S.IDEA)
    assert login(colleague).post(item_url(item, "move/"), {"target": S.DRAFT}).status_code == 403


def test_a_move_on_another_companys_item_is_404(login, company, other_company, outsider, make_item):
    item = make_item(status=S.IDEA)
    assert login(outsider).post(item_url(item, "move/"), {"target": S.DRAFT}).status_code == 404


def test_a_move_that_is_not_possible_now_answers_400_with_a_message(login, digital_manager, make_item):
    item = make_item(status=S.IDEA)
    response = login(digital_manager).post(item_url(item, "move/"), {"target": S.PUBLISHED})
    assert response.status_code == 400
    assert "non può diventare" in response.content.decode()
    item.refresh_from_db()
    assert item.status == S.IDEA


def test_a_made_up_target_answers_400(login, digital_manager, make_item):
    item = make_item(status=S.IDEA)
    response = login(digital_manager).post(item_url(item, "move/"), {"target": "launched"})
    assert response.status_code == 400
    assert "non può diventare “launched”" in response.content.decode()


def test_requesting_changes_without_a_reason_keeps_the_page_and_asks_why(login, owner, make_item):
    item = make_item(status=S.IN_REVIEW)
    response = login(owner).post(item_url(item, "move/"), {"target": S.DRAFT, "note": "  "})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Spiega il motivo in un commento." in content
    assert 'class="collapse show" id="move-draft"' in content
    item.refresh_from_db()
    assert (item.status, item.changes_requested) == (S.IN_REVIEW, 0)


def test_requesting_changes_counts_them_and_the_reason_becomes_a_comment(login, owner, make_item):
    item = make_item(status=S.IN_REVIEW)
    response = login(owner).post(item_url(item, "move/"), {"target": S.DRAFT, "note": "Troppo lungo"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.status, item.changes_requested) == (S.DRAFT, 1)
    assert item.comments.get().body == "Troppo lungo"
    page = login(owner).get(item_url(item)).content.decode()
    assert "Modifiche richieste" in page
    assert "1 volta" in page


def test_publishing_needs_the_address_and_keeps_what_was_typed(login, digital_manager, make_item):
    item = make_item(status=S.SCHEDULED)
    data = {"target": S.PUBLISHED, "published_url": "", "published_date": "12/11/2026", "published_time": "10:04"}
    data["note"] = "Pubblicato in ritardo"
    response = login(digital_manager).post(item_url(item, "move/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Indica l&#x27;indirizzo in cui è stato pubblicato." in content
    assert 'value="2026-11-12"' in content
    assert 'value="10:04"' in content
    assert "Pubblicato in ritardo" in content
    item.refresh_from_db()
    assert item.status == S.SCHEDULED


def test_publishing_refuses_a_time_in_the_future(login, digital_manager, make_item):
    item = make_item(status=S.SCHEDULED)
    tomorrow = timezone.localtime() + timedelta(days=1)
    response = login(digital_manager).post(
        item_url(item, "move/"),
        {
            "target": S.PUBLISHED,
            "published_url": "https://www.linkedin.com/feed/update/1",
            "published_date": tomorrow.strftime("%Y-%m-%d"),
            "published_time": "10:00",
        },
    )
    assert response.status_code == 400
    assert "non può essere nel futuro" in response.content.decode()
    assert 'value="https://www.linkedin.com/feed/update/1"' in response.content.decode()


def test_publishing_reads_the_time_in_the_companys_time_zone(login, company, digital_manager, make_item):
    item = make_item(status=S.SCHEDULED)
    response = login(digital_manager).post(
        item_url(item, "move/"),
        {
            "target": S.PUBLISHED,
            "published_url": "www.linkedin.com/feed/update/1",
            "published_date": "12/11/2025",
            "published_time": "10:04",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.published_url == "https://www.linkedin.com/feed/update/1"
    assert timezone.localtime(item.published_at, company.tzinfo).strftime("%Y-%m-%d %H:%M") == "2025-11-12 10:04"


def test_the_publish_form_proposes_now_in_the_companys_time_zone(login, company, digital_manager, make_item):
    item = make_item(status=S.SCHEDULED)
    content = login(digital_manager).get(item_url(item)).content.decode()
    now = timezone.localtime(timezone.now(), company.tzinfo)
    assert f'name="published_date" value="{now:%Y-%m-%d}"' in content
    assert 'name="published_time" value="' in content


def test_scheduling_in_the_past_shows_the_services_message(login, digital_manager, make_item):
    item = make_item(status=S.APPROVED, scheduled_at=timezone.now() - timedelta(hours=2))
    response = login(digital_manager).post(item_url(item, "move/"), {"target": S.SCHEDULED})
    assert response.status_code == 400
    assert "L&#x27;orario previsto è passato" in response.content.decode()


def test_scheduling_a_text_over_the_limit_shows_the_services_message(login, company, digital_manager, make_item):
    x = ContentChannelFactory(company=company, kind=ChannelKind.X, name="X")
    item = make_item(status=S.APPROVED, channel=x, body="a" * 300)
    page = login(digital_manager).get(item_url(item)).content.decode()
    assert "accorcialo prima di programmarlo" in page
    response = login(digital_manager).post(item_url(item, "move/"), {"target": S.SCHEDULED})
    assert response.status_code == 400
    assert "Il testo è lungo 300 caratteri; X ne accetta 280." in response.content.decode()


def test_schedule_without_a_time_links_to_the_edit_page(login, digital_manager, make_item):
    item = make_item(status=S.APPROVED, scheduled_at=None)
    content = login(digital_manager).get(item_url(item)).content.decode()
    assert "Programma: prima scegli l'orario" in content
    assert item_url(item, "edit/") in content
