"""The mail tests' inbox rows: the shared factories with the defaults these tests read."""

import factory
from django.utils import timezone

from tests.inbox import factories as shared


class IntakeChannelFactory(shared.IntakeChannelFactory):
    name = "Sito web"


class ContactFactory(shared.ContactFactory):
    email = factory.Sequence(lambda n: f"cliente{n}@idraulica-veneta.example")
    name = "Mario Rossi"
    organisation = "Idraulica Veneta Srl"


class ConversationFactory(shared.ConversationFactory):
    channel = factory.SubFactory(IntakeChannelFactory, company=factory.SelfAttribute("..company"))
    contact = factory.SubFactory(ContactFactory, company=factory.SelfAttribute("..company"))
    subject = "Preventivo valvole a sfera DN50"
    spam_score = 0.0
    first_response_due_at = None


class MessageFactory(shared.MessageFactory):
    conversation = factory.SubFactory(ConversationFactory)
    body_text = "Buongiorno,\nvorrei un preventivo per 200 valvole a sfera DN50 PN16.\nGrazie"
    created_at = factory.LazyFunction(timezone.now)
