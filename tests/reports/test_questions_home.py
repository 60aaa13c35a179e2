"""The colleague's home: the questions routed to them, waiting for their answer."""

import pytest

from engagements.roles import Role
from inbox.actions import conversation_reply, conversation_route
from inbox.models import Conversation
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.work.factories import enquiry

pytestmark = pytest.mark.django_db


def routed(company, colleague, subject, *, actor, note=""):
    conversation = enquiry(company, subject=subject)
    conversation_route(conversation=conversation, department="sales", colleague=colleague, note=note, actor=actor)
    return conversation


def test_the_colleague_finds_on_the_home_the_questions_routed_to_them(login, company, colleague, digital_manager):
    mine = routed(company, colleague, "Preventivo 200 raccordi DN20", actor=digital_manager, note="Cliente nuovo.")
    other_colleague = MembershipFactory(company=company, role=Role.COLLEAGUE, department="sales").user
    routed(company, other_colleague, "Domanda per un altro collega", actor=digital_manager)
    answered = routed(company, colleague, "Domanda già risposta", actor=digital_manager)
    conversation_reply(conversation=answered, author=colleague, body_text="Ecco la risposta.")
    enquiry(company, subject="Richiesta non inoltrata")

    content = login(colleague).get(f"/c/{company.slug}/").content.decode()

    assert "Domande per te" in content
    assert "Preventivo 200 raccordi DN20" in content
    assert f'href="/c/{company.slug}/inbox/{mine.pk}/"' in content
    assert "Cliente nuovo." in content  # the note of whoever routed it, as the last word
    for subject in ("Domanda per un altro collega", "Domanda già risposta", "Richiesta non inoltrata"):
        assert subject not in content


def test_with_nothing_routed_the_home_says_where_questions_will_appear(login, company, colleague):
    content = login(colleague).get(f"/c/{company.slug}/").content.decode()
    assert "Nessuna domanda ti aspetta" in content


def test_the_other_roles_keep_their_own_home(login, company, owner, digital_manager):
    assert "Domande per te" not in login(owner).get(f"/c/{company.slug}/").content.decode()
    assert "Domande per te" not in login(digital_manager).get(f"/c/{company.slug}/").content.decode()


def test_a_member_of_another_company_gets_404(login, company, outsider):
    assert login(outsider).get(f"/c/{company.slug}/").status_code == 404


def test_the_home_reads_a_fixed_number_of_queries(
    login, company, colleague, digital_manager, django_assert_max_num_queries
):
    client = login(colleague)
    routed(company, colleague, "Prima domanda", actor=digital_manager)
    with django_assert_max_num_queries(10):
        assert client.get(f"/c/{company.slug}/").status_code == 200
    for n in range(15):
        routed(company, colleague, f"Domanda {n}", actor=digital_manager)
    with django_assert_max_num_queries(10):
        content = client.get(f"/c/{company.slug}/").content.decode()
    assert "e altre 6 nella posta in arrivo" in content
    assert Conversation.objects.filter(routed_to=colleague).count() == 16


def test_the_home_is_in_english_for_a_colleague_who_chose_it(login, company, digital_manager):
    user = UserFactory(email="r.and.d@example.com", language="en")
    MembershipFactory(company=company, user=user, role=Role.COLLEAGUE, department="rnd")
    routed(company, user, "Pressure rating of DN50 valves", actor=digital_manager)
    content = login(user).get(f"/c/{company.slug}/").content.decode()
    assert "Questions for you" in content
    assert "Pressure rating of DN50 valves" in content
