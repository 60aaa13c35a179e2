import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from engagements.models import Invitation, Membership, User
from engagements.roles import Role
from engagements.services import invitation_from_token, invitation_token
from engagements.tasks import send_invitation_email
from tests.factories import PASSWORD, InvitationFactory, UserFactory


def _invite(client, company, **data):
    payload = {"email": "nuova@example.com", "role": Role.DIGITAL_MANAGER, "department": "", "language": "it"} | data
    return client.post(f"/c/{company.slug}/members/invite/", payload)


def _accept_url(invitation):
    return f"/accounts/invitation/{invitation_token(invitation)}/"


def test_owner_invites_by_email_and_the_email_is_queued_after_commit(
    login, company, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = _invite(login(owner), company, email="Nuova@Example.com")
    assert response.status_code == 302
    invitation = Invitation.objects.get(company=company)
    assert invitation.email == "nuova@example.com"
    assert invitation.invited_by == owner
    assert len(callbacks) == 1


def test_invitation_email_carries_a_working_link_in_the_chosen_language(company, owner, settings):
    settings.SITE_URL = "https://staffetta.example"
    invitation = InvitationFactory(company=company, invited_by=owner, language="en")
    send_invitation_email(invitation.pk)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [invitation.email]
    assert "You are invited to Officine Test" in message.subject
    # The token carries the time it was signed, so compare what it stands for, not its text.
    link = re.search(r"https://staffetta\.example/accounts/invitation/(\S+)/", message.body)
    assert link is not None
    assert invitation_from_token(link.group(1)) == (invitation, None)
    assert message.alternatives[0][1] == "text/html"


def test_invitation_email_is_not_sent_for_a_withdrawn_invitation(company, owner):
    invitation = InvitationFactory(company=company, invited_by=owner)
    invitation_id = invitation.pk
    invitation.delete()
    send_invitation_email(invitation_id)
    assert mail.outbox == []


def test_new_user_sets_a_password_and_lands_in_the_company(client, company, owner):
    invitation = InvitationFactory(company=company, invited_by=owner, role=Role.COLLEAGUE, department="production")
    url = _accept_url(invitation)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"first_name": "Anna", "last_name": "Rossi", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/c/{company.slug}/"
    user = User.objects.get(email=invitation.email)
    assert user.check_password(PASSWORD)
    membership = Membership.objects.get(user=user, company=company)
    assert (membership.role, membership.department) == (Role.COLLEAGUE, "production")
    assert client.get(f"/c/{company.slug}/").status_code == 200


def test_weak_or_mismatched_password_is_refused_and_the_name_is_kept(client, company, owner):
    invitation = InvitationFactory(company=company, invited_by=owner)
    response = client.post(
        _accept_url(invitation),
        {"first_name": "Anna", "last_name": "Rossi", "password1": "12345", "password2": "12345"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Anna"' in content
    assert "troppo corta" in content
    response = client.post(
        _accept_url(invitation),
        {"first_name": "Anna", "last_name": "Rossi", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    assert "Le due password non coincidono" in response.content.decode()
    assert not User.objects.filter(email=invitation.email).exists()


def test_link_expires(client, company, owner, settings):
    invitation = InvitationFactory(company=company, invited_by=owner)
    url = _accept_url(invitation)
    with time_machine.travel(timezone.now() + settings.INVITATION_MAX_AGE + timedelta(minutes=1)):
        response = client.get(url)
    assert response.status_code == 410
    assert "Questo invito è scaduto" in response.content.decode()


def test_link_works_only_once(client, company, owner):
    invitation = InvitationFactory(company=company, invited_by=owner)
    url = _accept_url(invitation)
    client.post(url, {"first_name": "Anna", "last_name": "Rossi", "password1": PASSWORD, "password2": PASSWORD})
    client.logout()
    assert client.get(url).status_code == 410


@pytest.mark.parametrize("token", ["garbage", "eyJpIjoxfQ:1abc:def"])
def test_tampered_link_is_refused(client, db, token):
    response = client.get(f"/accounts/invitation/{token}/")
    assert response.status_code == 404
    assert "Questo link di invito non è valido" in response.content.decode()


def test_withdrawn_invitation_link_no_longer_works(client, company, owner):
    invitation = InvitationFactory(company=company, invited_by=owner)
    url = _accept_url(invitation)
    invitation.delete()
    assert client.get(url).status_code == 404


def test_existing_user_logs_in_and_accepts(client, login, company, other_company, outsider, owner):
    invitation = InvitationFactory(company=company, invited_by=owner, email=outsider.email, role=Role.CONSULTANT)
    url = _accept_url(invitation)
    anonymous = client.get(url)
    assert "/accounts/login/?next=" in anonymous.content.decode()
    member = login(outsider)
    assert member.get(url).status_code == 200
    response = member.post(url)
    assert response["Location"] == f"/c/{company.slug}/"
    assert Membership.objects.get(user=outsider, company=company).role == Role.CONSULTANT


def test_invitation_for_someone_else_is_refused_to_a_logged_in_user(login, company, owner, outsider):
    other = UserFactory(email="someone@example.com")
    invitation = InvitationFactory(company=company, invited_by=owner, email=other.email)
    response = login(outsider).post(_accept_url(invitation))
    assert response.status_code == 403
    assert not Membership.objects.filter(user=outsider, company=company).exists()


def test_inviting_a_member_again_is_refused_with_a_clear_message(login, company, owner, digital_manager):
    response = _invite(login(owner), company, email=digital_manager.email.upper())
    assert response.status_code == 400
    assert "fa già parte di questa azienda" in response.content.decode()
    assert not Invitation.objects.exists()


def test_inviting_twice_points_to_send_again(login, company, owner):
    client = login(owner)
    _invite(client, company)
    response = _invite(client, company, email="NUOVA@example.com")
    assert response.status_code == 400
    assert Invitation.objects.count() == 1


def test_colleague_needs_a_department_and_the_form_keeps_the_email(login, company, owner):
    response = _invite(login(owner), company, role=Role.COLLEAGUE, email="commerciale@example.com")
    assert response.status_code == 400
    content = response.content.decode()
    assert "scegli anche il reparto" in content
    assert 'value="commerciale@example.com"' in content


def test_bad_email_is_refused(login, company, owner):
    response = _invite(login(owner), company, email="not-an-email")
    assert response.status_code == 400
    assert "indirizzo email valido" in response.content.decode()


def test_only_an_owner_can_invite_an_owner(login, company, owner, consultant):
    assert _invite(login(consultant), company, role=Role.OWNER).status_code == 400
    assert _invite(login(owner), company, role=Role.OWNER).status_code == 302


def test_resend_gives_a_fresh_expiry_and_revoke_deletes(login, company, owner, django_capture_on_commit_callbacks):
    invitation = InvitationFactory(company=company, invited_by=owner, sent_at=timezone.now() - timedelta(days=30))
    client = login(owner)
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(f"/c/{company.slug}/invitations/{invitation.pk}/resend/")
    invitation.refresh_from_db()
    assert not invitation.is_expired
    assert len(callbacks) == 1
    client.post(f"/c/{company.slug}/invitations/{invitation.pk}/revoke/")
    assert not Invitation.objects.filter(pk=invitation.pk).exists()


def test_another_companys_invitation_cannot_be_revoked(login, company, owner, other_company):
    foreign = InvitationFactory(company=other_company)
    assert login(owner).post(f"/c/{company.slug}/invitations/{foreign.pk}/revoke/").status_code == 404
    assert Invitation.objects.filter(pk=foreign.pk).exists()
