"""Review pages: the list, the detail, the consultant's edits; who may do what; query counts."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from engagements.plan.models import Engagement
from engagements.reviews.demo import seed_demo_reviews
from engagements.reviews.models import Review, ReviewAction
from engagements.roles import Role
from tests.factories import UserFactory
from tests.reviews.factories import EngagementFactory, ReviewActionFactory, ReviewFactory


def _month(months_ago: int) -> date:
    day = timezone.localdate().replace(day=1)
    for _ in range(months_ago):
        day = (day - timedelta(days=1)).replace(day=1)
    return day


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return EngagementFactory(
        company=company, consultant=consultant, trainee=digital_manager, starts_on=_month(4) + timedelta(days=6)
    )


@pytest.fixture
def reviews(engagement, consultant, digital_manager, owner):
    """Two reviews: an older completed one with an overdue action, last month's draft."""
    older = ReviewFactory(
        engagement=engagement,
        month=_month(2),
        status=Review.Status.COMPLETED,
        completed_at=timezone.now(),
        completed_by=consultant,
        notes="Richieste in aumento.",
        decisions="Più post su LinkedIn.",
        figures={"plan": {"milestones_due": 3, "current_phase": "Coaching"}, "budget": {"spent": "120.50"}},
    )
    ReviewActionFactory(
        review=older,
        description="Foto dei prodotti",
        owner=digital_manager,
        due_on=timezone.localdate() - timedelta(days=3),
    )
    ReviewActionFactory(review=older, description="Budget Q3", owner=owner, done_on=timezone.localdate())
    draft = ReviewFactory(engagement=engagement, month=_month(1), notes="", decisions="")
    ReviewActionFactory(review=draft, description="Newsletter di giugno", owner=digital_manager)
    return {"older": older, "draft": draft}


def _url(company, suffix=""):
    return f"/c/{company.slug}/engagement/reviews/{suffix}"


def test_list_shows_reviews_newest_first_with_status_and_overdue_actions(login, company, owner, reviews):
    content = login(owner).get(_url(company)).content.decode()
    newer_link = f'href="{_url(company)}{reviews["draft"].pk}/"'
    older_link = f'href="{_url(company)}{reviews["older"].pk}/"'
    assert content.index(newer_link) < content.index(older_link)
    assert "Bozza" in content
    assert "Completata" in content
    assert "1 scaduta" in content
    assert "table-danger" in content


def test_list_without_a_current_engagement_says_so(login, company, owner):
    response = login(owner).get(_url(company))
    assert response.status_code == 200
    assert "Nessun incarico in corso" in response.content.decode()


def test_list_in_english(login, company, owner, reviews):
    owner.language = "en"
    owner.save()
    content = login(owner).get(_url(company)).content.decode()
    assert "Monthly reviews" in content
    assert "1 overdue" in content
    assert "Draft" in content


def test_colleague_may_not_see_reviews(login, company, colleague, reviews):
    assert login(colleague).get(_url(company)).status_code == 403
    assert login(colleague).get(_url(company, f"{reviews['older'].pk}/")).status_code == 403


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER])
def test_owner_and_digital_manager_read_a_review_without_forms(login, company, users_by_role, reviews, role):
    response = login(users_by_role[role]).get(_url(company, f"{reviews['older'].pk}/"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Richieste in aumento." in content
    assert "Più post su LinkedIn." in content
    assert "Foto dei prodotti" in content
    assert "scaduta" in content
    assert "120,50" in content
    assert "Traguardi in scadenza nel mese" in content
    assert "<textarea" not in content
    assert "/edit/" not in content
    assert "/complete/" not in content


def test_detail_in_english(login, company, digital_manager, reviews):
    digital_manager.language = "en"
    digital_manager.save()
    content = login(digital_manager).get(_url(company, f"{reviews['older'].pk}/")).content.decode()
    assert "The month in figures" in content
    assert "Milestones due in the month" in content
    assert "120.50" in content


def test_consultant_sees_the_edit_form_and_the_actions_table(login, company, consultant, reviews):
    content = login(consultant).get(_url(company, f"{reviews['draft'].pk}/")).content.decode()
    assert 'name="review-notes"' in content
    assert 'name="actions-0-description"' in content
    assert "Completa la revisione" in content
    assert "Rileva di nuovo i dati" in content


def _formset_data(review, rows, notes="Buon mese", decisions="Avanti così"):
    data = {
        "review-notes": notes,
        "review-decisions": decisions,
        "actions-TOTAL_FORMS": str(len(rows)),
        "actions-INITIAL_FORMS": str(sum(1 for r in rows if r.get("id"))),
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"actions-{i}-{key}"] = value
        data[f"actions-{i}-review"] = review.pk
    return data


def test_consultant_writes_notes_and_adds_edits_and_closes_actions(
    login, company, consultant, digital_manager, owner, reviews
):
    review = reviews["draft"]
    existing = review.actions.get()
    due = (timezone.localdate() + timedelta(days=14)).isoformat()
    data = _formset_data(
        review,
        [
            {
                "id": existing.pk,
                "description": "Newsletter di giugno",
                "owner": digital_manager.pk,
                "due_on": existing.due_on.isoformat(),
                "done_on": timezone.localdate().isoformat(),
            },
            {"description": "Chiedere le foto alla produzione", "owner": owner.pk, "due_on": due, "done_on": ""},
            {"description": "", "owner": "", "due_on": "", "done_on": ""},
        ],
    )
    response = login(consultant).post(_url(company, f"{review.pk}/edit/"), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.notes, review.decisions) == ("Buon mese", "Avanti così")
    existing.refresh_from_db()
    assert existing.done_on == timezone.localdate()
    added = review.actions.get(description="Chiedere le foto alla produzione")
    assert (added.owner, added.due_on.isoformat(), added.done_on) == (owner, due, None)


def _existing_row(action):
    return {
        "id": action.pk,
        "description": action.description,
        "owner": "",
        "due_on": action.due_on.isoformat(),
        "done_on": "",
    }


def test_completing_saves_first_what_the_consultant_typed_on_the_page(login, company, consultant, reviews):
    # The "Complete" button submits the notes form: decisions typed and not yet saved are kept.
    review = reviews["draft"]
    data = _formset_data(review, [_existing_row(review.actions.get())], decisions="Da dicembre risponde Chiara.")
    response = login(consultant).post(_url(company, f"{review.pk}/complete/"), data)
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.status, review.decisions, review.notes) == (
        Review.Status.COMPLETED,
        "Da dicembre risponde Chiara.",
        "Buon mese",
    )


def test_completing_with_a_wrong_field_completes_nothing_and_keeps_what_was_typed(login, company, consultant, reviews):
    review = reviews["draft"]
    row = {**_existing_row(review.actions.get()), "due_on": "31/02/2026"}
    data = _formset_data(review, [row], decisions="Da dicembre risponde Chiara.")
    response = login(consultant).post(_url(company, f"{review.pk}/complete/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Nessuna modifica salvata" in content
    assert "Da dicembre risponde Chiara." in content
    review.refresh_from_db()
    assert (review.status, review.decisions) == (Review.Status.DRAFT, "")


def test_consultant_removes_an_action(login, company, consultant, reviews):
    review = reviews["draft"]
    action = review.actions.get()
    row = {
        "id": action.pk,
        "description": action.description,
        "owner": "",
        "due_on": action.due_on.isoformat(),
        "DELETE": "on",
    }
    assert login(consultant).post(_url(company, f"{review.pk}/edit/"), _formset_data(review, [row])).status_code == 302
    assert not review.actions.exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"description": "Senza data", "owner": "", "due_on": ""}, "Questo campo è obbligatorio"),
        ({"description": "Data sbagliata", "owner": "", "due_on": "31/02/2026"}, "Inserisci una data valida"),
        (
            {"description": "Di un estraneo", "owner": "OUTSIDER", "due_on": "2026-12-01"},
            "Scegli un&#x27;opzione valida",
        ),
    ],
)
def test_bad_actions_are_refused_and_what_was_typed_is_kept(
    login, company, consultant, outsider, reviews, row, message
):
    review = reviews["draft"]
    if row["owner"] == "OUTSIDER":
        row = {**row, "owner": outsider.pk}
    response = login(consultant).post(
        _url(company, f"{review.pk}/edit/"), _formset_data(review, [row], notes="Appunti da tenere")
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert "Appunti da tenere" in content
    assert row["description"] in content
    review.refresh_from_db()
    assert review.notes == ""
    assert not review.actions.filter(description=row["description"]).exists()


def test_an_action_of_another_review_cannot_be_edited_through_this_one(login, company, consultant, reviews):
    theirs = reviews["older"].actions.first()
    review = reviews["draft"]
    row = {"id": theirs.pk, "description": "Rubata", "owner": "", "due_on": "2026-12-01"}
    login(consultant).post(_url(company, f"{review.pk}/edit/"), _formset_data(review, [row]))
    theirs.refresh_from_db()
    assert (theirs.description, theirs.review) == ("Foto dei prodotti", reviews["older"])


def test_an_empty_edit_post_is_refused_without_a_crash(login, company, consultant, reviews):
    assert login(consultant).post(_url(company, f"{reviews['draft'].pk}/edit/")).status_code == 400
    assert login(consultant).get(_url(company, f"{reviews['draft'].pk}/edit/")).status_code == 302


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER])
def test_only_the_consultant_may_edit_complete_or_refresh(login, company, users_by_role, reviews, role):
    review = reviews["draft"]
    client = login(users_by_role[role])
    data = _formset_data(review, [], notes="Non mio")
    assert client.post(_url(company, f"{review.pk}/edit/"), data).status_code == 403
    assert client.post(_url(company, f"{review.pk}/complete/")).status_code == 403
    assert client.post(_url(company, f"{review.pk}/figures/")).status_code == 403
    review.refresh_from_db()
    assert (review.notes, review.status) == ("", Review.Status.DRAFT)


def test_consultant_completes_a_review_and_its_notes_are_then_fixed(login, company, consultant, reviews):
    review = reviews["draft"]
    client = login(consultant)
    assert client.post(_url(company, f"{review.pk}/complete/")).status_code == 302
    review.refresh_from_db()
    assert (review.status, review.completed_by) == (Review.Status.COMPLETED, consultant)
    assert review.completed_at is not None
    again = client.post(_url(company, f"{review.pk}/complete/"), follow=True)
    assert "Questa revisione è già stata completata." in again.content.decode()
    page = client.get(_url(company, f"{review.pk}/")).content.decode()
    assert 'name="review-notes"' not in page
    assert 'name="actions-0-description"' in page
    action = review.actions.get()
    row = {
        "id": action.pk,
        "description": action.description,
        "owner": "",
        "due_on": action.due_on.isoformat(),
        "done_on": timezone.localdate().isoformat(),
    }
    data = _formset_data(review, [row], notes="Cambiata dopo")
    assert client.post(_url(company, f"{review.pk}/edit/"), data).status_code == 302
    review.refresh_from_db()
    assert review.notes == ""
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()


def test_consultant_takes_the_figures_of_a_draft_again_but_not_of_a_completed_review(
    login, company, consultant, reviews
):
    client = login(consultant)
    draft = reviews["draft"]
    assert client.post(_url(company, f"{draft.pk}/figures/")).status_code == 302
    draft.refresh_from_db()
    assert {"plan", "handover"} <= set(draft.figures)
    older = reviews["older"]
    response = client.post(_url(company, f"{older.pk}/figures/"), follow=True)
    assert "conserva i dati" in response.content.decode()
    older.refresh_from_db()
    assert older.figures["budget"] == {"spent": "120.50"}


def test_a_review_of_another_company_answers_404(login, company, consultant, other_company, outsider, reviews):
    theirs = ReviewFactory(engagement=EngagementFactory(company=other_company, consultant=outsider))
    client = login(consultant)
    assert client.get(_url(company, f"{theirs.pk}/")).status_code == 404
    assert client.post(_url(company, f"{theirs.pk}/edit/"), _formset_data(theirs, [], notes="X")).status_code == 404
    assert client.post(_url(company, f"{theirs.pk}/complete/")).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Review.Status.DRAFT


def _many_reviews(engagement, consultant, n=10):
    members = [UserFactory() for _ in range(3)]
    for i in range(n):
        review = ReviewFactory(engagement=engagement, month=_month(12 + i))
        for j in range(10):
            ReviewActionFactory(
                review=review, owner=members[j % 3], due_on=timezone.localdate() - timedelta(days=j - 5)
            )


def test_list_query_count_does_not_grow_with_reviews_and_actions(
    login, company, owner, consultant, engagement, reviews, django_assert_max_num_queries
):
    client = login(owner)
    client.get(f"/c/{company.slug}/")  # the session notes the last company once
    # session, user, membership+company, engagement, reviews with action counts, switcher
    with django_assert_max_num_queries(6):
        assert client.get(_url(company)).status_code == 200
    _many_reviews(engagement, consultant)
    with django_assert_max_num_queries(6):
        assert client.get(_url(company)).status_code == 200


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT])
def test_detail_query_count_does_not_grow_with_actions(
    login, company, users_by_role, reviews, role, django_assert_max_num_queries
):
    client = login(users_by_role[role])
    client.get(f"/c/{company.slug}/")
    review = reviews["draft"]
    # session, user, membership+company, review (+engagement, completed by), actions
    # (+owners), members for the owner choices (consultant only), switcher
    with django_assert_max_num_queries(7):
        assert client.get(_url(company, f"{review.pk}/")).status_code == 200
    members = [UserFactory() for _ in range(3)]
    for j in range(30):
        ReviewActionFactory(review=review, owner=members[j % 3], due_on=timezone.localdate() - timedelta(days=j - 5))
    with django_assert_max_num_queries(7):
        assert client.get(_url(company, f"{review.pk}/")).status_code == 200


def test_demo_reviews_are_idempotent(engagement, consultant, owner, digital_manager):
    today = timezone.localdate()
    for _ in range(2):
        seed_demo_reviews(engagement, consultant=consultant, owner=owner, trainee=digital_manager, today=today)
    reviews = list(Review.objects.filter(engagement=engagement).order_by("month"))
    assert [r.month for r in reviews] == [_month(4), _month(3), _month(2), _month(1)]
    assert [r.status for r in reviews] == [Review.Status.COMPLETED] * 3 + [Review.Status.DRAFT]
    assert all(r.notes and r.decisions for r in reviews)
    assert ReviewAction.objects.filter(review__engagement=engagement).count() == 12
    assert ReviewAction.objects.filter(done_on__gt=today).count() == 0


def test_a_closed_engagement_shows_no_reviews_list(login, company, owner, engagement, reviews):
    Engagement.objects.filter(pk=engagement.pk).update(status=Engagement.Status.CLOSED)
    assert "Nessun incarico in corso" in login(owner).get(_url(company)).content.decode()
