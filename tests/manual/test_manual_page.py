"""The operations manual: generated from what is configured, with each rule's why and owner."""

import re
import zlib
from decimal import Decimal

import pytest
from django.utils import timezone

from engagements.budgets.models import BudgetRule, Channel
from engagements.handover.models import HandoverState
from engagements.manual.pdf import manual_document_html, manual_pdf_bytes
from engagements.manual.selectors import operations_manual
from engagements.models import BusinessHours
from engagements.roles import Department, Role
from inbox.models import RoutingRule
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory
from tests.handover.factories import EngagementFactory, HandoverItemFactory
from tests.inbox.factories import CannedReplyFactory, IntakeChannelFactory


def _url(company, suffix=""):
    return f"/c/{company.slug}/engagement/manual/{suffix}"


@pytest.fixture
def configured(company, consultant, digital_manager, colleague):
    """A company with one rule of each kind explained and owned, and one of each without."""
    BusinessHours.objects.create(company=company, weekday=0, opens="08:30", closes="12:30")
    IntakeChannelFactory(company=company, name="Modulo contatti del sito")
    RoutingRule.objects.create(
        company=company,
        topic="Preventivi",
        department=Department.SALES,
        colleague=colleague,
        why="I preventivi li firma solo l'ufficio commerciale.",
        owner=digital_manager,
    )
    RoutingRule.objects.create(company=company, topic="Resi", department=Department.ADMINISTRATION)
    CannedReplyFactory(
        company=company,
        title="Tempi di consegna",
        topic="Consegne",
        why="È la domanda più frequente di ottobre.",
        owner=digital_manager,
    )
    CannedReplyFactory(company=company, title="Certificati dei materiali", topic="Qualità")
    channel = ContentChannelFactory(
        company=company, name="LinkedIn aziendale", why="I buyer ci cercano lì.", owner=consultant
    )
    CadenceFactory(company=company, channel=channel, why="Due uscite a settimana reggono.", owner=digital_manager)
    ContentChannelFactory(company=company, name="Blog tecnico")
    BudgetRule.objects.create(
        company=company,
        channel=Channel.GOOGLE_ADS,
        monthly_cap=Decimal("400.00"),
        rule="Solo campagne sulle valvole a sfera.",
        why="Sono il prodotto con il margine migliore.",
        owner=consultant,
    )
    engagement = EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)
    HandoverItemFactory(engagement=engagement, name="Casella richieste", state=HandoverState.TRAINEE)
    return company


def test_the_manual_lists_every_rule_with_its_why_and_owner(login, configured, consultant, digital_manager):
    content = login(consultant).get(_url(configured)).content.decode()
    assert "Manuale operativo" in content
    for text in (
        "I preventivi li firma solo l&#x27;ufficio commerciale.",
        "È la domanda più frequente di ottobre.",
        "I buyer ci cercano lì.",
        "Due uscite a settimana reggono.",
        "Sono il prodotto con il margine migliore.",
        "Solo campagne sulle valvole a sfera.",
        "Modulo contatti del sito",
        "Casella richieste",
    ):
        assert text in content, text
    assert digital_manager.display_name in content
    # The cadence's rule in words, as on the channels page.
    assert "martedì e giovedì" in content
    # The approval threshold and the cap, in euro.
    assert "€\xa0300,00" in content
    assert "€\xa0400,00" in content


def test_the_gaps_box_lists_the_rules_without_a_why_or_an_owner(login, configured, consultant):
    manual = operations_manual(configured)
    names = {gap.name for gap in manual.gaps}
    assert names == {"Resi", "Certificati dei materiali", "Blog tecnico"}
    content = login(consultant).get(_url(configured)).content.decode()
    assert "3 regole non hanno ancora un perché o un responsabile." in content
    assert "Perché: manca" in content


def test_a_fully_documented_company_has_no_gaps(login, company, consultant):
    RoutingRule.objects.create(
        company=company,
        topic="Preventivi",
        department=Department.SALES,
        why="Li firma il commerciale.",
        owner=consultant,
    )
    content = login(consultant).get(_url(company)).content.decode()
    assert "Ogni regola ha il suo perché e il suo responsabile." in content


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER])
def test_owner_consultant_and_digital_manager_read_the_manual(login, company, users_by_role, role):
    response = login(users_by_role[role]).get(_url(company))
    assert response.status_code == 200
    exports = "Scarica il PDF" in response.content.decode()
    assert exports == (role != Role.DIGITAL_MANAGER)


def test_a_colleague_may_not_read_the_manual(login, company, colleague):
    assert login(colleague).get(_url(company)).status_code == 403


@pytest.mark.parametrize("suffix", ["export.html", "export.pdf"])
def test_the_digital_manager_may_not_export(login, company, digital_manager, suffix):
    assert login(digital_manager).get(_url(company, suffix)).status_code == 403


@pytest.mark.parametrize("suffix", ["", "export.html", "export.pdf"])
def test_a_member_of_another_company_gets_404(login, company, outsider, suffix):
    assert login(outsider).get(_url(company, suffix)).status_code == 404


def test_the_html_export_is_a_self_contained_download(login, configured, owner):
    response = login(owner).get(_url(configured, "export.html"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    today = timezone.localdate(timezone=configured.tzinfo)
    assert response["Content-Disposition"] == (
        f'attachment; filename="manuale-operativo-{configured.slug}-{today:%Y-%m-%d}.html"'
    )
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert "Manuale operativo – Officine Test" in html
    assert "I buyer ci cercano lì." in html
    # Self-contained: its styles are inside, nothing is loaded from the site.
    assert ".manual-gaps" in html
    assert "/static/" not in html
    assert "<script" not in html
    assert "<link" not in html


def test_the_pdf_export_is_a_download(login, configured, consultant):
    response = login(consultant).get(_url(configured, "export.pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(f'attachment; filename="manuale-operativo-{configured.slug}-')
    assert response["Content-Disposition"].endswith('.pdf"')
    assert response.content.startswith(b"%PDF")


def test_the_pdf_is_a_valid_pdf_with_pages_and_the_company_name(configured):
    manual = operations_manual(configured)
    html = manual_document_html(manual, printing=True)
    assert "Officine Test" in html
    assert "@page" in html
    content = manual_pdf_bytes(manual)
    assert content.startswith(b"%PDF")
    assert content.rstrip().endswith(b"%%EOF")
    objects = _pdf_objects(content)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", objects))
    assert pages >= 2  # the manual of a configured company takes more than one A4 page
    # The document's title, with the company name, is in the PDF's metadata (UTF-16 when it
    # holds a dash).
    title = "Manuale operativo – Officine Test"
    assert (b"feff" + title.encode("utf-16-be").hex().encode()) in objects.lower() or title.encode() in objects


def _pdf_objects(content: bytes) -> bytes:
    """The PDF with its compressed streams (object streams included) inflated."""
    parts = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"".join(parts)


def _grow(company, users, first, n):
    consultant, digital_manager, colleague = users
    for i in range(first, first + n):
        RoutingRule.objects.create(
            company=company, topic=f"Argomento {i}", department=Department.SALES, colleague=colleague, owner=consultant
        )
        CannedReplyFactory(company=company, topic=f"Tema {i % 3}", owner=digital_manager, language="it" if i else "en")
        channel = ContentChannelFactory(company=company, owner=consultant)
        CadenceFactory(company=company, channel=channel, owner=digital_manager)
        BudgetRule.objects.create(company=company, channel=Channel.META_ADS, rule=f"Regola {i}", owner=consultant)
        IntakeChannelFactory(company=company)


def test_the_manual_page_queries_do_not_grow_with_the_rules(
    login, company, consultant, digital_manager, colleague, django_assert_max_num_queries
):
    engagement = EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)
    HandoverItemFactory(engagement=engagement)
    users = (consultant, digital_manager, colleague)
    _grow(company, users, 0, 1)
    client = login(consultant)
    client.get(f"/c/{company.slug}/")  # the session already knows the company
    # session, user, membership with its company, the user's companies for the menu; then the
    # manual's ten: members, business hours, intake channels with mailboxes, routing rules,
    # canned replies, content channels, their cadences, newsletter lists, budget rules,
    # handover items.
    budget = 14
    with django_assert_max_num_queries(budget):
        assert client.get(_url(company)).status_code == 200
    _grow(company, users, 1, 8)
    with django_assert_max_num_queries(budget):
        response = client.get(_url(company))
    assert response.status_code == 200
    assert "Argomento 8" in response.content.decode()
