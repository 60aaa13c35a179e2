import json

import pytest

from tests.inbox.chat.factories import ALLOWED_ORIGIN, ChatChannelFactory
from tests.inbox.mail.conftest import mailbox, smtp_settings  # noqa: F401  (fixtures shared with the mail tests)


@pytest.fixture
def chat_channel(company):
    return ChatChannelFactory(company=company, name="Chat del sito")


class Visitor:
    """A widget on an allowed website, as the tests drive it: its calls and its token."""

    def __init__(self, client, channel, *, origin=ALLOWED_ORIGIN, ip="203.0.113.7", lang="it"):
        self.client = client
        self.channel = channel
        self.origin = origin
        self.ip = ip
        self.lang = lang
        self.token = None

    def url(self, path, query=""):
        return f"/in/chat/{self.channel.public_key}/{path}?lang={self.lang}{query}"

    def headers(self, token=None):
        headers = {"REMOTE_ADDR": self.ip}
        if self.origin:
            headers["HTTP_ORIGIN"] = self.origin
        token = token if token is not None else self.token
        if token:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        return headers

    def post(self, path, data, token=None):
        return self.client.post(
            self.url(path), json.dumps(data), content_type="application/json", **self.headers(token)
        )

    def get(self, path, query="", token=None):
        return self.client.get(self.url(path, query), **self.headers(token))

    def start(self, text="Buongiorno, avete flange DN50 in pronta consegna?", **fields):
        response = self.post("start/", {"message": text, "language": self.lang, **fields})
        assert response.status_code == 201, response.content
        self.token = response.json()["token"]
        return response

    def send(self, text, **fields):
        return self.post("send/", {"message": text, **fields})

    def poll(self, after=0, seen=None, token=None):
        query = f"&after={after}" + (f"&seen={seen}" if seen else "")
        return self.get("messages/", query, token=token)


@pytest.fixture
def visitor(client, chat_channel):
    return Visitor(client, chat_channel)


@pytest.fixture
def make_visitor(client, chat_channel):
    def _make(**kwargs):
        kwargs.setdefault("channel", chat_channel)
        return Visitor(client, **kwargs)

    return _make
