"""Mailbox passwords at rest: encrypted with a key derived from SECRET_KEY, never in clear."""

import pytest
from django.db import connection

from inbox.email_in.credentials import CredentialsUnreadable, decrypt, encrypt
from tests.inbox.email_in.factories import MailboxFactory


def test_a_password_comes_back_from_its_token():
    assert decrypt(encrypt("pà$$wörd")) == "pà$$wörd"
    assert encrypt("same") != encrypt("same")  # Fernet tokens carry a random IV


@pytest.mark.django_db
def test_the_database_never_holds_the_password_in_clear(company):
    mailbox = MailboxFactory(channel__company=company, password_encrypted=encrypt("TopSecret-42"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM inbox_mailbox WHERE id = %s", [mailbox.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
    assert "TopSecret-42" not in row
    assert decrypt(mailbox.password_encrypted) == "TopSecret-42"


def test_after_a_key_rotation_the_old_key_still_opens_the_passwords(settings):
    token = encrypt("secret")
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a brand new secret key for this installation"
    assert decrypt(token) == "secret"


def test_a_token_no_key_opens_is_reported_not_crashed(settings):
    token = encrypt("secret")
    settings.SECRET_KEY = "someone else's key"
    with pytest.raises(CredentialsUnreadable):
        decrypt(token)
    with pytest.raises(CredentialsUnreadable):
        decrypt("not a token")
