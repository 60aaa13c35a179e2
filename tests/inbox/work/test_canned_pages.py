"""The canned replies page: per language, created and edited by the digital manager."""

import pytest

from engagements.roles import Role
from inbox.models import CannedReply
from tests.inbox.work.factories import CannedReplyFactory


def _url(company, suffix=""):
    return f"/c/{company.slug}/inbox/canned/{suffix}"


def test_the_list_groups_canned_replies_by_language(login, company, digital_manager):
    CannedReplyFactory(company=company, language="it", title="Tempi di consegna")
    CannedReplyFactory(company=company, language="en", title="Delivery times")
    response = login(digital_manager).get(_url(company))
    assert set(response.context["by_language"]) == {"Italiano", "Inglese"}
    content = response.content.decode()
    assert "Tempi di consegna" in content
    assert "Delivery times" in content


def test_the_list_shows_only_this_companys_replies(login, company, other_company, digital_manager):
    CannedReplyFactory(company=other_company, title="Altrui")
    assert "Altrui" not in login(digital_manager).get(_url(company)).content.decode()


def test_digital_manager_creates_edits_and_deletes_a_canned_reply(login, company, digital_manager):
    client = login(digital_manager)
    data = {"title": "Listino", "language": "it", "topic": "prezzi", "body": "Gentile {name}, ecco il listino."}
    assert client.post(_url(company, "new/"), data).status_code == 302
    canned = CannedReply.objects.get()
    assert canned.company == company
    assert canned.created_by == digital_manager
    data["title"] = "Listino 2026"
    assert client.post(_url(company, f"{canned.pk}/"), data).status_code == 302
    canned.refresh_from_db()
    assert canned.title == "Listino 2026"
    assert client.post(_url(company, f"{canned.pk}/delete/")).status_code == 302
    assert not CannedReply.objects.exists()


def test_bad_input_answers_400_keeping_what_was_typed(login, company, digital_manager):
    response = login(digital_manager).post(
        _url(company, "new/"), {"title": "", "language": "xx", "body": "Testo scritto"}
    )
    assert response.status_code == 400
    assert "Testo scritto" in response.content.decode()
    assert not CannedReply.objects.exists()


def test_another_companys_canned_reply_answers_404(login, company, other_company, digital_manager):
    foreign = CannedReplyFactory(company=other_company)
    client = login(digital_manager)
    assert client.get(_url(company, f"{foreign.pk}/")).status_code == 404
    assert client.post(_url(company, f"{foreign.pk}/delete/")).status_code == 404
    assert CannedReply.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize(
    ("role", "reads", "edits"),
    [
        (Role.DIGITAL_MANAGER, 200, 200),
        (Role.CONSULTANT, 200, 200),
        (Role.COLLEAGUE, 200, 403),
        (Role.OWNER, 403, 403),
    ],
)
def test_who_reads_and_who_edits_canned_replies(login, company, users_by_role, role, reads, edits):
    client = login(users_by_role[role])
    assert client.get(_url(company)).status_code == reads
    assert client.get(_url(company, "new/")).status_code == edits


def test_colleague_sees_no_edit_buttons(login, company, colleague):
    canned = CannedReplyFactory(company=company)
    content = login(colleague).get(_url(company)).content.decode()
    assert canned.title in content
    assert _url(company, f"{canned.pk}/") not in content


def test_canned_page_query_count_is_fixed(login, company, digital_manager, django_assert_max_num_queries):
    CannedReplyFactory.create_batch(2, company=company, created_by=digital_manager)
    client = login(digital_manager)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, canned replies with their authors, switcher memberships
    with django_assert_max_num_queries(5):
        client.get(_url(company))
    CannedReplyFactory.create_batch(20, company=company, created_by=digital_manager)
    with django_assert_max_num_queries(5):
        client.get(_url(company))


def test_the_canned_page_is_in_english_for_an_english_user(login, company, digital_manager):
    digital_manager.language = "en"
    digital_manager.save()
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "New canned reply" in content
