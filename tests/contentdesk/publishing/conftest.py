import pytest

from tests.contentdesk.factories import ContentChannelFactory


@pytest.fixture
def linkedin(company):
    return ContentChannelFactory(company=company, name="LinkedIn")
