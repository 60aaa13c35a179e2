"""Subscribers from a CSV file: all rows checked first, nothing imported if one is wrong,
contacts matched by address in any case, the consent source recorded."""

from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from contentdesk.models import Subscription, SubscriptionEvent
from contentdesk.newsletter import csv_import
from contentdesk.newsletter.selectors import eligible_recipients
from inbox.models import Contact
from tests.contentdesk.newsletter.conftest import list_url
from tests.contentdesk.newsletter.factories import SubscriptionFactory
from tests.inbox.factories import ContactFactory

S = Subscription.Status
pytestmark = pytest.mark.django_db

CONSENT = "Desidero ricevere la newsletter di Officine Test via email."
GOOD = (
    "email;nome;azienda;lingua;tipo;data consenso;fonte consenso\r\n"
    "Mario.Rossi@Example.it;Mario Rossi;Rossi Meccanica Srl;italiano;cliente;14/03/2026;Modulo fiera MECSPE 2026\r\n"
    "jane@example.co.uk;Jane Smith;Smith Ltd;en;prospect;15/03/2026 10:30;Modulo fiera MECSPE 2026\r\n"
    "luca@example.it;;;;;;Biglietto da visita\r\n"
)


def upload(text, *, name="fiera.csv", encoding="utf-8-sig"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def post(client, newsletter_list, text, **data):
    fields = {"consent_text": CONSENT, "default_source": "", "file": upload(text)}
    fields.update(data)
    return client.post(list_url(newsletter_list, "import/"), fields)


def test_a_good_file_subscribes_everyone_with_the_consent_of_the_file(login, digital_manager, newsletter_list, company):
    existing = ContactFactory(company=company, email="mario.rossi@example.it", name="M. Rossi", organisation="")
    response = post(login(digital_manager), newsletter_list, GOOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Importazione fatta: 3 persone iscritte. 2 nuovi contatti. 1 contatto aggiornato." in html

    assert Contact.objects.for_company(company).count() == 3  # Mario matched, not duplicated
    existing.refresh_from_db()
    assert (existing.name, existing.organisation, existing.language, existing.kind) == (
        "Mario Rossi",
        "Rossi Meccanica Srl",
        "it",
        Contact.Kind.CUSTOMER,
    )
    assert existing.marketing_consent is True
    mario = Subscription.objects.get(contact=existing)
    assert (mario.status, mario.method, mario.consent_text, mario.consent_source) == (
        S.SUBSCRIBED,
        Subscription.Method.IMPORT,
        CONSENT,
        "Modulo fiera MECSPE 2026",
    )
    local = mario.consent_given_at.astimezone(company.tzinfo)
    assert (local.date(), local.hour) == (datetime(2026, 3, 14).date(), 12)
    jane = Subscription.objects.get(contact__email="jane@example.co.uk")
    assert jane.consent_given_at.astimezone(company.tzinfo).strftime("%d/%m %H:%M") == "15/03 10:30"
    assert jane.contact.language == "en"
    luca = Subscription.objects.get(contact__email="luca@example.it")
    assert luca.consent_source == "Biglietto da visita"
    event = luca.events.get()
    assert (event.kind, event.by, event.detail) == (
        SubscriptionEvent.Kind.IMPORTED,
        digital_manager,
        "fiera.csv · Biglietto da visita",
    )
    assert eligible_recipients(newsletter_list).count() == 3


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (GOOD.replace(";", ","), "utf-8"),
        ("sep=;\r\n" + GOOD, "utf-8-sig"),
        (GOOD.replace("Srl", "Società Srl"), "cp1252"),
        (GOOD.replace("\r\n", "\n"), "utf-8"),
    ],
    ids=["commas-no-bom", "excel-sep-hint", "windows-1252", "unix-newlines"],
)
def test_the_ways_spreadsheets_save_csv_are_all_read(login, consultant, newsletter_list, text, encoding):
    response = login(consultant).post(
        list_url(newsletter_list, "import/"),
        {"consent_text": CONSENT, "file": SimpleUploadedFile("f.csv", text.encode(encoding))},
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    assert Subscription.objects.filter(status=S.SUBSCRIBED).count() == 3


def test_one_bad_row_imports_nothing_and_the_report_says_where(login, digital_manager, newsletter_list):
    text = (
        "email;nome;lingua;tipo;data consenso;fonte consenso\r\n"
        "ok@example.it;Ok;it;cliente;14/03/2026;Fiera\r\n"
        "not-an-address;Bad;xx;fornitore;31/02/2026;\r\n"
        "ok@example.it;Twice;it;;;Fiera\r\n"
        "future@example.it;Future;;;01/01/2099;Fiera\r\n"
    )
    response = post(login(digital_manager), newsletter_list, text)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Non è stato importato nulla" in html
    for message in [
        "“not-an-address” non è un indirizzo email.",
        "“xx” non è una lingua che conosciamo",
        "“fornitore” non è né “cliente” né “prospect”.",
        "“31/02/2026” non è una data",
        "Dove ha dato il consenso questa persona?",
        "Stesso indirizzo della riga 2",
        "La data del consenso è nel futuro.",
    ]:
        assert message in html, message
    assert '<td class="text-nowrap ps-3">3</td>' in html
    assert not Subscription.objects.exists()
    assert not Contact.objects.exists()


def test_the_default_source_fills_empty_cells_but_a_file_without_any_is_refused(
    login, digital_manager, newsletter_list
):
    client = login(digital_manager)
    no_source = "email;nome\r\nuno@example.it;Uno\r\n"
    response = post(client, newsletter_list, no_source)
    assert response.status_code == 400
    assert "Manca la colonna “fonte consenso”" in response.content.decode()
    assert not Subscription.objects.exists()
    response = post(client, newsletter_list, no_source, default_source="Modulo cartaceo SAMUMETAL")
    assert response.status_code == 200
    assert Subscription.objects.get().consent_source == "Modulo cartaceo SAMUMETAL"


def test_the_consent_text_is_required(login, digital_manager, newsletter_list):
    response = post(login(digital_manager), newsletter_list, GOOD, consent_text="")
    assert response.status_code == 400
    assert "Questo campo è obbligatorio." in response.content.decode()
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Il file è vuoto."),
        ("nome;azienda\r\nMario;Rossi\r\n", "Manca la colonna “email”"),
        ("email;fonte consenso\r\n", "Il file non contiene iscritti sotto l’intestazione."),
        ("email;e-mail;fonte\r\na@b.it;c@d.it;x\r\n", "Una seconda colonna per email"),
    ],
)
def test_files_without_what_is_needed_are_refused(login, digital_manager, newsletter_list, text, message):
    response = post(login(digital_manager), newsletter_list, text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_file_too_large_or_too_long_is_refused(login, digital_manager, newsletter_list, monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_ROWS", 3)
    rows = "".join(f"p{n}@example.it;Fiera\r\n" for n in range(4))
    response = post(login(digital_manager), newsletter_list, "email;fonte\r\n" + rows)
    assert response.status_code == 400
    assert "Troppe righe: al massimo 3 per file." in response.content.decode()
    monkeypatch.setattr(csv_import, "MAX_BYTES", 50)
    response = post(login(digital_manager), newsletter_list, GOOD)
    assert "Il file è troppo grande" in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_binary_file_is_refused_with_a_message(login, digital_manager, newsletter_list):
    response = login(digital_manager).post(
        list_url(newsletter_list, "import/"),
        {"consent_text": CONSENT, "file": SimpleUploadedFile("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Il file non è un CSV ma un file binario (PNG)" in page
    assert CONSENT in page  # what was typed is kept
    assert not Subscription.objects.exists()


def test_a_spreadsheet_named_csv_is_refused_by_its_content(login, digital_manager, newsletter_list):
    xlsx = b"PK\x03\x04\x14\x00\x06\x00" + b"[Content_Types].xml" + b"\x00" * 64
    response = login(digital_manager).post(
        list_url(newsletter_list, "import/"), {"consent_text": CONSENT, "file": SimpleUploadedFile("soci.csv", xlsx)}
    )
    assert response.status_code == 400
    assert "Il file non è un CSV ma un file binario" in response.content.decode()
    assert not Subscription.objects.exists()


def test_people_who_left_are_not_subscribed_again_and_pending_ones_are(
    login, digital_manager, newsletter_list, company
):
    gone = SubscriptionFactory(newsletter_list=newsletter_list, status=S.UNSUBSCRIBED, contact__email="gone@example.it")
    waiting = SubscriptionFactory(newsletter_list=newsletter_list, pending=True, contact__email="waiting@example.it")
    already = SubscriptionFactory(newsletter_list=newsletter_list, contact__email="already@example.it")
    text = "email;fonte consenso\r\nGONE@example.it;Fiera\r\nwaiting@example.it;Fiera\r\nalready@example.it;Fiera\r\n"
    response = post(login(digital_manager), newsletter_list, text)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 persona aveva lasciato la lista e non è stata iscritta di nuovo." in html
    assert "1 persona era già iscritta." in html
    gone.refresh_from_db()
    waiting.refresh_from_db()
    already_source = already.consent_source
    already.refresh_from_db()
    assert gone.status == S.UNSUBSCRIBED
    assert waiting.status == S.SUBSCRIBED
    assert waiting.consent_source == "Fiera"
    assert already.consent_source == already_source
    assert set(eligible_recipients(newsletter_list)) == {waiting, already}


def test_the_import_takes_the_same_queries_for_ten_times_the_rows(
    login, digital_manager, newsletter_list, company, django_assert_max_num_queries
):
    client = login(digital_manager)

    def file_of(count, start):
        return "email;nome;fonte consenso\r\n" + "".join(
            f"p{n}@example.it;Persona {n};Fiera\r\n" for n in range(start, start + count)
        )

    # Queries: session, user, membership; the list; savepoint; the existing contacts, the new
    # ones; the existing subscriptions, the new ones, their events; the marketing consent (2);
    # release; the navigation's memberships; the session saved with the message (3).
    # (Past some hundred rows SQLite's 999 parameters split each bulk insert in batches.)
    with django_assert_max_num_queries(17):
        assert post(client, newsletter_list, file_of(6, 0)).status_code == 200
    with django_assert_max_num_queries(17):
        assert post(client, newsletter_list, file_of(60, 100)).status_code == 200
    assert Subscription.objects.count() == 66


def test_the_template_has_the_columns_in_italian_with_semicolons_and_a_bom(login, digital_manager, newsletter_list):
    response = login(digital_manager).get(list_url(newsletter_list, "import/template.csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode("utf-8") == ("\ufeffemail;nome;azienda;lingua;tipo;data consenso;fonte consenso\r\n")
    assert "attachment;" in response["Content-Disposition"]


def test_the_owner_reads_the_list_but_may_not_import(login, owner, newsletter_list):
    client = login(owner)
    assert client.get(list_url(newsletter_list)).status_code == 200
    assert client.get(list_url(newsletter_list, "import/")).status_code == 403
    assert post(client, newsletter_list, GOOD).status_code == 403
    assert not Subscription.objects.exists()


def test_another_companys_list_answers_404(login, outsider, newsletter_list):
    assert post(login(outsider), newsletter_list, GOOD).status_code == 404
    assert not Subscription.objects.exists()
