"""The activity log page and its CSV export: who may read them, filters, pages, languages and
the query budget."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from activity.log import _entry as _unsaved_entry
from activity.log import record
from activity.models import Activity
from activity.verbs import Verb
from engagements.reauth import CONFIRMED_AT_SESSION_KEY
from tests.inbox.work.factories import enquiry

pytestmark = pytest.mark.django_db


def _url(company, suffix=""):
    return f"/c/{company.slug}/activity/{suffix}"


def _entry(company, actor, verb, target=None, *, at=None, **details) -> Activity:
    if at is None:
        return record(company, actor, verb, target, **details)
    # Append-only: an entry of another day is written as such, never moved afterwards.
    entry = _unsaved_entry(company, actor, verb, target, None, details)
    entry.created_at = at
    entry.save()
    return entry


# --- who may read it ------------------------------------------------------------------------


def test_owner_and_consultant_read_the_log(login, company, owner, consultant):
    conversation = enquiry(company)
    _entry(company, consultant, Verb.CONVERSATION_STATUS, conversation, **{"from": "open", "to": "resolved"})
    for user in (owner, consultant):
        response = login(user).get(_url(company))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Ha cambiato lo stato di una conversazione" in html or "Changed a conversation" in html
        assert f'<a href="/c/{company.slug}/inbox/{conversation.pk}/">Conversazione #{conversation.pk}</a>' in html
        assert consultant.display_name in html


@pytest.mark.parametrize("role", ["digital_manager", "colleague"])
def test_digital_manager_and_colleague_get_403(login, company, request, role):
    user = request.getfixturevalue(role)
    assert login(user).get(_url(company)).status_code == 403
    assert login(user).get(_url(company, "export.csv")).status_code == 403


def test_member_of_another_company_gets_404(login, company, owner, outsider):
    assert login(outsider).get(_url(company)).status_code == 404
    assert login(outsider).get(_url(company, "export.csv")).status_code == 404


def test_another_companys_entries_never_show(login, company, other_company, owner, outsider):
    _entry(other_company, outsider, Verb.SETTINGS_CHANGED, other_company)
    _entry(company, owner, Verb.SETTINGS_CHANGED, company)
    html = login(owner).get(_url(company)).content.decode()
    assert outsider.display_name not in html
    assert owner.display_name in html


def test_the_navigation_links_the_log_for_managers_only(login, company, owner, digital_manager):
    assert _url(company) in login(owner).get(f"/c/{company.slug}/").content.decode()
    assert _url(company) not in login(digital_manager).get(f"/c/{company.slug}/").content.decode()


# --- what it shows ---------------------------------------------------------------------------


def test_times_are_the_companys_and_labels_the_readers_language(login, company, owner, consultant):
    conversation = enquiry(company)
    at = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)  # 10:30 in Rome
    _entry(company, consultant, Verb.CONVERSATION_STATUS, conversation, at=at, **{"from": "open", "to": "resolved"})
    html = login(owner).get(_url(company)).content.decode()
    assert "20/11/2026 10:30" in html
    assert "Ha cambiato lo stato di una conversazione" in html
    assert f"Conversazione #{conversation.pk}" in html
    assert "Aperta → Risolta" in html
    owner.language = "en"
    owner.save(update_fields=["language"])
    html = login(owner).get(_url(company)).content.decode()
    assert "11/20/2026 10:30 a.m." in html
    assert "Changed a conversation&#x27;s status" in html
    assert f"Conversation #{conversation.pk}" in html
    assert "Open → Resolved" in html


def test_a_wrong_code_while_setting_up_two_factor_reads_in_words_not_as_a_raw_key(login, company, owner, consultant):
    _entry(company, consultant, Verb.TWO_FACTOR_FAILED, step="setup")
    html = login(owner).get(_url(company)).content.decode()
    assert "durante la configurazione dell&#x27;accesso in due passaggi" in html
    assert "step: setup" not in html


def test_filters_by_person_kind_group_and_days(login, company, owner, consultant, digital_manager):
    conversation = enquiry(company)
    _entry(company, consultant, Verb.REPLY_SENT, conversation, at=datetime(2026, 3, 1, 10, tzinfo=UTC))
    _entry(company, digital_manager, Verb.CONVERSATION_ASSIGNED, conversation, at=datetime(2026, 3, 5, 10, tzinfo=UTC))
    _entry(company, consultant, Verb.SPEND_APPROVED, at=datetime(2026, 3, 9, 10, tzinfo=UTC), amount="10.00")
    client = login(owner)

    def shown(**params):
        response = client.get(_url(company), params)
        assert response.status_code == 200
        # Signing in writes its own entry (today): left out here.
        return sorted(entry.verb for entry in response.context["rows"] if not entry.verb.startswith("auth."))

    assert shown(person=consultant.pk) == [Verb.SPEND_APPROVED, Verb.REPLY_SENT]
    assert shown(kind=Verb.REPLY_SENT) == [Verb.REPLY_SENT]
    assert shown(kind="inbox") == [Verb.CONVERSATION_ASSIGNED, Verb.REPLY_SENT]
    assert shown(since="2026-03-05", until="2026-03-05") == [Verb.CONVERSATION_ASSIGNED]
    assert shown(since="2026-03-02") == [Verb.SPEND_APPROVED, Verb.CONVERSATION_ASSIGNED]
    assert shown(person=consultant.pk, kind="budget", until="2026-03-31") == [Verb.SPEND_APPROVED]


def test_the_kind_filter_offers_actions_grouped(login, company, owner):
    html = login(owner).get(_url(company)).content.decode()
    assert '<optgroup label="Posta in arrivo">' in html
    assert '<option value="inbox">' in html
    assert f'<option value="{Verb.SPEND_APPROVED.value}">' in html


def test_a_bad_date_is_explained_and_the_other_filters_still_apply(login, company, owner, consultant, digital_manager):
    conversation = enquiry(company)
    _entry(company, consultant, Verb.REPLY_SENT, conversation)
    _entry(company, digital_manager, Verb.REPLY_SENT, conversation)
    response = login(owner).get(_url(company), {"person": consultant.pk, "since": "31/02/2026", "until": "ieri"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("Inserisci una data come 31/12/2026.") == 2
    # What was typed stays.
    assert 'value="31/02/2026"' in html
    assert 'value="ieri"' in html
    assert f'<option value="{consultant.pk}" selected>' in html
    assert [entry.actor for entry in response.context["rows"]] == [consultant]


def test_an_end_before_the_start_is_refused_with_a_message(login, company, owner):
    response = login(owner).get(_url(company), {"since": "2026-03-10", "until": "2026-03-01"})
    assert "La data di fine viene prima di quella di inizio." in response.content.decode()


def test_the_log_is_paginated(login, company, owner):
    conversation = enquiry(company)
    for _ in range(55):
        _entry(company, owner, Verb.REPLY_SENT, conversation)
    client = login(owner)
    first = client.get(_url(company), {"kind": "inbox"})
    assert len(first.context["rows"]) == 50
    assert "page=2" in first.content.decode()
    assert len(client.get(_url(company), {"kind": "inbox", "page": 2}).context["rows"]) == 5


def _page_queries(client, company) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_url(company), {"kind": "inbox"}).status_code == 200
    return len(queries)


def test_the_page_reads_a_fixed_number_of_queries_however_many_entries(
    login, company, owner, consultant, django_assert_max_num_queries
):
    conversation = enquiry(company)
    client = login(owner)
    client.get(_url(company))  # the first visit also notes the company in the session
    for _ in range(3):
        _entry(company, consultant, Verb.REPLY_SENT, conversation)
    few = _page_queries(client, company)
    for _ in range(27):
        _entry(company, consultant, Verb.REPLY_SENT, conversation)
    # session, user, two-factor device, membership; the members for the person filter; count; the
    # page's entries; the user's companies for the menu.
    with django_assert_max_num_queries(8):
        assert client.get(_url(company), {"kind": "inbox"}).status_code == 200
    assert _page_queries(client, company) == few


# --- the export ------------------------------------------------------------------------------


def _csv(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_the_export_is_a_utf8_csv_with_bom_of_the_filtered_log(login, company, owner, consultant):
    conversation = enquiry(company)
    _entry(company, consultant, Verb.REPLY_SENT, conversation, at=datetime(2026, 3, 1, 10, tzinfo=UTC))
    _entry(company, owner, Verb.SPEND_APPROVED, at=datetime(2026, 3, 2, 10, tzinfo=UTC), amount="480.00")
    response = login(owner).get(_url(company, "export.csv"), {"kind": "inbox"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="activity-officine-test-')
    text = _csv(response)
    assert text.startswith("\ufeffQuando (Europe/Rome),Chi,Cosa,Su cosa,Dettagli,Indirizzo IP\r\n")
    lines = text.splitlines()
    assert len(lines) == 2
    assert lines[1].startswith(f"2026-03-01 11:00:00,{consultant.display_name},Ha inviato una risposta,Conversazione #")


def test_the_export_is_itself_recorded_with_its_filters(login, company, owner):
    login(owner).get(_url(company, "export.csv"), {"kind": "budget", "since": "2026-01-01"}).getvalue()
    entry = Activity.objects.get(verb=Verb.DATA_EXPORTED)
    assert (entry.company, entry.actor) == (company, owner)
    assert entry.details == {"export": "activity_log", "kind": "budget", "since": "2026-01-01"}


def test_the_export_speaks_english_to_an_english_reader(login, company, owner, consultant):
    owner.language = "en"
    owner.save(update_fields=["language"])
    _entry(company, consultant, Verb.SPEND_REJECTED, amount="510.00")
    text = _csv(login(owner).get(_url(company, "export.csv")))
    assert text.startswith("\ufeffWhen (Europe/Rome),Who,What,On what,Details,IP address\r\n")
    assert "Rejected a spend" in text
    assert "€\u00a0510.00" in text


def test_a_cell_starting_like_a_formula_is_neutralised(login, company, owner):
    _entry(company, owner, Verb.CONTENT_MOVED, '=HYPERLINK("http://x")')
    assert "'=HYPERLINK" in _csv(login(owner).get(_url(company, "export.csv")))


def test_the_export_asks_for_the_password_when_not_confirmed_lately(login, company, owner):
    client = login(owner)
    session = client.session
    session.pop(CONFIRMED_AT_SESSION_KEY, None)
    session.save()
    response = client.get(_url(company, "export.csv"))
    assert response.status_code == 200
    assert "text/html" in response["Content-Type"]
    assert not Activity.objects.filter(verb=Verb.DATA_EXPORTED).exists()


def test_the_export_reads_a_fixed_number_of_queries(login, company, owner, consultant, django_assert_max_num_queries):
    conversation = enquiry(company)
    for _ in range(30):
        _entry(company, consultant, Verb.REPLY_SENT, conversation)
    client = login(owner)
    client.get(_url(company))  # the first visit also notes the company in the session
    # session, user, two-factor device, membership; members; the export's own entry; the rows.
    with django_assert_max_num_queries(7):
        _csv(client.get(_url(company, "export.csv")))
