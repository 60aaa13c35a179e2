import factory
from django.utils import timezone

from inbox.models import Contact, Conversation, IntakeChannel, Message
from tests.factories import CompanyFactory


class IntakeChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeChannel

    company = factory.SubFactory(CompanyFactory)
    kind = IntakeChannel.Kind.FORM
    name = "Sito web"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"cliente{n}@idraulica-veneta.example")
    name = "Mario Rossi"
    organisation = "Idraulica Veneta Srl"
    language = "it"


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation

    company = factory.SubFactory(CompanyFactory)
    channel = factory.SubFactory(IntakeChannelFactory, company=factory.SelfAttribute("..company"))
    contact = factory.SubFactory(ContactFactory, company=factory.SelfAttribute("..company"))
    subject = "Preventivo valvole a sfera DN50"
    language = "it"
    spam_score = 0.0
    created_at = factory.LazyFunction(timezone.now)
    last_activity_at = factory.SelfAttribute("created_at")


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    company = factory.SelfAttribute("conversation.company")
    direction = Message.Direction.IN
    body_text = "Buongiorno,\nvorrei un preventivo per 200 valvole a sfera DN50 PN16.\nGrazie"
    created_at = factory.LazyFunction(timezone.now)
