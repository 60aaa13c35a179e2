"""The signed tokens of the newsletter's links."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from contentdesk.newsletter.tokens import (
    BadToken,
    ExpiredToken,
    confirm_token,
    read_confirm_token,
    read_unsubscribe_token,
    request_stamp,
    unsubscribe_token,
)


def pending(pk=41, requested_at=None):
    return SimpleNamespace(pk=pk, requested_at=requested_at or timezone.now())


def test_a_confirm_token_names_the_subscription_and_its_request():
    subscription = pending()
    assert read_confirm_token(confirm_token(subscription)) == (41, request_stamp(subscription.requested_at))


def test_a_confirm_token_expires_after_seven_days():
    subscription = pending(requested_at=timezone.now() - timedelta(days=7, minutes=1))
    with pytest.raises(ExpiredToken):
        read_confirm_token(confirm_token(subscription))
    assert read_confirm_token(confirm_token(pending(requested_at=timezone.now() - timedelta(days=6))))


def test_an_unsubscribe_token_never_expires_and_may_name_a_delivery():
    assert read_unsubscribe_token(unsubscribe_token(7)) == (7, None)
    assert read_unsubscribe_token(unsubscribe_token(7, 123456)) == (7, 123456)


def test_tokens_survive_a_change_of_case():
    token = unsubscribe_token(99_999, 88_888)
    assert read_unsubscribe_token(token.upper()) == (99_999, 88_888)


@pytest.mark.parametrize("token", ["", "abc", "1-2-3", "1-2-" + "g" * 32, "-".join(["1", "2", "0" * 31])])
def test_malformed_tokens_are_refused(token):
    with pytest.raises(BadToken):
        read_unsubscribe_token(token)


def test_a_token_for_one_purpose_does_not_open_the_other():
    token = unsubscribe_token(5, 1)
    with pytest.raises(BadToken):
        read_confirm_token(token)


def test_changing_the_subscription_in_a_token_breaks_it():
    token = unsubscribe_token(5)
    with pytest.raises(BadToken):
        read_unsubscribe_token("6" + token[1:])


def test_tokens_depend_on_the_secret_key(settings):
    token = unsubscribe_token(5)
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-000000000000"
    with pytest.raises(BadToken):
        read_unsubscribe_token(token)
