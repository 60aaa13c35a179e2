"""Routing rules: managed by whoever sets up the inbox, and suggested on the conversation's route form."""

import re

import pytest

from engagements.roles import Department, Role
from inbox.models import RoutingRule
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.work.factories import enquiry


def _url(company, suffix=""):
    return f"/c/{company.slug}/inbox/routing/{suffix}"


def _rule(company, **extra):
    return RoutingRule.objects.create(company=company, **({"topic": "Preventivi", "department": "sales"} | extra))


def _selected(content: str, name: str) -> str | None:
    """The value of the selected option of the route form's `name` select."""
    select = re.search(rf'<select name="{name}".*?</select>', content, re.S)
    option = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(0)) if select else None
    return option.group(1) if option else None


def test_the_digital_manager_adds_a_rule_with_why_and_owner(login, company, digital_manager, colleague):
    response = login(digital_manager).post(
        _url(company, "new/"),
        {
            "topic": "  Preventivi  ",
            "department": "sales",
            "colleague": colleague.pk,
            "why": "I preventivi li firma il commerciale.",
            "owner": digital_manager.pk,
            "is_active": "on",
        },
        follow=True,
    )
    rule = RoutingRule.objects.get()
    assert (rule.company, rule.topic, rule.colleague, rule.owner) == (company, "Preventivi", colleague, digital_manager)
    content = response.content.decode()
    assert "Regola di smistamento per «Preventivi» salvata." in content
    assert "I preventivi li firma il commerciale." in content


def test_a_colleague_of_another_department_is_refused_with_400(login, company, digital_manager, colleague):
    response = login(digital_manager).post(
        _url(company, "new/"), {"topic": "Resi", "department": "administration", "colleague": colleague.pk}
    )
    assert response.status_code == 400
    assert "non lavora in quel reparto" in response.content.decode()
    assert not RoutingRule.objects.exists()


def test_two_active_rules_for_the_same_topic_are_refused(login, company, digital_manager):
    _rule(company)
    response = login(digital_manager).post(
        _url(company, "new/"), {"topic": "preventivi", "department": "rnd", "is_active": "on"}
    )
    assert response.status_code == 400
    assert "Esiste già una regola attiva per questo argomento." in response.content.decode()
    # An inactive one may wait beside it.
    login(digital_manager).post(_url(company, "new/"), {"topic": "preventivi", "department": "rnd"})
    assert RoutingRule.objects.count() == 2


def test_a_rule_is_edited_and_deleted(login, company, consultant):
    rule = _rule(company)
    client = login(consultant)
    client.post(_url(company, f"{rule.pk}/"), {"topic": "Preventivi", "department": "rnd", "is_active": "on"})
    rule.refresh_from_db()
    assert rule.department == Department.RND
    assert client.post(_url(company, f"{rule.pk}/delete/")).status_code == 302
    assert not RoutingRule.objects.exists()


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER])
def test_who_sets_up_the_inbox_sees_the_rules(login, company, users_by_role, role):
    _rule(company, why="Li firma il commerciale.")
    content = login(users_by_role[role]).get(_url(company)).content.decode()
    assert "Regole di smistamento" in content
    assert "Li firma il commerciale." in content


@pytest.mark.parametrize("suffix", ["", "new/", "{pk}/", "{pk}/delete/"])
def test_a_colleague_gets_403_and_another_company_404(login, company, colleague, outsider, suffix):
    rule = _rule(company)
    path = _url(company, suffix.format(pk=rule.pk))
    assert login(colleague).post(path).status_code == 403
    assert login(outsider).post(path).status_code == 404
    assert login(outsider).get(path).status_code == 404
    assert RoutingRule.objects.count() == 1


def test_another_companys_rule_is_404(login, company, other_company, digital_manager):
    rule = _rule(other_company)
    assert login(digital_manager).get(_url(company, f"{rule.pk}/")).status_code == 404
    assert login(digital_manager).post(_url(company, f"{rule.pk}/delete/")).status_code == 404


def test_the_routing_rules_page_queries_do_not_grow(
    login, company, digital_manager, colleague, django_assert_max_num_queries
):
    client = login(digital_manager)
    client.get(f"/c/{company.slug}/")
    # session, user, membership with its company, the user's companies for the menu; the rules
    # with their colleague and owner.
    budget = 5
    _rule(company, colleague=colleague, owner=digital_manager)
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company)).status_code == 200
    for n in range(10):
        _rule(company, topic=f"Argomento {n}", colleague=colleague, owner=digital_manager)
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company)).status_code == 200


def test_the_route_form_preselects_the_rule_for_the_topic(login, company, digital_manager, colleague):
    _rule(company, topic="Preventivi", colleague=colleague, why="Li firma il commerciale.")
    conversation = enquiry(company, topic="preventivi")
    content = login(digital_manager).get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()
    assert _selected(content, "department") == "sales"
    assert _selected(content, "colleague") == str(colleague.pk)
    assert "Suggerito dalla regola di smistamento per «Preventivi»." in content
    # A suggestion only: nothing was routed.
    conversation.refresh_from_db()
    assert (conversation.department, conversation.routed_to) == ("", None)


def test_an_inactive_rule_or_another_topic_suggests_nothing(login, company, digital_manager):
    _rule(company, topic="Preventivi", is_active=False)
    client = login(digital_manager)
    for topic in ("Preventivi", "Resi", ""):
        conversation = enquiry(company, topic=topic)
        content = client.get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()
        assert "Suggerito dalla regola" not in content
        assert _selected(content, "colleague") in (None, "")


def test_a_routed_conversation_keeps_where_it_was_routed(login, company, digital_manager, colleague):
    other = MembershipFactory(company=company, role=Role.COLLEAGUE, user=UserFactory(), department="rnd").user
    _rule(company, topic="Preventivi", colleague=colleague)
    conversation = enquiry(company, topic="Preventivi", department="rnd", routed_to=other)
    content = login(digital_manager).get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()
    assert _selected(content, "department") == "rnd"
    assert _selected(content, "colleague") == str(other.pk)
    assert "Suggerito dalla regola" not in content
