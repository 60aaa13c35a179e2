import factory

from inbox.models import Contact, IntakeChannel
from tests.factories import CompanyFactory


class IntakeChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntakeChannel

    company = factory.SubFactory(CompanyFactory)
    kind = IntakeChannel.Kind.FORM
    name = factory.Sequence(lambda n: f"Modulo {n}")
    allowed_origins = "https://www.officine-test.example"


class WebhookChannelFactory(IntakeChannelFactory):
    kind = IntakeChannel.Kind.WEBHOOK
    name = factory.Sequence(lambda n: f"CRM {n}")
    allowed_origins = ""


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"cliente{n}@example.com")
    name = factory.Faker("name", locale="it_IT")
