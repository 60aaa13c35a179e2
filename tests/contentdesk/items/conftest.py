"""Shared rows of the item pages' tests: a channel that needs approval and one that does not."""

import pytest

from contentdesk.models import ChannelKind
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory

# The SMTP server on loopback used by the inbox's mail tests.
from tests.inbox.mail.conftest import mailbox, smtp_settings  # noqa: F401


@pytest.fixture
def channel(company):
    """LinkedIn: 3000 characters, approval needed (the default)."""
    return ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN, name="LinkedIn")


@pytest.fixture
def free_channel(company):
    """The blog: no length limit, no approval needed."""
    return ContentChannelFactory(company=company, kind=ChannelKind.BLOG, name="Blog", requires_approval=False)


@pytest.fixture
def make_item(company, channel, digital_manager):
    def _make(status="draft", **fields):
        fields.setdefault("channel", channel)
        fields.setdefault("author", digital_manager)
        return ContentItemFactory(company=company, status=status, **fields)

    return _make


def item_url(item, suffix=""):
    return f"/c/{item.company.slug}/calendar/items/{item.pk}/{suffix}"


def new_url(company, query=""):
    return f"/c/{company.slug}/calendar/items/new/{query}"
