"""Every rule's owner must work in the company: the five edit forms refuse anyone else."""

import pytest

from contentdesk.calendar.forms import CadenceForm, ChannelForm
from contentdesk.models import Cadence, ContentChannel
from engagements.budgets.forms import BudgetRuleForm
from engagements.budgets.models import BudgetRule
from inbox.forms import CannedReplyForm, RoutingRuleForm
from inbox.models import CannedReply
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory

OWNER_ERROR = "Scegli una persona dell'azienda: il responsabile deve lavorare qui."


def _canned(company, owner):
    return CannedReplyForm(
        {
            "title": "Tempi",
            "language": "it",
            "topic": "",
            "body": "Tre settimane.",
            "why": "Chiesto spesso.",
            "owner": owner.pk,
        },
        company=company,
    )


def _routing(company, owner):
    return RoutingRuleForm(
        {
            "topic": "Preventivi",
            "department": "sales",
            "why": "Li firma il commerciale.",
            "owner": owner.pk,
            "is_active": "on",
        },
        company=company,
    )


def _channel(company, owner):
    return ChannelForm(
        {
            "kind": "linkedin",
            "name": "LinkedIn",
            "requires_approval": "on",
            "why": "I buyer sono lì.",
            "owner": owner.pk,
        },
        company=company,
    )


def _cadence(company, owner):
    channel = ContentChannelFactory(company=company)
    data = {
        "channel": channel.pk,
        "frequency": "weekly",
        "weekdays": ["1"],
        "interval": "1",
        "ordinal": "1",
        "month_weekday": "0",
        "time_of_day": "10:00",
        "starts_on": "2026-11-02",
        "is_active": "on",
        "why": "Il martedì leggono.",
        "owner": owner.pk,
    }
    return CadenceForm(data, channels=[channel], company=company)


def _budget(company, owner):
    return BudgetRuleForm(
        {
            "channel": "google_ads",
            "monthly_cap": "400,00",
            "rule": "Solo valvole.",
            "why": "Margine.",
            "owner": owner.pk,
        },
        company=company,
    )


FORMS = [_canned, _routing, _channel, _cadence, _budget]


@pytest.mark.parametrize("make_form", FORMS, ids=lambda f: f.__name__.strip("_"))
def test_the_owner_from_another_company_is_refused(company, outsider, make_form):
    form = make_form(company, outsider)
    assert not form.is_valid()
    assert form.errors["owner"] == [OWNER_ERROR]


@pytest.mark.parametrize("make_form", FORMS, ids=lambda f: f.__name__.strip("_"))
def test_a_member_of_the_company_may_own_the_rule(company, digital_manager, make_form):
    form = make_form(company, digital_manager)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["owner"] == digital_manager
    assert form.cleaned_data["why"]


def test_the_canned_reply_page_saves_the_why_and_the_owner(login, company, digital_manager, owner):
    response = login(digital_manager).post(
        f"/c/{company.slug}/inbox/canned/new/",
        {
            "title": "Tempi di consegna",
            "language": "it",
            "body": "Tre settimane.",
            "why": "Chiesto spesso.",
            "owner": owner.pk,
        },
    )
    assert response.status_code == 302
    canned = CannedReply.objects.get(company=company)
    assert (canned.why, canned.owner) == ("Chiesto spesso.", owner)


def test_the_canned_reply_page_answers_400_to_a_foreign_owner_and_keeps_the_text(
    login, company, digital_manager, outsider
):
    response = login(digital_manager).post(
        f"/c/{company.slug}/inbox/canned/new/",
        {
            "title": "Tempi di consegna",
            "language": "it",
            "body": "Tre settimane.",
            "why": "Chiesto spesso.",
            "owner": outsider.pk,
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert OWNER_ERROR.replace("'", "&#x27;") in content
    assert "Chiesto spesso." in content
    assert not CannedReply.objects.exists()


def test_the_channel_page_saves_the_why_and_the_owner(login, company, consultant):
    response = login(consultant).post(
        f"/c/{company.slug}/calendar/channels/new/",
        {
            "kind": "blog",
            "name": "Blog tecnico",
            "requires_approval": "on",
            "is_active": "on",
            "why": "Per Google.",
            "owner": consultant.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    channel = ContentChannel.objects.get(company=company, name="Blog tecnico")
    assert (channel.why, channel.owner) == ("Per Google.", consultant)


def test_the_cadence_edit_page_shows_and_keeps_the_why_and_the_owner(login, company, consultant, digital_manager):
    cadence = CadenceFactory(company=company, why="Il martedì leggono.", owner=digital_manager)
    client = login(consultant)
    content = client.get(f"/c/{company.slug}/calendar/cadences/{cadence.pk}/edit/").content.decode()
    assert "Il martedì leggono." in content
    assert f'<option value="{digital_manager.pk}" selected>' in content
    data = {
        "channel": cadence.channel_id,
        "frequency": "weekly",
        "weekdays": ["1", "3"],
        "interval": "1",
        "ordinal": "1",
        "month_weekday": "0",
        "time_of_day": "10:00",
        "starts_on": cadence.starts_on.isoformat(),
        "is_active": "on",
        "why": "Martedì e giovedì rendono di più.",
        "owner": consultant.pk,
    }
    assert client.post(f"/c/{company.slug}/calendar/cadences/{cadence.pk}/edit/", data).status_code == 302
    cadence = Cadence.objects.get(pk=cadence.pk)
    assert (cadence.why, cadence.owner) == ("Martedì e giovedì rendono di più.", consultant)


def test_owner_and_why_are_optional(company):
    form = BudgetRuleForm({"channel": "meta_ads", "monthly_cap": "", "rule": "Solo per le fiere."}, company=company)
    assert form.is_valid(), form.errors
    rule = form.save(commit=False)
    rule.company = company
    rule.save()
    saved = BudgetRule.objects.get()
    assert (saved.owner, saved.why, saved.monthly_cap) == (None, "", None)


def test_the_channels_page_shows_each_why_and_owner(login, company, digital_manager):
    channel = ContentChannelFactory(company=company, name="LinkedIn", why="I buyer sono lì.", owner=digital_manager)
    CadenceFactory(company=company, channel=channel)
    content = login(digital_manager).get(f"/c/{company.slug}/calendar/channels/").content.decode()
    assert "I buyer sono lì." in content
    assert f"Responsabile: {digital_manager.display_name}" in content
    # The cadence has neither: the page says so.
    assert "Perché: manca" in content
