"""Per-visitor rate limits (per chat and per connection) and the query budget of every widget call."""

import re
import time

import pytest
import time_machine
from django.core.cache import cache

from inbox.chat.views_public import LIMITS
from inbox.models import Conversation, Message
from tests.inbox.factories import MessageFactory

LONGEST_WINDOW = max(window for _limit, window in LIMITS.values())


@pytest.fixture(autouse=True)
def _just_after_a_window_boundary():
    """The limits count in windows aligned to the clock: each test starts just after a boundary
    of the longest one, so that a slow machine never sees a window end halfway through a test
    (the poll test once did: its 91 polls straddled a minute)."""
    start = (time.time() // LONGEST_WINDOW + 1) * LONGEST_WINDOW + 1
    with time_machine.travel(start, tick=True):
        yield


def test_a_chat_writing_too_fast_is_told_to_wait(visitor):
    visitor.start()
    limit, _window = LIMITS["line_token"]
    for n in range(limit):
        assert visitor.send(f"riga {n}").status_code == 201

    response = visitor.send("ancora una")

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert response.json()["message"].startswith("Stai scrivendo più in fretta di quanto riusciamo a leggere")
    assert response["Access-Control-Expose-Headers"] == "Retry-After"
    assert not Message.objects.filter(body_text="ancora una").exists()


def test_the_limit_of_one_chat_does_not_stop_another_visitor(make_visitor):
    anna, bruno = make_visitor(ip="203.0.113.1"), make_visitor(ip="203.0.113.2")
    anna.start()
    bruno.start()
    for n in range(LIMITS["line_token"][0]):
        anna.send(f"riga {n}")
    assert anna.send("troppo").status_code == 429

    assert bruno.send("io posso").status_code == 201


def test_one_connection_cannot_open_chat_after_chat(make_visitor):
    limit, _window = LIMITS["start"]
    for _ in range(limit):
        make_visitor(ip="198.51.100.9").start()

    response = make_visitor(ip="198.51.100.9").post("start/", {"message": "un'altra chat"})

    assert response.status_code == 429
    # The windows are aligned to the clock: the wait is said in minutes or, near the end of a
    # window, in seconds.
    assert re.search(r"aspetta \d+ (minuti|secondi)", response.json()["message"])
    assert Conversation.objects.count() == limit
    assert make_visitor(ip="198.51.100.10").post("start/", {"message": "da un'altra rete"}).status_code == 201


def test_new_tokens_do_not_escape_the_limit_of_the_connection(make_visitor, settings):
    """Opening a new chat for every line would dodge the per-chat limit: the per-IP one still holds."""
    line_limit, _window = LIMITS["line_ip"]
    visitors = [make_visitor(ip="198.51.100.20") for _ in range(LIMITS["start"][0])]
    for one in visitors:
        one.start()
    sent = len(visitors)
    refused = None
    while sent <= line_limit + 1:
        response = visitors[sent % len(visitors)].send(f"riga {sent}")
        if response.status_code == 429:
            refused = sent
            break
        sent += 1
    assert refused == line_limit


def test_polling_too_often_is_slowed_down(visitor):
    visitor.start()
    limit, _window = LIMITS["poll_token"]
    for _ in range(limit):
        assert visitor.poll().status_code == 200

    response = visitor.poll()

    assert response.status_code == 429
    assert "Retry-After" in response


# Query budgets: the same number with ten times the rows.


def _chat_with(visitor, lines: int):
    conversation = Conversation.objects.get(pk=Conversation.objects.latest("pk").pk)
    for n in range(lines):
        MessageFactory(conversation=conversation, direction=Message.Direction.OUT, body_text=f"risposta {n}")
    return conversation


@pytest.mark.parametrize("answers", [3, 30])
def test_the_poll_query_count_is_fixed(visitor, django_assert_max_num_queries, answers):
    visitor.start()
    conversation = _chat_with(visitor, answers)
    last = conversation.messages.latest("pk").pk
    # session with channel and company (the token names it); messages with their authors;
    # their files; the answers marked read
    with django_assert_max_num_queries(4):
        response = visitor.poll(seen=last)
    assert len(response.json()["messages"]) == answers + 1
    # nothing new: session, messages
    with django_assert_max_num_queries(2):
        assert visitor.poll(after=last).json()["messages"] == []


@pytest.mark.parametrize("existing", [1, 10])
def test_the_start_query_count_is_fixed(make_visitor, django_assert_max_num_queries, existing):
    for n in range(existing):
        make_visitor(ip=f"192.0.2.{n}").start(client_key=f"first-line-{n:04}")
    # channel and company; savepoint; savepoint, inbound item, release (the line's key); savepoint
    # (conversation); savepoint, contact, release; SLA (business hours, presence periods);
    # conversation; message; item → conversation; release; release; session; release; the first
    # line (no files: no answer yet); the consent record
    with django_assert_max_num_queries(21):
        make_visitor(ip="192.0.2.200").start(client_key="first-line-last")


@pytest.mark.parametrize("lines", [2, 20])
def test_the_send_query_count_is_fixed(visitor, django_assert_max_num_queries, lines):
    visitor.start()
    for n in range(lines):
        cache.clear()  # the rate limit is not what this test measures
        assert visitor.send(f"riga {n}").status_code == 201
    cache.clear()
    # session (token); savepoint; session locked; savepoint, inbound item, release (the line's
    # key); message; conversation reopened if waiting; activity time; release
    with django_assert_max_num_queries(10):
        assert visitor.send("ultima riga", client_key="ultima-riga-01").status_code == 201


def test_the_hello_and_email_query_counts_are_fixed(visitor, django_assert_max_num_queries):
    visitor.start()
    # session (token); presence periods and their slots; business hours and Italian holidays
    # when there is no schedule (periods, business hours)
    with django_assert_max_num_queries(5):
        assert visitor.get("hello/", "&tz=Europe/Rome").status_code == 200
    # session (token); savepoint; session locked; session saved; conversation with contact;
    # known contact with this address; savepoint, contact updated, release; release
    with django_assert_max_num_queries(10):
        assert visitor.post("email/", {"email": "anna@example.com"}).status_code == 200
