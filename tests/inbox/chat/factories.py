"""The chat tests' rows: the shared inbox factories with a chat channel's defaults."""

import factory

from tests.inbox import factories as shared

ALLOWED_ORIGIN = "https://www.officine-test.example"


class ChatChannelFactory(shared.IntakeChannelFactory):
    kind = shared.IntakeChannel.Kind.CHAT
    name = factory.Sequence(lambda n: f"Chat {n}")
    allowed_origins = ALLOWED_ORIGIN
    auto_acknowledge = False
