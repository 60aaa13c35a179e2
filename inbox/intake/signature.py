"""Webhook signatures: HMAC-SHA256 of the raw body with the channel's secret."""

import hashlib
import hmac

SIGNATURE_HEADER = "X-Staffetta-Signature"
PREFIX = "sha256="


def sign(secret: str, body: bytes) -> str:
    """The header value for `body`: "sha256=<hex digest>"."""
    return PREFIX + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    if not header or not secret:
        return False
    return hmac.compare_digest(sign(secret, body).encode(), header.strip().lower().encode())
