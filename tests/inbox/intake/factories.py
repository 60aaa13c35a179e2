"""The intake tests' rows: the shared inbox factories with the defaults these tests read."""

import factory

from tests.inbox import factories as shared


class IntakeChannelFactory(shared.IntakeChannelFactory):
    name = factory.Sequence(lambda n: f"Modulo {n}")
    allowed_origins = "https://www.officine-test.example"


class WebhookChannelFactory(IntakeChannelFactory):
    kind = shared.IntakeChannel.Kind.WEBHOOK
    name = factory.Sequence(lambda n: f"CRM {n}")
    allowed_origins = ""


class ContactFactory(shared.ContactFactory):
    email = factory.Sequence(lambda n: f"cliente{n}@example.com")
