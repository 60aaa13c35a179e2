"""Feeds served for real on loopback: an http.server in a thread, on a free port.

`feed_server.url("/news.rss.xml")` is the address of a file of tests/inbox/mentions/feeds/;
every response carries an ETag and a Last-Modified, and a request that sends them back gets
304. `feed_server.routes` can be changed by a test (another body, a status, a delay), and
`feed_server.requests` records what each request asked for.
"""

import contextlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from hashlib import sha1
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FEEDS = Path(__file__).parent / "feeds"
LOOPBACK_FOR_TESTS = ["127.0.0.1/32"]
CONTENT_TYPES = {".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8"}


@dataclass
class Route:
    body: bytes
    content_type: str = "application/xml; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    last_modified: str = field(default_factory=lambda: formatdate(usegmt=True))
    conditional: bool = True
    headers: dict = field(default_factory=dict)
    send_length: bool = True  # False: no Content-Length, the body ends when the connection closes
    drip: float = 0.0  # seconds between the body's bytes: a server that never quite finishes

    @property
    def etag(self) -> str:
        return '"' + sha1(self.body).hexdigest()[:16] + '"'

    def unchanged_for(self, headers) -> bool:
        # As RFC 9110 says: If-None-Match, when sent, decides alone.
        if headers.get("If-None-Match") is not None:
            return headers["If-None-Match"] == self.etag
        return headers.get("If-Modified-Since") == self.last_modified


class FeedServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[dict] = []
        for path in FEEDS.iterdir():
            self.serve_file(f"/{path.name}", path.name)
        server = self
        self._stopping = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                server.requests.append({"path": self.path, "headers": dict(self.headers)})
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.delay:
                    server._stopping.wait(route.delay)
                if route.conditional and route.status == 200 and route.unchanged_for(self.headers):
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", route.content_type)
                if route.send_length:
                    self.send_header("Content-Length", str(len(route.body)))
                if route.conditional:
                    self.send_header("ETag", route.etag)
                    self.send_header("Last-Modified", route.last_modified)
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    if not route.drip:
                        self.wfile.write(route.body)
                        return
                    for byte in route.body:
                        if server._stopping.wait(route.drip):
                            return
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def serve_file(self, path: str, name: str, **options) -> Route:
        file = FEEDS / name
        route = Route(body=file.read_bytes(), content_type=CONTENT_TYPES.get(file.suffix, "application/xml"), **options)
        self.routes[path] = route
        return route

    def serve(self, path: str, body: bytes | str, **options) -> Route:
        route = Route(body=body.encode() if isinstance(body, str) else body, **options)
        self.routes[path] = route
        return route

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_to(self, path: str) -> list[dict]:
        return [request for request in self.requests if request["path"] == path]

    def start(self):
        self.thread.start()

    def stop(self):
        self._stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def feed_server():
    server = FeedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def _loopback_feeds_allowed(settings):
    """Our feeds are on 127.0.0.1, which production refuses to read (see inbox.mentions.fetch)."""
    settings.MENTIONS_ALLOWED_PRIVATE_NETWORKS = LOOPBACK_FOR_TESTS


def wait_until(predicate, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
