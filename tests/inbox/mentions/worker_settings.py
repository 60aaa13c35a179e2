"""Settings of a worker process started by the tests: the feeds it reads are on loopback."""

from config.settings import *  # noqa: F403

MENTIONS_ALLOWED_PRIVATE_NETWORKS = ["127.0.0.1/32"]
