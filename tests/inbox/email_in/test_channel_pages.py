"""Email channels on the channels page, and the page of one email channel with its IMAP mailbox."""

import pytest

from engagements.roles import Role
from inbox.email_in.credentials import decrypt
from inbox.models import IntakeChannel, Mailbox
from tests.factories import CompanyFactory
from tests.inbox.email_in.conftest import PASSWORD, USER
from tests.inbox.email_in.factories import EmailChannelFactory, MailboxFactory

pytestmark = pytest.mark.django_db
FETCH = "inbox.email_in.tasks.fetch_mailbox"


def new_url(company):
    return f"/c/{company.slug}/inbox/channels/email/new/"


def edit_url(channel):
    return f"/c/{channel.company.slug}/inbox/channels/email/{channel.pk}/"


def form_data(dovecot=None, **changes):
    data = {
        "name": "Richieste dal sito",
        "address": "Info@Officine-Test.example",
        "auto_acknowledge": "on",
        "is_active": "on",
    }
    if dovecot is not None:
        data.update(
            {
                "imap-use_imap": "on",
                "imap-host": "127.0.0.1",
                "imap-port": str(dovecot.port),
                "imap-security": Mailbox.Security.NONE,
                "imap-username": USER,
                "imap-password": PASSWORD,
                "imap-folder": "INBOX",
                "imap-is_active": "on",
            }
        )
    data.update(changes)
    return data


def test_the_channels_page_lists_email_addresses_and_their_mailbox_state(login, company, owner):
    ok = MailboxFactory(channel__company=company, channel__address="info@officine-test.example", username="info")
    Mailbox.objects.filter(pk=ok.pk).update(last_success_at="2026-01-05T09:00:00Z")
    MailboxFactory(
        channel__company=company,
        channel__address="vendite@officine-test.example",
        problem=Mailbox.Problem.LOGIN,
        problem_detail="[AUTHENTICATIONFAILED] Authentication failed.",
    )
    content = login(owner).get(f"/c/{company.slug}/inbox/channels/").content.decode()
    assert "info@officine-test.example" in content
    assert "vendite@officine-test.example" in content
    assert "Ultimo scaricamento il" in content
    assert "Il server ha rifiutato il nome utente o la password" in content
    assert "AUTHENTICATIONFAILED" in content
    assert f'href="{new_url(company)}"' in content


def test_an_email_channel_without_imap_is_created(login, company, owner, queued):
    response = login(owner).post(new_url(company), form_data())
    assert response.status_code == 302
    channel = IntakeChannel.objects.get(kind=IntakeChannel.Kind.EMAIL)
    assert (channel.company, channel.address, channel.name) == (
        company,
        "info@officine-test.example",
        "Richieste dal sito",
    )
    assert not Mailbox.objects.exists()
    assert queued == []


def test_an_email_channel_with_its_mailbox_is_saved_encrypted_and_fetched(
    login, company, owner, dovecot, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(owner).post(new_url(company), form_data(dovecot))
    assert response.status_code == 302, response.content.decode()
    mailbox = Mailbox.objects.get()
    assert (mailbox.host, mailbox.port, mailbox.username, mailbox.company) == ("127.0.0.1", dovecot.port, USER, company)
    assert PASSWORD not in mailbox.password_encrypted
    assert decrypt(mailbox.password_encrypted) == PASSWORD
    assert queued == [(FETCH, (mailbox.pk,))]


def test_a_wrong_imap_password_is_explained_and_nothing_is_saved(login, company, owner, dovecot, queued):
    response = login(owner).post(new_url(company), form_data(dovecot, **{"imap-password": "sbagliata"}))
    assert response.status_code == 400
    content = response.content.decode()
    assert "Nessuna modifica salvata: correggi i campi evidenziati qui sotto." in content
    assert "Il server ha rifiutato il nome utente o la password: controllali e riprova." in content
    # What was typed is still there, apart from the password.
    assert 'value="Richieste dal sito"' in content
    assert 'value="127.0.0.1"' in content
    assert "sbagliata" not in content
    assert not IntakeChannel.objects.filter(kind=IntakeChannel.Kind.EMAIL).exists()
    assert not Mailbox.objects.exists()
    assert queued == []


def test_an_imap_server_that_does_not_answer_is_explained(login, company, owner, dovecot):
    dovecot.stop()
    response = login(owner).post(new_url(company), form_data(dovecot))
    assert response.status_code == 400
    assert "Non riusciamo a raggiungere il server IMAP" in response.content.decode()


def test_a_missing_imap_field_is_asked_for(login, company, owner):
    response = login(owner).post(new_url(company), form_data(**{"imap-use_imap": "on"}))
    assert response.status_code == 400
    assert "Serve per scaricare la posta." in response.content.decode()


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("info@officine-test.example", "Questo indirizzo è già usato da un altro canale."),
        ("reply+abc@reply.staffetta.example", "sono riservati alle risposte alle nostre email"),
        ("non-un-indirizzo", "Inserisci un indirizzo email valido."),
    ],
)
def test_bad_addresses_are_refused(login, company, owner, address, message):
    EmailChannelFactory(company=CompanyFactory(), address="info@officine-test.example")
    response = login(owner).post(new_url(company), form_data(address=address))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert IntakeChannel.objects.filter(kind=IntakeChannel.Kind.EMAIL).count() == 1


def test_editing_without_a_password_keeps_the_stored_one(login, company, owner, dovecot, email_channel, queued):
    mailbox = MailboxFactory(channel=email_channel, port=dovecot.port, last_uid=7, seen_uid=7, uidvalidity=1)
    token = mailbox.password_encrypted
    data = form_data(dovecot, address=email_channel.address, **{"imap-password": ""})
    assert login(owner).post(edit_url(email_channel), data).status_code == 302
    mailbox.refresh_from_db()
    assert decrypt(mailbox.password_encrypted) == decrypt(token) == PASSWORD
    assert (mailbox.last_uid, mailbox.uidvalidity) == (7, 1)  # same folder: the cursor stays


def test_another_folder_starts_a_new_cursor(login, company, owner, dovecot, email_channel, queued):
    dovecot.create_folder("Ordini")
    mailbox = MailboxFactory(channel=email_channel, port=dovecot.port, last_uid=7, seen_uid=7, uidvalidity=1)
    data = form_data(dovecot, address=email_channel.address, **{"imap-folder": "Ordini"})
    assert login(owner).post(edit_url(email_channel), data).status_code == 302
    mailbox.refresh_from_db()
    assert (mailbox.folder, mailbox.last_uid, mailbox.uidvalidity) == ("Ordini", 0, None)


def test_a_folder_that_does_not_exist_is_explained(login, company, owner, dovecot):
    response = login(owner).post(new_url(company), form_data(dovecot, **{"imap-folder": "Inesistente"}))
    assert response.status_code == 400
    assert "Questa cartella non esiste sul server" in response.content.decode()


def test_unticking_imap_removes_the_mailbox_not_the_channel(login, company, owner, email_channel):
    MailboxFactory(channel=email_channel)
    data = form_data(address=email_channel.address)
    assert login(owner).post(edit_url(email_channel), data).status_code == 302
    assert not Mailbox.objects.exists()
    assert IntakeChannel.objects.filter(pk=email_channel.pk).exists()


def test_the_edit_page_shows_the_mailbox_problem(login, company, owner, email_channel):
    MailboxFactory(channel=email_channel, problem=Mailbox.Problem.CONNECT, problem_detail="Connection refused")
    content = login(owner).get(edit_url(email_channel)).content.decode()
    assert "Il server non è raggiungibile" in content
    assert "Connection refused" in content
    assert "receive_email info@officine-test.example" in content


def test_another_company_s_channel_answers_404(login, company, owner):
    theirs = EmailChannelFactory(company=CompanyFactory())
    assert login(owner).get(f"/c/{company.slug}/inbox/channels/email/{theirs.pk}/").status_code == 404
    assert login(owner).post(f"/c/{company.slug}/inbox/channels/email/{theirs.pk}/", form_data()).status_code == 404


@pytest.mark.parametrize("role", list(Role))
def test_only_roles_with_the_channels_right_manage_email_channels(login, company, users_by_role, role):
    status = login(users_by_role[role]).get(new_url(company)).status_code
    assert status == (403 if role == Role.COLLEAGUE else 200)


def test_channels_page_query_count_does_not_grow_with_email_channels(
    login, company, owner, django_assert_max_num_queries
):
    MailboxFactory(channel__company=company)
    client = login(owner)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, every channel with its mailbox and enquiry count,
    # switcher memberships
    budget = 5
    with django_assert_max_num_queries(budget):
        assert client.get(f"/c/{company.slug}/inbox/channels/").status_code == 200
    for _n in range(10):
        MailboxFactory(channel__company=company)
        EmailChannelFactory(company=company)
    with django_assert_max_num_queries(budget):
        response = client.get(f"/c/{company.slug}/inbox/channels/")
    assert len(response.context["email_channels"]) == 21


def test_email_channel_page_query_count_is_fixed(login, company, owner, email_channel, django_assert_max_num_queries):
    MailboxFactory(channel=email_channel)
    client = login(owner)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, the channel with its mailbox, switcher memberships
    with django_assert_max_num_queries(5):
        assert client.get(edit_url(email_channel)).status_code == 200
