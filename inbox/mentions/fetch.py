"""Reading a feed over HTTP: a timeout, a size cap, conditional GET, and no private networks.

The address is typed by a user and read by our servers, so it must not become a way to reach
what only our servers can reach (the database, Redis, a cloud metadata service): every
connection, redirects included, goes only to public addresses, checked on the address that
is actually connected to (no second DNS lookup that could answer differently). Proxies from
the environment are not used for the same reason. The setting MENTIONS_ALLOWED_PRIVATE_NETWORKS
(a list such as ["127.0.0.1/32"], empty by default) opens chosen private networks: the tests
serve their feeds on loopback.
"""

import http.client
import ipaddress
import socket
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings

from inbox.mentions.models import FeedProblem

FETCH_TIMEOUT = 10  # seconds for connecting and for each read
FETCH_DEADLINE = 30  # seconds for the whole body: a server dripping bytes is cut off
# While a person waits for the page (the request must end well before gunicorn's 30 s).
INTERACTIVE_TIMEOUT = 5
INTERACTIVE_DEADLINE = 12
# Addresses of one host tried in turn: each may take the whole connect timeout.
MAX_ADDRESSES = 2
MAX_BYTES = 2 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "Staffetta/1.0 (web mentions; feed reader)"
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"


class FeedError(Exception):
    """A feed that could not be read: `problem` (a FeedProblem) and a technical `detail`."""

    def __init__(self, problem: str, detail: str = "", *, feed_link: str = ""):
        super().__init__(f"{problem}: {detail}")
        self.problem = FeedProblem(problem)
        self.detail = detail[:300]
        # A web page that declares its feed: the address to suggest instead.
        self.feed_link = feed_link


@dataclass(frozen=True)
class FetchResult:
    not_modified: bool
    body: bytes = b""
    headers: dict | None = None
    etag: str = ""
    last_modified: str = ""
    url: str = ""


def _allowed(ip: str) -> bool:
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_global and not address.is_multicast:
        return True
    networks = getattr(settings, "MENTIONS_ALLOWED_PRIVATE_NETWORKS", ())
    return any(address in ipaddress.ip_network(network) for network in networks)


def _public_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kwargs):
    """socket.create_connection, but only to the host's public addresses."""
    host, port = address
    try:
        candidates = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FeedError(FeedProblem.CONNECTION, f"{host}: {exc.strerror or exc}") from exc
    allowed = [info for info in candidates if _allowed(info[4][0])]
    if not allowed:
        raise FeedError(FeedProblem.PRIVATE_ADDRESS, host)
    last_error = None
    for family, kind, proto, _name, sockaddr in allowed[:MAX_ADDRESSES]:
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            last_error = exc
    raise last_error


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = _public_connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_PublicHTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_PublicHTTPSConnection, req, context=self._context)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def _opener() -> urllib.request.OpenerDirector:
    # Built by hand: build_opener() would add proxies from the environment, file:// and ftp://.
    opener = urllib.request.OpenerDirector()
    for handler in (
        _HTTPHandler(),
        _HTTPSHandler(),
        _RedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener


def check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedError(FeedProblem.INVALID_ADDRESS, url[:300])


def _read_capped(response, max_bytes: int, deadline: float, seconds: float) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise FeedError(FeedProblem.TOO_LARGE, f"{int(length) // 1024} KB > {max_bytes // 1024} KB")
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FeedError(FeedProblem.TIMEOUT, f"> {seconds:g} s")
        # read1: one receive at a time, so that a server dripping bytes meets the deadline.
        chunk = response.read1(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FeedError(FeedProblem.TOO_LARGE, f"> {max_bytes // 1024} KB")
        chunks.append(chunk)


def fetch(
    url: str, *, etag: str = "", last_modified: str = "", interactive: bool = False, max_bytes: int | None = None
) -> FetchResult:
    """GET the feed; `not_modified` when the server answers 304 to our ETag/Last-Modified.

    `interactive`: someone is waiting for the answer, so shorter time limits apply.
    """
    check_address(url)
    timeout = INTERACTIVE_TIMEOUT if interactive else FETCH_TIMEOUT
    seconds = INTERACTIVE_DEADLINE if interactive else FETCH_DEADLINE
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    headers = {"User-Agent": USER_AGENT, "Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    deadline = time.monotonic() + seconds
    try:
        with _opener().open(request, timeout=timeout) as response:
            body = _read_capped(response, max_bytes, deadline, seconds)
            return FetchResult(
                not_modified=False,
                body=body,
                headers={key.lower(): value for key, value in response.headers.items()},
                etag=(response.headers.get("ETag") or "")[:300],
                last_modified=(response.headers.get("Last-Modified") or "")[:100],
                url=response.geturl(),
            )
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 304:
            return FetchResult(not_modified=True, etag=etag, last_modified=last_modified, url=url)
        raise FeedError(FeedProblem.HTTP_ERROR, f"HTTP {exc.code} {exc.reason}") from exc
    except FeedError:
        raise
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, FeedError):
            raise reason from exc
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FeedError(FeedProblem.TIMEOUT, f"> {timeout:g} s") from exc
        raise FeedError(FeedProblem.CONNECTION, str(reason)) from exc
    except TimeoutError as exc:
        raise FeedError(FeedProblem.TIMEOUT, f"> {timeout:g} s") from exc
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FeedError(FeedProblem.CONNECTION, f"{exc.__class__.__name__}: {exc}") from exc


class _FeedLinkFinder(HTMLParser):
    """The first <link rel="alternate" type="application/rss+xml|atom+xml" href> of a page."""

    TYPES = {"application/rss+xml", "application/atom+xml"}

    def __init__(self):
        super().__init__()
        self.href = ""

    def handle_starttag(self, tag, attrs):
        if tag != "link" or self.href:
            return
        values = {name: (value or "") for name, value in attrs}
        rel = values.get("rel", "").lower().split()
        if "alternate" in rel and values.get("type", "").lower() in self.TYPES and values.get("href"):
            self.href = values["href"].strip()


def feed_link_in_page(body: bytes, base_url: str) -> str:
    """The feed a web page declares in its <head>, as an absolute http(s) address, or ""."""
    finder = _FeedLinkFinder()
    try:
        finder.feed(body[:200_000].decode("utf-8", errors="replace"))
    except Exception:  # a page too broken to read offers no suggestion, nothing more
        return ""
    href = urljoin(base_url, finder.href) if finder.href else ""
    return href if urlsplit(href).scheme in ("http", "https") else ""
