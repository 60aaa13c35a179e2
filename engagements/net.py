"""The visitor's address, as rate limits and login throttling must see it."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or — behind TRUSTED_PROXY_COUNT reverse proxies — the address the nearest
    trusted proxy saw. Only the proxies' own entries of X-Forwarded-For are believed; anything
    further left was written by the client and could be forged."""
    candidate = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def axes_client_ip(request) -> str | None:
    return client_ip(request)
