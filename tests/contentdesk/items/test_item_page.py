"""The item page: what it shows, the buttons each role gets, comments and history."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from contentdesk.models import ContentEvent, ContentItem
from engagements.roles import Role
from tests.contentdesk.factories import ContentCommentFactory, ContentItemFactory
from tests.contentdesk.items.conftest import item_url

pytestmark = pytest.mark.django_db

S = ContentItem.Status


def test_the_page_shows_the_item(login, company, make_item, digital_manager, colleague):
    digital_manager.first_name, digital_manager.last_name = "Chiara", "Dal Lago"
    digital_manager.save()
    when = timezone.make_aware(datetime(2030, 11, 12, 10, 0), company.tzinfo)
    item = make_item(
        title="MECSPE: la valvola DN50",
        tag="Fiera MECSPE",
        brief="Per i manutentori",
        body="Vieni allo **stand** B42.",
        scheduled_at=when,
    )
    content = login(colleague).get(item_url(item)).content.decode()
    assert "MECSPE: la valvola DN50" in content
    assert "LinkedIn" in content
    assert "Bozza" in content
    assert "Mar 12 nov 2030, 10:00" in content
    assert "Chiara Dal Lago" in content
    assert "Fiera MECSPE" in content
    assert "Per i manutentori" in content
    assert "<strong>stand</strong>" in content
    assert "25 / 3000 caratteri" in content


def test_the_body_is_sanitized(login, make_item, colleague):
    item = make_item(body='<script>alert(1)</script>[x](javascript:alert(2)) <a href="#" onclick="x()">y</a>')
    content = login(colleague).get(item_url(item)).content.decode()
    assert "<script>alert(1)" not in content
    assert 'href="javascript' not in content
    assert '<a href="#" onclick' not in content


def test_an_overdue_item_stands_out(login, make_item, colleague):
    item = make_item(scheduled_at=timezone.now() - timedelta(hours=3))
    content = login(colleague).get(item_url(item)).content.decode()
    assert 'class="item-overdue"' in content
    assert "In ritardo" in content


def test_a_published_item_is_not_overdue(login, make_item, colleague):
    item = make_item(status=S.PUBLISHED, published_at=timezone.now(), scheduled_at=timezone.now() - timedelta(days=2))
    assert "item-overdue" not in login(colleague).get(item_url(item)).content.decode()


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        (Role.OWNER, ["Approva", "Chiedi modifiche", "Annulla"], ["Modifica", "Revoca"]),
        (Role.DIGITAL_MANAGER, ["Revoca", "Modifica"], ["Approva", "Chiedi modifiche"]),
        (Role.CONSULTANT, ["Approva", "Chiedi modifiche", "Annulla", "Modifica"], ["Revoca"]),
        (Role.COLLEAGUE, [], ["Approva", "Chiedi modifiche", "Revoca", "Modifica", "Aggiungi il commento"]),
    ],
)
def test_each_role_gets_the_buttons_of_its_moves(login, users_by_role, make_item, role, shown, hidden):
    item = make_item(status=S.IN_REVIEW)
    content = login(users_by_role[role]).get(item_url(item)).content.decode()
    for label in shown:
        assert f"</i> {label}" in content, label
    for label in hidden:
        assert f"</i> {label}" not in content, label


def test_a_colleague_reads_without_forms(login, make_item, colleague):
    item = make_item(status=S.IN_REVIEW)
    content = login(colleague).get(item_url(item)).content.decode()
    assert "/move/" not in content
    assert "/comment/" not in content
    assert "In attesa dell&#x27;approvazione" in content or "In attesa dell'approvazione" in content


def test_moves_that_need_a_reason_open_a_small_form(login, make_item, owner):
    item = make_item(status=S.IN_REVIEW)
    content = login(owner).get(item_url(item)).content.decode()
    assert 'data-bs-target="#move-draft"' in content
    assert 'id="move-draft"' in content
    assert "Cosa va cambiato? L'autore lo legge come commento." in content


def test_approval_needed_or_not_is_said_per_channel(login, make_item, free_channel, colleague, owner):
    needed = make_item(status=S.DRAFT)
    free = make_item(status=S.DRAFT, channel=free_channel)
    client = login(colleague)
    assert "necessaria prima di programmarlo" in client.get(item_url(needed)).content.decode()
    assert "non serve per Blog" in client.get(item_url(free)).content.decode()
    approved = make_item(status=S.APPROVED, approved_by=owner, approved_at=timezone.now())
    assert "Approvato da" in client.get(item_url(approved)).content.decode()


def test_the_history_is_told_in_words(login, company, make_item, digital_manager, owner, colleague):
    digital_manager.first_name = "Anna"
    digital_manager.save()
    item = make_item(status=S.IN_REVIEW)
    at = timezone.make_aware(datetime(2026, 11, 12, 10, 4), company.tzinfo)
    ContentEvent.objects.create(
        item=item, kind="status", by=digital_manager, at=at, from_status=S.DRAFT, to_status=S.IN_REVIEW
    )
    ContentEvent.objects.create(
        item=item,
        kind="rescheduled",
        by=None,
        at=at + timedelta(minutes=1),
        from_time=at + timedelta(days=1),
        to_time=at + timedelta(days=2),
    )
    content = login(colleague).get(item_url(item)).content.decode()
    assert "Anna l&#x27;ha spostato da “Bozza” a “In approvazione” — " in content
    assert ">12 nov 10:04</time>" in content or ">12 nov 2026 10:04</time>" in content
    assert "Qualcuno l&#x27;ha spostato dal 13 nov" in content
    # Newest first.
    assert content.index("Qualcuno") < content.index("Anna l&#x27;ha")


def test_the_two_hooks_of_the_other_areas_are_on_the_page(login, make_item, digital_manager):
    item = make_item()
    content = login(digital_manager).get(item_url(item)).content.decode()
    assert "utm_content=sf-" in content  # the publishing panel's tracked link
    assert "item-image-" in content  # the images panel's upload form


# Comments ---------------------------------------------------------------------------------------


def test_comments_are_listed_with_author_and_time(login, company, make_item, owner, colleague):
    owner.first_name, owner.last_name = "Giovanni", "Berica"
    owner.save()
    item = make_item()
    at = timezone.make_aware(datetime(2026, 11, 12, 10, 4), company.tzinfo)
    ContentCommentFactory(item=item, author=owner, body="Mettiamo il numero dello stand?", created_at=at)
    content = login(colleague).get(item_url(item)).content.decode()
    assert "1 commento" in content
    assert "Giovanni Berica" in content
    assert "Mettiamo il numero dello stand?" in content
    assert "12 nov 2026, 10:04" in content


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT])
def test_whoever_takes_part_in_the_workflow_comments(login, users_by_role, make_item, role):
    item = make_item()
    response = login(users_by_role[role]).post(item_url(item, "comment/"), {"body": "  Va bene così  "})
    assert response.status_code == 302
    assert response["Location"] == item_url(item) + "#comments"
    comment = item.comments.get()
    assert (comment.body, comment.author) == ("Va bene così", users_by_role[role])


def test_a_colleague_may_not_comment(login, make_item, colleague):
    item = make_item()
    assert login(colleague).post(item_url(item, "comment/"), {"body": "Io dico la mia"}).status_code == 403
    assert not item.comments.exists()


def test_an_empty_comment_is_refused_in_italian(login, make_item, owner):
    item = make_item()
    response = login(owner).post(item_url(item, "comment/"), {"body": "   "})
    assert response.status_code == 400
    assert "Prima scrivi il commento." in response.content.decode()
    assert not item.comments.exists()


def test_a_too_long_comment_is_refused_and_kept(login, make_item, owner):
    item = make_item()
    text = "parola " * 800
    response = login(owner).post(item_url(item, "comment/"), {"body": text})
    assert response.status_code == 400
    assert text.strip()[:100] in response.content.decode()


# Tenancy and cost ------------------------------------------------------------------------------


def test_another_companys_item_is_404(login, company, other_company, digital_manager):
    item = ContentItemFactory(company=other_company)
    base = f"/c/{company.slug}/calendar/items/{item.pk}/"
    client = login(digital_manager)
    assert client.get(base).status_code == 404
    assert client.post(base + "comment/", {"body": "x"}).status_code == 404
    assert client.post(base + "move/", {"target": "draft"}).status_code == 404


def test_an_outsider_cannot_open_the_companys_item(login, make_item, outsider):
    item = make_item()
    assert login(outsider).get(item_url(item)).status_code == 404


def _grow(item, n, by):
    for i in range(n):
        ContentCommentFactory(item=item, author=by, body=f"Commento {i}")
        ContentEvent.objects.create(item=item, kind="status", by=by, from_status=S.DRAFT, to_status=S.IN_REVIEW)
        ContentEvent.objects.create(item=item, kind="rescheduled", by=by, to_time=timezone.now())


@pytest.mark.parametrize("role", list(Role))
def test_the_page_query_count_does_not_grow_with_comments_and_events(
    login, company, users_by_role, make_item, role, django_assert_max_num_queries
):
    item = make_item(status=S.IN_REVIEW)
    _grow(item, 2, users_by_role[Role.OWNER])
    client = login(users_by_role[role])
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, item with channel/author/approved_by, comments with
    # their authors, events with who made them; publishing panel: attributed enquiries counted,
    # the company website; images panel: the images (and their variants when there are some);
    # switcher memberships; supervised mode: the item's latest review record
    budget = 12
    with django_assert_max_num_queries(budget):
        assert client.get(item_url(item)).status_code == 200
    _grow(item, 20, users_by_role[Role.DIGITAL_MANAGER])
    with django_assert_max_num_queries(budget):
        assert client.get(item_url(item)).status_code == 200
