"""A fixed-window rate limit in Django's cache (Redis in production)."""

import math
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int  # seconds until the window opens again


def rate_limit_hit(scope: str, key: str, *, limit: int, window: int) -> Verdict:
    """Count one request for `key` in `scope`; refused past `limit` per `window` seconds."""
    now = time.time()
    bucket = int(now // window)
    cache_key = f"intake-rate:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window + 5):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr: a new window
            cache.set(cache_key, 1, timeout=window + 5)
            count = 1
    return Verdict(count <= limit, max(1, math.ceil((bucket + 1) * window - now)))
