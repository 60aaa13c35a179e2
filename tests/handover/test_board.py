"""The handover board and its pages: who sees what, who may move, bad input, query counts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagements.handover.models import HandoverItem, HandoverMove, HandoverState
from engagements.plan.models import Engagement
from engagements.roles import Role
from tests.handover.factories import EngagementFactory, HandoverItemFactory, HandoverMoveFactory
from tests.training.factories import load_test_curriculum

CONSULTANT, SHARED, TRAINEE = HandoverState.CONSULTANT, HandoverState.SHARED, HandoverState.TRAINEE


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)


@pytest.fixture
def board(engagement, consultant):
    """Three items, one per column; the trainee's one moved twice."""
    inbox = HandoverItemFactory(
        engagement=engagement, name="Casella richieste", state=TRAINEE, competencies=["inbox.reply"]
    )
    HandoverMoveFactory(item=inbox, confirmed_by=consultant, moved_on=timezone.localdate() - timedelta(days=20))
    HandoverMoveFactory(
        item=inbox,
        from_state=SHARED,
        to_state=TRAINEE,
        confirmed_by=consultant,
        moved_on=timezone.localdate() - timedelta(days=2),
        note="Risponde da sola",
    )
    calendar = HandoverItemFactory(engagement=engagement, name="Calendario contenuti", state=SHARED)
    HandoverMoveFactory(item=calendar, confirmed_by=consultant)
    budget = HandoverItemFactory(
        engagement=engagement, name="Budget pubblicitario", budget_limit=300, competencies=["ads.campaigns"]
    )
    return {"inbox": inbox, "calendar": calendar, "budget": budget}


def _url(company, suffix=""):
    return f"/c/{company.slug}/engagement/handover/{suffix}"


def test_consultant_sees_three_columns_with_move_buttons(login, company, consultant, board):
    load_test_curriculum()
    content = login(consultant).get(_url(company)).content.decode()
    for heading in ("Consulente", "Condivisa", "Digital manager"):
        assert heading in content
    assert "Casella richieste" in content
    # A competency by its name in the user's language, not by its code; a code missing from
    # the curriculum as it is.
    assert "Rispondere" in content
    assert "inbox.reply" not in content
    assert "ads.campaigns" in content
    assert "€ 300,00" in content
    assert "Risponde da sola" in content
    budget = board["budget"]
    assert f"items/{budget.pk}/move/?to=shared" in content
    assert f"items/{board['inbox'].pk}/move/?to=shared" in content
    assert f"items/{budget.pk}/edit/" in content
    assert "1 di 3 responsabilità al digital manager" in content


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER])
def test_owner_and_digital_manager_read_the_board_without_moving(login, company, users_by_role, board, role):
    response = login(users_by_role[role]).get(_url(company))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Casella richieste" in content
    assert "/move/" not in content
    assert "/edit/" not in content
    assert "items/new/" not in content


def test_digital_manager_sees_what_was_handed_to_them(login, company, digital_manager, owner, board):
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Passate a te" in content
    assert "1 altra responsabilità è condivisa con il consulente." in content
    assert "Passate a te" not in login(owner).get(_url(company)).content.decode()


def test_colleague_may_not_see_the_board(login, company, colleague, board):
    assert login(colleague).get(_url(company)).status_code == 403


def test_without_a_current_engagement_the_board_says_so(login, company, consultant):
    response = login(consultant).get(_url(company))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nessun incarico in corso" in content
    assert f'href="/c/{company.slug}/engagement/"' in content


def test_a_closed_engagement_leaves_the_board_empty(login, company, consultant, board, engagement):
    Engagement.objects.filter(pk=engagement.pk).update(status=Engagement.Status.CLOSED)
    content = login(consultant).get(_url(company)).content.decode()
    assert "Nessun incarico in corso" in content
    item = board["budget"]
    assert login(consultant).get(_url(company, f"items/{item.pk}/move/?to=shared")).status_code == 200


def test_board_in_english(login, company, digital_manager, board):
    digital_manager.language = "en"
    digital_manager.save()
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Handed to you" in content
    assert "1 of 3 responsibilities with the digital manager" in content


def test_consultant_moves_an_item_through_the_confirmation_page(login, company, consultant, board):
    client = login(consultant)
    item = board["budget"]
    page = client.get(_url(company, f"items/{item.pk}/move/?to=shared"))
    assert page.status_code == 200
    assert "Da Consulente a Condivisa" in page.content.decode()
    day = timezone.localdate() - timedelta(days=1)
    response = client.post(
        _url(company, f"items/{item.pk}/move/"), {"to_state": "shared", "moved_on": day.isoformat(), "note": "Insieme"}
    )
    assert response.status_code == 302
    assert response["Location"] == _url(company)
    item.refresh_from_db()
    assert item.state == SHARED
    move = item.moves.get()
    assert (move.moved_on, move.confirmed_by, move.note) == (day, consultant, "Insieme")


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER, Role.COLLEAGUE])
def test_only_the_consultant_may_move_or_edit(login, company, users_by_role, board, role):
    client = login(users_by_role[role])
    item = board["budget"]
    data = {"to_state": "shared", "moved_on": timezone.localdate().isoformat()}
    assert client.post(_url(company, f"items/{item.pk}/move/"), data).status_code == 403
    assert client.get(_url(company, f"items/{item.pk}/move/?to=shared")).status_code == 403
    assert client.post(_url(company, f"items/{item.pk}/edit/"), {"name": "X"}).status_code == 403
    assert client.post(_url(company, f"items/{item.pk}/delete/")).status_code == 403
    assert client.post(_url(company, "items/new/"), {"name": "X"}).status_code == 403
    assert client.post(_url(company, "defaults/")).status_code == 403
    item.refresh_from_db()
    assert item.state == CONSULTANT
    assert HandoverItem.objects.count() == 3


def test_a_move_dated_in_the_future_is_refused_with_a_message(login, company, consultant, board):
    item = board["budget"]
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = login(consultant).post(
        _url(company, f"items/{item.pk}/move/"),
        {"to_state": "shared", "moved_on": tomorrow.isoformat(), "note": "Presto"},
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "non può essere nel futuro" in content
    assert "Presto" in content
    item.refresh_from_db()
    assert item.state == CONSULTANT


def test_a_move_dated_before_the_last_one_is_refused(login, company, consultant, board):
    item = board["inbox"]
    response = login(consultant).post(
        _url(company, f"items/{item.pk}/move/"),
        {"to_state": "shared", "moved_on": (timezone.localdate() - timedelta(days=10)).isoformat()},
    )
    assert response.status_code == 400
    assert "passaggio precedente" in response.content.decode()
    item.refresh_from_db()
    assert item.state == TRAINEE


def test_a_jump_of_two_steps_is_not_offered(login, company, consultant, board):
    item = board["budget"]
    client = login(consultant)
    page = client.get(_url(company, f"items/{item.pk}/move/?to=trainee"))
    assert page.status_code == 400
    assert "un passo alla volta" in page.content.decode()
    response = client.post(
        _url(company, f"items/{item.pk}/move/"), {"to_state": "trainee", "moved_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.state == CONSULTANT


def test_an_empty_move_post_is_refused_without_a_crash(login, company, consultant, board):
    assert login(consultant).post(_url(company, f"items/{board['budget'].pk}/move/")).status_code == 400
    assert not HandoverMove.objects.filter(item=board["budget"]).exists()


def test_an_item_of_another_company_answers_404(login, company, consultant, other_company, outsider, board):
    theirs = EngagementFactory(company=other_company, consultant=outsider)
    item = HandoverItemFactory(engagement=theirs)
    client = login(consultant)
    assert client.get(_url(company, f"items/{item.pk}/move/?to=shared")).status_code == 404
    assert client.post(_url(company, f"items/{item.pk}/edit/"), {"name": "Mio"}).status_code == 404
    assert client.post(_url(company, f"items/{item.pk}/delete/")).status_code == 404
    assert HandoverItem.objects.filter(pk=item.pk).exists()


def test_consultant_adds_edits_and_removes_an_item(login, company, consultant, engagement):
    client = login(consultant)
    assert client.get(_url(company, "items/new/")).status_code == 200
    response = client.post(
        _url(company, "items/new/"),
        {
            "name": "Rapporti con l'agenzia",
            "description": "",
            "competencies": "Suppliers.briefing, , suppliers.briefing; agency",
            "budget_limit": "",
        },
    )
    assert response.status_code == 302
    item = HandoverItem.objects.get()
    assert (item.engagement, item.state, item.competencies) == (
        engagement,
        CONSULTANT,
        ["suppliers.briefing", "agency"],
    )
    page = client.get(_url(company, f"items/{item.pk}/edit/")).content.decode()
    assert "suppliers.briefing, agency" in page
    response = client.post(
        _url(company, f"items/{item.pk}/edit/"),
        {"name": "Agenzia web", "description": "Preventivi", "competencies": "", "budget_limit": "150,50"},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.name, item.competencies, str(item.budget_limit)) == ("Agenzia web", [], "150.50")
    assert client.post(_url(company, f"items/{item.pk}/delete/")).status_code == 302
    assert not HandoverItem.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "", "competencies": ""}, "Questo campo è obbligatorio"),
        ({"name": "Sito", "competencies": "sito web"}, "non è un codice di competenza"),
        ({"name": "Budget", "competencies": "", "budget_limit": "-5"}, "maggiore o uguale a 0"),
        ({"name": "Budget", "competencies": "", "budget_limit": "tanti"}, "Inserisci un numero"),
    ],
)
def test_bad_item_input_is_refused_and_kept(login, company, consultant, engagement, data, message):
    response = login(consultant).post(_url(company, "items/new/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert not HandoverItem.objects.exists()


def test_empty_posts_to_the_list_pages_do_not_crash(login, company, consultant, board):
    client = login(consultant)
    assert client.post(_url(company, "items/new/")).status_code == 400
    assert client.post(_url(company, f"items/{board['budget'].pk}/edit/")).status_code == 400


def test_consultant_fills_an_empty_board_with_the_usual_items(login, company, consultant, engagement):
    client = login(consultant)
    content = client.get(_url(company)).content.decode()
    assert "Aggiungi le responsabilità abituali" in content
    assert client.post(_url(company, "defaults/")).status_code == 302
    assert client.post(_url(company, "defaults/")).status_code == 302
    assert HandoverItem.objects.filter(engagement=engagement).count() == 7


def test_board_query_count_does_not_grow_with_items_and_moves(
    login, company, consultant, engagement, board, django_assert_max_num_queries
):
    client = login(consultant)
    client.get(f"/c/{company.slug}/")  # the session notes the last company once
    # session, user, membership+company, engagement (+company, consultant, trainee), items,
    # their moves with who confirmed them, progress aggregate, switcher memberships; training
    # readiness: the trainee's plan, required levels, signed-off levels, competency names,
    # the inbox share, the content shares (see tests/handover/test_readiness_gate.py for a plan).
    with django_assert_max_num_queries(14):
        assert client.get(_url(company)).status_code == 200
    for n in range(30):
        item = HandoverItemFactory(engagement=engagement, state=[CONSULTANT, SHARED, TRAINEE][n % 3])
        HandoverMoveFactory(item=item, confirmed_by=consultant)
        HandoverMoveFactory(item=item, from_state=SHARED, to_state=TRAINEE, confirmed_by=consultant)
    with django_assert_max_num_queries(14):
        assert client.get(_url(company)).status_code == 200


def test_move_page_query_count(login, company, consultant, board, django_assert_max_num_queries):
    client = login(consultant)
    client.get(f"/c/{company.slug}/")  # the session notes the last company once
    # session, user, membership+company, engagement, item, switcher memberships
    with django_assert_max_num_queries(6):
        assert client.get(_url(company, f"items/{board['budget'].pk}/move/?to=shared")).status_code == 200
