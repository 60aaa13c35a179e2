"""Inbox rows made directly with the models (not through intake's services), shared by the
inbox's test folders; each folder may subclass them with defaults of its own."""

from datetime import timedelta

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from inbox.models import Attachment, CannedReply, Contact, Conversation, IntakeChannel, Message, Tag
from tests.factories import CompanyFactory


class IntakeChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeChannel

    company = factory.SubFactory(CompanyFactory)
    kind = IntakeChannel.Kind.FORM
    name = "Modulo del sito"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"cliente{n}@example.org")
    name = factory.Faker("name", locale="it_IT")
    organisation = factory.Faker("company", locale="it_IT")
    language = "it"


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"tag-{n}")


class ConversationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Conversation
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    channel = factory.SubFactory(IntakeChannelFactory, company=factory.SelfAttribute("..company"))
    contact = factory.SubFactory(ContactFactory, company=factory.SelfAttribute("..company"))
    subject = factory.Sequence(lambda n: f"Richiesta di preventivo {n}")
    language = "it"
    created_at = factory.LazyFunction(timezone.now)
    last_activity_at = factory.LazyAttribute(lambda o: o.created_at)
    first_response_due_at = factory.LazyAttribute(lambda o: o.created_at + timedelta(hours=4))

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    company = factory.SelfAttribute("conversation.company")
    direction = Message.Direction.IN
    body_text = "Buongiorno, vorrei un preventivo per 200 flange in acciaio inox."
    created_at = factory.LazyAttribute(lambda o: o.conversation.created_at)


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    message = factory.SubFactory(MessageFactory)
    company = factory.SelfAttribute("message.company")
    filename = "disegno.pdf"
    content_type = "application/pdf"
    file = factory.LazyAttribute(lambda o: ContentFile(b"%PDF-1.4 test", name=o.filename))
    size = 13


class CannedReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CannedReply

    company = factory.SubFactory(CompanyFactory)
    title = factory.Sequence(lambda n: f"Risposta {n}")
    language = "it"
    body = "Gentile {name}, grazie per averci scritto a proposito di «{subject}». {agent}, {company}"
