"""Channels and cadences, set up by the managers; cadences built from choices, never typed."""

import re
from datetime import date, time

import pytest

from contentdesk.models import Cadence, ContentChannel
from engagements.roles import Role
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory


def _url(company, path=""):
    return f"/c/{company.slug}/calendar/{path}"


WEEKLY = {
    "frequency": "weekly",
    "weekdays": ["1", "3"],
    "interval": "1",
    "ordinal": "1",
    "month_weekday": "0",
    "time_of_day": "10:00",
    "starts_on": "2026-05-13",
    "ends_on": "",
    "label": "",
    "is_active": "on",
}


def test_the_channels_page_lists_kind_approval_limit_activity_and_cadences_in_words(
    login, company, owner, linkedin, newsletter
):
    CadenceFactory(
        company=company,
        channel=linkedin,
        rule="FREQ=WEEKLY;BYDAY=TU,TH",
        time_of_day=time(10),
        starts_on=date(2026, 1, 1),
    )
    CadenceFactory(
        company=company,
        channel=newsletter,
        rule="FREQ=MONTHLY;BYDAY=1MO",
        time_of_day=time(9),
        starts_on=date(2026, 1, 1),
    )
    ContentChannelFactory(company=company, kind="x", name="X aziendale", is_active=False, requires_approval=False)
    content = login(owner).get(_url(company, "channels/")).content.decode()
    assert "Ogni martedì e giovedì alle 10:00" in content
    assert "Il primo lunedì del mese alle 9:00" in content
    assert "Fino a 3.000 caratteri" in content  # LinkedIn's default limit
    assert "Nessun limite di lunghezza" in content  # the newsletter
    assert "X aziendale" in content
    assert "Non attivo" in content
    assert "Senza approvazione" in content
    assert "Richiede approvazione" in content


def test_a_new_channel_takes_the_usual_limit_of_its_network_when_left_empty(login, company, digital_manager):
    response = login(digital_manager).post(
        _url(company, "channels/new/"),
        {
            "kind": "instagram",
            "name": "Instagram Officine",
            "requires_approval": "on",
            "max_length": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == _url(company, "channels/")
    channel = ContentChannel.objects.get(company=company, name="Instagram Officine")
    assert (channel.kind, channel.max_length, channel.requires_approval, channel.is_active) == (
        "instagram",
        2200,
        True,
        True,
    )


def test_editing_a_channel_can_drop_its_approval_and_deactivate_it(login, company, owner, linkedin):
    response = login(owner).post(
        _url(company, f"channels/{linkedin.pk}/edit/"),
        {"kind": "linkedin", "name": "LinkedIn aziendale", "max_length": "1300"},
    )
    assert response.status_code == 302
    linkedin.refresh_from_db()
    assert (linkedin.name, linkedin.max_length, linkedin.requires_approval, linkedin.is_active) == (
        "LinkedIn aziendale",
        1300,
        False,
        False,
    )


def test_two_channels_cannot_share_a_name_and_nothing_is_lost(login, company, owner, linkedin):
    response = login(owner).post(
        _url(company, "channels/new/"), {"kind": "linkedin", "name": "linkedin", "max_length": "2000"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "Esiste già un canale con questo nome." in content
    assert 'value="2000"' in content
    assert ContentChannel.objects.for_company(company).count() == 1


def test_a_channel_needs_a_kind_and_a_name(login, company, owner):
    content = login(owner).post(_url(company, "channels/new/"), {}).content.decode()
    assert "Nessuna modifica salvata: correggi i campi evidenziati qui sotto." in content


def test_a_weekly_cadence_is_built_from_the_chosen_days(login, company, digital_manager, linkedin):
    client = login(digital_manager)
    response = client.post(_url(company, "cadences/new/"), {**WEEKLY, "channel": str(linkedin.pk)})
    assert response.status_code == 302
    cadence = Cadence.objects.get(company=company)
    assert (cadence.channel, cadence.rule, cadence.time_of_day, cadence.starts_on) == (
        linkedin,
        "FREQ=WEEKLY;BYDAY=TU,TH",
        time(10),
        date(2026, 5, 13),
    )
    assert (
        "Cadenza salvata: LinkedIn, Ogni martedì e giovedì alle 10:00."
        in client.get(response["Location"]).content.decode()
    )


def test_every_other_week_goes_into_the_rule(login, company, digital_manager, linkedin):
    login(digital_manager).post(
        _url(company, "cadences/new/"), {**WEEKLY, "channel": str(linkedin.pk), "interval": "2", "weekdays": ["4"]}
    )
    assert Cadence.objects.get(company=company).rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"


def test_a_monthly_cadence_on_the_first_monday_for_the_newsletter(login, company, digital_manager, newsletter):
    data = {
        **WEEKLY,
        "channel": str(newsletter.pk),
        "frequency": "monthly",
        "ordinal": "1",
        "month_weekday": "0",
        "time_of_day": "09:00",
    }
    login(digital_manager).post(_url(company, "cadences/new/"), data)
    assert Cadence.objects.get(company=company).rule == "FREQ=MONTHLY;BYDAY=1MO"


def test_a_monthly_cadence_on_the_last_friday(login, company, digital_manager, newsletter):
    data = {**WEEKLY, "channel": str(newsletter.pk), "frequency": "monthly", "ordinal": "-1", "month_weekday": "4"}
    login(digital_manager).post(_url(company, "cadences/new/"), data)
    assert Cadence.objects.get(company=company).rule == "FREQ=MONTHLY;BYDAY=-1FR"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"weekdays": []}, "Scegli almeno un giorno della settimana."),
        ({"ends_on": "2026-05-01"}, "La fine viene prima dell&#x27;inizio."),
        ({"time_of_day": "25:00"}, "Inserisci un&#x27;ora valida."),
        ({"starts_on": "31/02/2026"}, "Inserisci una data valida."),
        ({"interval": "12"}, "Scegli un&#x27;opzione valida."),
    ],
)
def test_a_cadence_with_bad_choices_is_refused_with_a_message_and_kept(
    login, company, digital_manager, linkedin, changes, message
):
    response = login(digital_manager).post(
        _url(company, "cadences/new/"), {**WEEKLY, "channel": str(linkedin.pk), "label": "Consigli tecnici", **changes}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert message in content
    assert 'value="Consigli tecnici"' in content
    assert not Cadence.objects.exists()


def test_a_cadence_cannot_use_another_companys_channel(login, company, digital_manager, linkedin, other_company):
    foreign = ContentChannelFactory(company=other_company)
    response = login(digital_manager).post(_url(company, "cadences/new/"), {**WEEKLY, "channel": str(foreign.pk)})
    assert response.status_code == 400
    assert not Cadence.objects.exists()


def test_the_new_cadence_form_starts_on_the_channel_asked(login, company, owner, linkedin, newsletter):
    content = login(owner).get(_url(company, f"cadences/new/?channel={newsletter.pk}")).content.decode()
    assert f'<option value="{newsletter.pk}" selected>' in content
    assert 'value="2026-05-13"' in content


def test_editing_a_cadence_shows_its_choices_and_saves_new_ones(login, company, owner, linkedin, linkedin_cadence):
    content = login(owner).get(_url(company, f"cadences/{linkedin_cadence.pk}/edit/")).content.decode()
    assert "Ogni martedì e giovedì alle 10:00" in content
    assert re.search(r'value="1"\s+id="id_weekdays_1" checked', content)
    assert re.search(r'value="3"\s+id="id_weekdays_3" checked', content)
    assert not re.search(r'value="0"\s+id="id_weekdays_0" checked', content)
    data = {
        **WEEKLY,
        "channel": str(linkedin.pk),
        "weekdays": ["0", "2", "4"],
        "time_of_day": "08:15",
        "starts_on": "01/01/2026",
    }
    assert login(owner).post(_url(company, f"cadences/{linkedin_cadence.pk}/edit/"), data).status_code == 302
    linkedin_cadence.refresh_from_db()
    assert (linkedin_cadence.rule, linkedin_cadence.time_of_day) == ("FREQ=WEEKLY;BYDAY=MO,WE,FR", time(8, 15))


def test_a_rule_the_builder_cannot_show_is_named_and_replaced_only_on_save(login, company, owner, linkedin):
    cadence = CadenceFactory(company=company, channel=linkedin, rule="FREQ=DAILY;INTERVAL=3")
    content = login(owner).get(_url(company, f"cadences/{cadence.pk}/edit/")).content.decode()
    assert "FREQ=DAILY;INTERVAL=3" in content
    assert "Salvando la sostituisci" in content


def test_deleting_a_cadence(login, company, consultant, linkedin_cadence):
    client = login(consultant)
    response = client.post(_url(company, f"cadences/{linkedin_cadence.pk}/delete/"))
    assert response.status_code == 302
    assert not Cadence.objects.exists()
    assert (
        "Cadenza eliminata: LinkedIn, Ogni martedì e giovedì alle 10:00."
        in client.get(response["Location"]).content.decode()
    )


def test_cadences_need_a_channel_first(login, company, owner):
    response = login(owner).get(_url(company, "cadences/new/"))
    assert response.status_code == 302
    assert response["Location"] == _url(company, "channels/")


def test_the_usual_channels_are_created_once(login, company, owner):
    client = login(owner)
    client.post(_url(company, "channels/defaults/"))
    response = client.post(_url(company, "channels/defaults/"))
    assert response["Location"] == _url(company, "channels/")
    assert ContentChannel.objects.for_company(company).count() == 5
    assert (
        "L&#x27;azienda ha già i suoi canali: non è stato aggiunto nulla."
        in client.get(response["Location"]).content.decode()
    )


WRITE_PATHS = [
    ("get", "channels/"),
    ("get", "channels/new/"),
    ("post", "channels/new/"),
    ("post", "channels/defaults/"),
    ("get", "channels/{channel}/edit/"),
    ("post", "channels/{channel}/edit/"),
    ("get", "cadences/new/"),
    ("post", "cadences/new/"),
    ("get", "cadences/{cadence}/edit/"),
    ("post", "cadences/{cadence}/edit/"),
    ("post", "cadences/{cadence}/delete/"),
]


@pytest.mark.parametrize(("method", "path"), WRITE_PATHS)
def test_a_colleague_gets_403_on_channels_and_cadences(
    login, company, colleague, linkedin, linkedin_cadence, method, path
):
    url = _url(company, path.format(channel=linkedin.pk, cadence=linkedin_cadence.pk))
    assert getattr(login(colleague), method)(url).status_code == 403
    assert Cadence.objects.filter(pk=linkedin_cadence.pk).exists()


@pytest.mark.parametrize(("method", "path"), WRITE_PATHS)
def test_a_member_of_another_company_gets_404_on_channels_and_cadences(
    login, company, outsider, linkedin, linkedin_cadence, method, path
):
    url = _url(company, path.format(channel=linkedin.pk, cadence=linkedin_cadence.pk))
    assert getattr(login(outsider), method)(url).status_code == 404


@pytest.mark.parametrize("path", ["channels/{channel}/edit/", "cadences/{cadence}/edit/", "cadences/{cadence}/delete/"])
def test_another_companys_channel_or_cadence_answers_404(login, company, owner, other_company, path):
    foreign = CadenceFactory(company=other_company)
    url = _url(company, path.format(channel=foreign.channel_id, cadence=foreign.pk))
    assert login(owner).post(url, WEEKLY).status_code == 404
    assert Cadence.objects.filter(pk=foreign.pk).exists()


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT])
def test_the_managers_open_the_channels_page(login, company, users_by_role, role):
    assert login(users_by_role[role]).get(_url(company, "channels/")).status_code == 200
