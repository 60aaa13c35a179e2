"""The demo operations manual of Officine Berica: whys and owners, routing and budget rules in Italian."""

from engagements.budgets.models import BudgetRule
from engagements.manual.demo import seed_demo_manual
from engagements.manual.selectors import operations_manual
from engagements.roles import Role
from inbox.models import CannedReply, RoutingRule
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.factories import CannedReplyFactory


def test_the_demo_explains_the_rules_and_leaves_one_gap(company):
    users = {}
    for email, role, department in [
        ("digital@officine-berica.example", Role.DIGITAL_MANAGER, ""),
        ("consulente@staffetta.example", Role.CONSULTANT, ""),
        ("titolare@officine-berica.example", Role.OWNER, ""),
        ("vendite@officine-berica.example", Role.COLLEAGUE, "sales"),
    ]:
        users[email] = UserFactory(email=email)
        MembershipFactory(company=company, user=users[email], role=role, department=department)
    CannedReplyFactory(company=company, title="Tempi di consegna standard", topic="consegne")
    CannedReplyFactory(company=company, title="Sconto quantità e offerta dedicata (dall'ufficio commerciale)")
    linkedin = ContentChannelFactory(company=company, name="LinkedIn")
    CadenceFactory(company=company, channel=linkedin, rule="FREQ=WEEKLY;BYDAY=TU,TH")

    seed_demo_manual(company)
    seed_demo_manual(company)  # a second run changes nothing

    assert RoutingRule.objects.for_company(company).count() == 3
    assert BudgetRule.objects.for_company(company).count() == 2
    rule = RoutingRule.objects.get(topic="valvole a sfera")
    assert rule.colleague == users["vendite@officine-berica.example"]
    assert "preventivi" in rule.why
    delivery = CannedReply.objects.get(title="Tempi di consegna standard")
    assert delivery.owner == users["vendite@officine-berica.example"]
    linkedin.refresh_from_db()
    assert linkedin.why
    assert linkedin.owner == users["digital@officine-berica.example"]
    gaps = operations_manual(company).gaps
    assert [gap.name for gap in gaps] == ["Sconto quantità e offerta dedicata (dall'ufficio commerciale)"]
