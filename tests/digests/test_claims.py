"""A claim is taken once: by the first run, or by a later one when the first died before sending."""

from datetime import timedelta

from digests.claims import dispatch_claim, dispatch_finish, new_claim_token
from digests.models import Dispatch
from tests.digests.conftest import NOW


def _claim(user, token, now=NOW):
    return dispatch_claim(
        kind=Dispatch.Kind.MORNING_DIGEST,
        recipient_id=user.pk,
        key="1:2026-11-20",
        company_id=None,
        now=now,
        token=token,
    )


def test_the_second_claim_of_the_same_email_is_refused(db, digital_manager):
    assert _claim(digital_manager, new_claim_token()) is True
    assert _claim(digital_manager, new_claim_token()) is False
    assert Dispatch.objects.count() == 1


def test_a_claim_left_pending_by_a_dead_worker_is_taken_over_after_fifteen_minutes(db, digital_manager):
    _claim(digital_manager, "dead-worker")
    assert _claim(digital_manager, "next-run", NOW + timedelta(minutes=10)) is False
    assert _claim(digital_manager, "next-run", NOW + timedelta(minutes=16)) is True
    assert Dispatch.objects.get().claim_token == "next-run"


def test_a_sent_claim_is_never_taken_over(db, digital_manager):
    _claim(digital_manager, "first")
    dispatch_finish(token="first", outcome=Dispatch.Outcome.SENT, now=NOW)
    assert _claim(digital_manager, "later", NOW + timedelta(days=1)) is False
