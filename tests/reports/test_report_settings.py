"""Who receives the monthly report: the settings page, and the emails to the chosen people."""

from datetime import date
from html import unescape

import pytest

from engagements.models import Membership
from engagements.roles import Role
from reports.models import ReportSettings
from reports.period import Month
from reports.recipients import Recipient, report_recipients
from reports.services import monthly_report_generate
from reports.tasks import send_monthly_report
from tests.factories import MembershipFactory, UserFactory
from tests.reports.data import fill

OCTOBER = Month(date(2026, 10, 1))


def _url(company):
    return f"/c/{company.slug}/reports/settings/"


def _membership(company, user):
    return Membership.objects.get(company=company, user=user)


def test_by_default_the_owners_and_the_consultants_receive_it(company, owner, consultant, digital_manager):
    assert {r.email for r in report_recipients(company)} == {owner.email, consultant.email}


def test_the_page_starts_from_the_owners_and_consultants(login, company, owner, consultant, digital_manager):
    content = login(owner).get(_url(company)).content.decode()
    assert "Chi riceve il resoconto mensile" in content
    owner_box = f'value="{_membership(company, owner).pk}"'
    dm_box = f'value="{_membership(company, digital_manager).pk}"'
    assert owner_box in content
    assert "checked" in content.split(owner_box)[1][:80]
    assert "checked" not in content.split(dm_box)[1][:80]


def test_the_consultant_chooses_members_and_the_accountant_in_english(
    login, company, owner, consultant, digital_manager
):
    response = login(consultant).post(
        _url(company),
        {
            "members": [_membership(company, digital_manager).pk],
            "extra_addresses": "commercialista@studio.example\n Commercialista@studio.example, socio@example.org",
            "extra_language": "en",
        },
        follow=True,
    )
    assert "Salvato: i prossimi resoconti vanno alle persone scelte qui." in response.content.decode()
    assert report_recipients(company) == [
        Recipient(digital_manager.email, "it", digital_manager.first_name or digital_manager.email),
        Recipient("commercialista@studio.example", "en"),
        Recipient("socio@example.org", "en"),
    ]


def test_bad_addresses_are_named_and_nothing_is_lost(login, company, owner, consultant):
    typed = "commercialista@studio\nsocio@example.org\nnon-un-indirizzo"
    response = login(owner).post(
        _url(company), {"members": [_membership(company, owner).pk], "extra_addresses": typed, "extra_language": "it"}
    )
    content = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Questi non sono indirizzi email validi: “commercialista@studio”, “non-un-indirizzo”." in content
    assert "Nessuna modifica salvata" in content
    assert typed in content  # what was typed stays in the field
    assert not ReportSettings.objects.exists()


def test_one_bad_address_is_named_alone(login, company, owner):
    response = login(owner).post(
        _url(company),
        {"members": [_membership(company, owner).pk], "extra_addresses": "mario@", "extra_language": "it"},
    )
    assert response.status_code == 400
    assert "“mario@” non è un indirizzo email valido." in unescape(response.content.decode())


def test_at_most_ten_other_addresses(login, company, owner):
    addresses = "\n".join(f"persona{n}@example.org" for n in range(11))
    response = login(owner).post(_url(company), {"extra_addresses": addresses, "extra_language": "it"})
    assert response.status_code == 400
    assert "Al massimo 10 altri indirizzi: ne hai scritti 11." in unescape(response.content.decode())


def test_someone_must_receive_it(login, company, owner):
    response = login(owner).post(_url(company), {"extra_addresses": "", "extra_language": "it"})
    assert response.status_code == 400
    assert "Scegli almeno un membro o scrivi un indirizzo" in response.content.decode()


def test_a_member_of_another_company_cannot_be_chosen(login, company, owner, outsider, other_company):
    response = login(owner).post(
        _url(company), {"members": [_membership(other_company, outsider).pk], "extra_language": "it"}
    )
    assert response.status_code == 400
    assert not ReportSettings.objects.exists()


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.COLLEAGUE])
def test_only_owners_and_consultants_choose(login, company, users_by_role, role):
    client = login(users_by_role[role])
    assert client.get(_url(company)).status_code == 403
    assert client.post(_url(company), {"extra_addresses": "a@example.org", "extra_language": "it"}).status_code == 403
    assert not ReportSettings.objects.exists()


def test_another_company_gets_404(login, company, outsider):
    assert login(outsider).get(_url(company)).status_code == 404
    assert login(outsider).post(_url(company), {"extra_language": "it"}).status_code == 404


def test_the_archive_links_the_settings_for_owners_only(login, company, owner, digital_manager):
    assert _url(company) in login(owner).get(f"/c/{company.slug}/reports/").content.decode()
    assert _url(company) not in login(digital_manager).get(f"/c/{company.slug}/reports/").content.decode()


# session, user, membership+company; the settings; the members for the checkboxes; the members
# chosen (the initial ticks); the switcher's memberships.
SETTINGS_PAGE_QUERIES = 7


def test_the_page_queries_do_not_grow_with_the_members(login, company, owner, django_assert_max_num_queries):
    client = login(owner)
    client.post(_url(company), {"members": [_membership(company, owner).pk], "extra_language": "it"})
    client.get(_url(company))
    with django_assert_max_num_queries(SETTINGS_PAGE_QUERIES):
        assert client.get(_url(company)).status_code == 200
    for n in range(10):
        MembershipFactory(
            company=company, role=Role.COLLEAGUE, department="sales", user=UserFactory(email=f"c{n}@x.it")
        )
    with django_assert_max_num_queries(SETTINGS_PAGE_QUERIES):
        content = client.get(_url(company)).content.decode()
    assert content.count('name="members"') == 11


# --- the emails ---------------------------------------------------------------------------------


@pytest.fixture
def report(company, owner, consultant, digital_manager):
    fill(company)
    report, _created = monthly_report_generate(company=company, month=OCTOBER)
    return report


def test_the_chosen_people_get_the_report_through_a_real_smtp_server(
    smtp, login, company, owner, consultant, digital_manager, report
):
    login(owner).post(
        _url(company),
        {
            "members": [_membership(company, owner).pk, _membership(company, digital_manager).pk],
            "extra_addresses": "commercialista@studio.example",
            "extra_language": "en",
        },
    )
    assert send_monthly_report(report.pk) == 3
    by_address = {message["To"]: message for message in smtp.messages}
    assert set(by_address) == {owner.email, digital_manager.email, "commercialista@studio.example"}
    accountant = by_address["commercialista@studio.example"]
    assert accountant["Subject"] == "Officine Test: the results of October 2026"
    body = accountant.get_body(("plain",)).get_content()
    assert body.startswith("Hello,")
    assert "attached is the monthly result report of Officine Test for October 2026" in body
    attachment = next(accountant.iter_attachments())
    assert attachment.get_content().startswith(b"%PDF")
    assert "i risultati di ottobre 2026" in by_address[owner.email]["Subject"]
    assert consultant.email not in by_address  # no longer chosen


def test_an_address_of_a_member_is_sent_once(company, owner, report):
    ReportSettings.objects.create(company=company, extra_addresses=[owner.email.upper()]).recipients.set(
        [_membership(company, owner)]
    )
    assert [r.email for r in report_recipients(company)] == [owner.email]
    assert send_monthly_report(report.pk) == 1
