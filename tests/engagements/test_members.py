from engagements.models import Membership
from engagements.roles import Role
from tests.factories import InvitationFactory, MembershipFactory


def test_team_page_lists_members_and_pending_invitations(login, company, owner, digital_manager, colleague):
    InvitationFactory(company=company, email="attesa@example.com", invited_by=owner)
    content = login(owner).get(f"/c/{company.slug}/members/").content.decode()
    for email in (owner.email, digital_manager.email, colleague.email, "attesa@example.com"):
        assert email in content
    assert "Commerciale" in content  # the colleague's department


def test_digital_manager_sees_the_team_but_cannot_invite(login, company, owner, digital_manager):
    InvitationFactory(company=company, email="attesa@example.com", invited_by=owner)
    content = login(digital_manager).get(f"/c/{company.slug}/members/").content.decode()
    assert owner.email in content
    assert "attesa@example.com" not in content
    assert "/members/invite/" not in content


def test_team_page_query_count_does_not_grow_with_members(login, company, owner, django_assert_max_num_queries):
    client = login(owner)
    # session, user, membership+company, members+users, invitations+inviters, switcher memberships,
    # session update (last company)
    with django_assert_max_num_queries(9):
        assert client.get(f"/c/{company.slug}/members/").status_code == 200
    for _ in range(15):
        MembershipFactory(company=company, role=Role.COLLEAGUE)
        InvitationFactory(company=company, invited_by=owner)
    with django_assert_max_num_queries(9):
        assert client.get(f"/c/{company.slug}/members/").status_code == 200


def test_consultant_removes_a_member(login, company, consultant, colleague):
    membership = Membership.objects.get(user=colleague, company=company)
    response = login(consultant).post(f"/c/{company.slug}/members/{membership.pk}/remove/")
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert login(colleague).get(f"/c/{company.slug}/").status_code == 404


def test_last_owner_cannot_be_removed(login, company, owner):
    second_owner_free_company = Membership.objects.get(user=owner, company=company)
    response = login(owner).post(f"/c/{company.slug}/members/{second_owner_free_company.pk}/remove/", follow=True)
    assert Membership.objects.filter(pk=second_owner_free_company.pk).exists()
    assert "almeno un titolare" in response.content.decode()


def test_consultant_cannot_remove_an_owner(login, company, owner, consultant):
    membership = Membership.objects.get(user=owner, company=company)
    MembershipFactory(company=company, role=Role.OWNER)
    response = login(consultant).post(f"/c/{company.slug}/members/{membership.pk}/remove/", follow=True)
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "Solo un titolare può rimuovere un titolare" in response.content.decode()


def test_member_of_another_company_cannot_be_removed_through_this_one(login, company, owner, outsider, other_company):
    foreign = Membership.objects.get(user=outsider, company=other_company)
    assert login(owner).post(f"/c/{company.slug}/members/{foreign.pk}/remove/").status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()
