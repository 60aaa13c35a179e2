"""The new and edit pages of an item: one form, times in the company's zone, nothing lost."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from contentdesk.models import ContentEvent, ContentItem
from engagements.roles import Role
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.contentdesk.items.conftest import item_url, new_url

pytestmark = pytest.mark.django_db

S = ContentItem.Status


def _form(channel, **values):
    data = {
        "title": "Fiera MECSPE: ci siamo",
        "channel": channel.pk,
        "kind": "post",
        "language": "it",
        "planned_date": "",
        "planned_time": "",
        "tag": "",
        "brief": "",
        "body": "",
        "status": S.DRAFT,
    }
    data.update(values)
    return data


# New ---------------------------------------------------------------------------------------------


def test_a_new_item_is_created_with_its_time_read_in_the_companys_zone(login, company, channel, digital_manager):
    data = _form(
        channel,
        planned_date="12/11/2026",
        planned_time="10:30",
        tag="Fiera MECSPE",
        brief="Per i manutentori",
        body="Vieni allo **stand**.",
    )
    response = login(digital_manager).post(new_url(company), data)
    item = ContentItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == item_url(item)
    assert timezone.localtime(item.scheduled_at, company.tzinfo).replace(tzinfo=None) == datetime(2026, 11, 12, 10, 30)
    assert (item.author, item.status, item.tag, item.channel) == (digital_manager, S.DRAFT, "Fiera MECSPE", channel)
    assert ContentEvent.objects.get(item=item).kind == ContentEvent.Kind.CREATED


def test_a_new_item_can_start_as_an_idea_without_a_date(login, company, channel, digital_manager):
    login(digital_manager).post(new_url(company), _form(channel, status=S.IDEA))
    item = ContentItem.objects.get()
    assert (item.status, item.scheduled_at) == (S.IDEA, None)


def test_the_calendars_empty_slot_prefills_channel_time_and_status(
    login, company, channel, free_channel, digital_manager
):
    response = login(digital_manager).get(
        new_url(company, f"?channel={free_channel.pk}&at=2026-03-29T10:00&status=idea")
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert f'<option value="{free_channel.pk}" selected>' in content
    assert 'name="planned_date" value="2026-03-29"' in content
    assert 'name="planned_time" value="10:00"' in content
    assert 'value="idea"  id="id_status_0" required checked' in content


def test_a_malformed_prefill_is_ignored(login, company, channel, digital_manager):
    response = login(digital_manager).get(new_url(company, "?channel=abc&at=yesterday&status=published"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="planned_date" value=' not in content
    assert 'value="draft"  id="id_status_1" required checked' in content


def test_only_the_companys_active_channels_are_offered(login, company, other_company, channel, digital_manager):
    off = ContentChannelFactory(company=company, name="Vecchio canale", is_active=False)
    foreign = ContentChannelFactory(company=other_company, name="Canale altrui")
    content = login(digital_manager).get(new_url(company)).content.decode()
    assert "LinkedIn" in content
    assert off.name not in content
    assert foreign.name not in content
    response = login(digital_manager).post(new_url(company), _form(foreign))
    assert response.status_code == 400
    assert "Scegli uno dei canali attivi dell&#x27;azienda." in response.content.decode()
    assert not ContentItem.objects.exists()


def test_a_company_without_channels_gets_the_usual_ones_on_the_new_page(login, company, digital_manager):
    content = login(digital_manager).get(new_url(company)).content.decode()
    assert "Newsletter" in content


def test_bad_input_answers_400_in_italian_and_keeps_everything_typed(login, company, channel, digital_manager):
    data = _form(
        channel,
        title="  ",
        planned_date="31/02/2026",
        planned_time="25:00",
        tag="Dietro le quinte",
        brief="Il mio brief",
        body="Testo lungo e importante",
    )
    response = login(digital_manager).post(new_url(company), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert "Il contenuto non è stato salvato: correggi i campi evidenziati qui sotto." in content
    assert "Dai un titolo al contenuto." in content or "Questo campo è obbligatorio." in content
    assert "Scrivi una data come 12/11/2026." in content
    assert "Scrivi un orario come 10:30." in content
    assert 'value="Dietro le quinte"' in content
    assert "Il mio brief" in content
    assert "Testo lungo e importante" in content
    assert not ContentItem.objects.exists()


@pytest.mark.parametrize(
    ("date", "time", "message"),
    [
        ("12/11/2026", "", "Scegli anche l&#x27;ora, oppure cancella la data."),
        ("", "10:00", "Scegli anche la data, oppure cancella l&#x27;ora."),
        ("12/11/1926", "10:00", "Controlla l&#x27;anno di questa data."),
        # The clocks go from 02:00 to 03:00 in Rome on the last Sunday of March 2026.
        ("29/03/2026", "02:30", "gli orologi vanno avanti di un&#x27;ora"),
    ],
)
def test_an_incomplete_or_impossible_time_is_explained(login, company, channel, digital_manager, date, time, message):
    response = login(digital_manager).post(new_url(company), _form(channel, planned_date=date, planned_time=time))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_date_typed_the_italian_way_is_shown_back_to_the_date_picker(login, company, channel, digital_manager):
    response = login(digital_manager).post(new_url(company), _form(channel, title="", planned_date="12/11/2026"))
    assert 'name="planned_date" value="2026-11-12"' in response.content.decode()


def test_the_tag_suggestions_are_the_companys_own(login, company, other_company, channel, digital_manager):
    ContentItemFactory(company=company, channel=channel, tag="Fiera MECSPE")
    ContentItemFactory(company=company, channel=channel, tag="fiera mecspe")
    ContentItemFactory(company=other_company, tag="Segreto altrui")
    content = login(digital_manager).get(new_url(company)).content.decode()
    datalist = content[content.index('<datalist id="item-tags">') : content.index("</datalist>")]
    # One suggestion per tag, whatever its capitals (the latest spelling).
    assert datalist.count("<option") == 1
    assert "fiera mecspe" in datalist.casefold()
    assert "Segreto altrui" not in content


@pytest.mark.parametrize("role", [Role.OWNER, Role.COLLEAGUE])
def test_roles_that_do_not_write_may_not_open_the_new_page(login, company, users_by_role, role):
    assert login(users_by_role[role]).get(new_url(company)).status_code == 403


# Edit --------------------------------------------------------------------------------------------


def test_the_edit_page_shows_the_planned_time_in_the_companys_zone(login, company, channel, digital_manager):
    when = timezone.make_aware(datetime(2026, 7, 1, 9, 15), company.tzinfo)
    item = ContentItemFactory(company=company, channel=channel, scheduled_at=when, tag="Estate")
    content = login(digital_manager).get(item_url(item, "edit/")).content.decode()
    assert 'name="planned_date" value="2026-07-01"' in content
    assert 'name="planned_time" value="09:15"' in content
    assert 'name="status"' not in content


def test_an_edit_is_saved_and_recorded(login, company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.DRAFT)
    data = _form(channel, title="Titolo nuovo", body="Testo nuovo", planned_date="2026-12-01", planned_time="08:00")
    response = login(digital_manager).post(item_url(item, "edit/"), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.body, item.status) == ("Titolo nuovo", "Testo nuovo", S.DRAFT)
    assert ContentEvent.objects.filter(item=item, kind=ContentEvent.Kind.EDITED, by=digital_manager).exists()


def test_an_approved_item_warns_before_saving_and_goes_back_to_review(login, company, channel, owner, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.APPROVED, approved_by=owner)
    client = login(digital_manager)
    page = client.get(item_url(item, "edit/")).content.decode()
    assert "Se ne cambi titolo, testo, canale o lingua torna in approvazione" in page
    data = _form(channel, title=item.title, body="Testo cambiato dopo l'ok")
    response = client.post(item_url(item, "edit/"), data, follow=True)
    item.refresh_from_db()
    assert item.status == S.IN_REVIEW
    assert item.approved_by is None
    assert "torna in approvazione" in response.content.decode()


def test_no_warning_when_the_channel_needs_no_approval(login, company, free_channel, digital_manager):
    item = ContentItemFactory(company=company, channel=free_channel, status=S.APPROVED)
    page = login(digital_manager).get(item_url(item, "edit/")).content.decode()
    assert "torna in approvazione" not in page


def test_an_item_keeps_its_channel_after_the_channel_was_switched_off(login, company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel)
    channel.is_active = False
    channel.save()
    client = login(digital_manager)
    assert f'<option value="{channel.pk}" selected>' in client.get(item_url(item, "edit/")).content.decode()
    assert client.post(item_url(item, "edit/"), _form(channel, title="Ancora qui")).status_code == 302


def test_a_refused_edit_keeps_the_text_and_says_why(login, company, digital_manager):
    x = ContentChannelFactory(company=company, kind="x", name="X", requires_approval=False)
    item = ContentItemFactory(company=company, channel=x, status=S.SCHEDULED, body="Breve")
    when = timezone.localtime(item.scheduled_at, company.tzinfo)
    data = _form(x, title=item.title, body="b" * 300, planned_date=f"{when:%d/%m/%Y}", planned_time=f"{when:%H:%M}")
    response = login(digital_manager).post(item_url(item, "edit/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Il testo è lungo 300 caratteri; X ne accetta 280." in content
    assert "b" * 300 in content
    item.refresh_from_db()
    assert item.body == "Breve"


def test_a_published_item_is_not_editable(login, company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, published=True)
    response = login(digital_manager).get(item_url(item, "edit/"))
    assert response.status_code == 302
    assert response["Location"] == item_url(item)


def test_another_companys_item_is_404_on_the_edit_page(login, company, other_company, digital_manager):
    item = ContentItemFactory(company=other_company)
    url = f"/c/{company.slug}/calendar/items/{item.pk}/edit/"
    assert login(digital_manager).get(url).status_code == 404


@pytest.mark.parametrize("role", [Role.OWNER, Role.COLLEAGUE])
def test_roles_that_do_not_write_may_not_edit(login, company, channel, users_by_role, role):
    item = ContentItemFactory(company=company, channel=channel)
    assert login(users_by_role[role]).post(item_url(item, "edit/"), _form(channel, title="No")).status_code == 403
    item.refresh_from_db()
    assert item.title != "No"


def test_the_edit_page_query_count_does_not_grow_with_channels_tags_or_history(
    login, company, channel, digital_manager, django_assert_max_num_queries
):
    item = ContentItemFactory(company=company, channel=channel, tag="Uno")
    client = login(digital_manager)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, item with channel/author/approved_by, active channels,
    # company tags, switcher memberships
    budget = 7
    with django_assert_max_num_queries(budget):
        assert client.get(item_url(item, "edit/")).status_code == 200
    for n in range(10):
        ContentChannelFactory(company=company, name=f"Canale {n}")
        ContentItemFactory(company=company, channel=channel, tag=f"Filone {n}")
        ContentEvent.objects.create(item=item, kind=ContentEvent.Kind.EDITED, by=digital_manager)
    with django_assert_max_num_queries(budget):
        assert client.get(item_url(item, "edit/")).status_code == 200


def test_the_new_page_query_count(login, company, channel, digital_manager, django_assert_max_num_queries):
    client = login(digital_manager)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, channels exist?, active channels, company tags,
    # switcher memberships
    with django_assert_max_num_queries(7):
        assert client.get(new_url(company)).status_code == 200
    for n in range(10):
        ContentItemFactory(company=company, channel=channel, tag=f"Filone {n}")
    with django_assert_max_num_queries(7):
        assert client.get(new_url(company)).status_code == 200


def test_the_planned_time_of_an_edit_survives_the_autumn_clock_change(login, company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, scheduled_at=timezone.now() + timedelta(days=1))
    data = _form(channel, title=item.title, planned_date="25/10/2026", planned_time="10:00")
    login(digital_manager).post(item_url(item, "edit/"), data)
    item.refresh_from_db()
    assert item.scheduled_at == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
