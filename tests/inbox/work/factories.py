from inbox.models import Conversation
from tests.inbox.factories import (  # noqa: F401 - the work tests import them from here
    AttachmentFactory,
    CannedReplyFactory,
    ContactFactory,
    ConversationFactory,
    IntakeChannelFactory,
    MessageFactory,
    TagFactory,
)


def enquiry(company, **kwargs) -> Conversation:
    """A conversation with its incoming first message."""
    body = kwargs.pop("body", MessageFactory.body_text)
    conversation = ConversationFactory(company=company, **kwargs)
    MessageFactory(conversation=conversation, body_text=body)
    return conversation
