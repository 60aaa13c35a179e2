"""Template helpers of the live refresh: no query of their own (the pages' budgets stay)."""

import time

from django import template

register = template.Library()


def signature(last_id: int | None, sent: int, failed: int) -> str:
    """The state of a thread as the poll compares it: its last message, how many are sent or failed."""
    return f"{last_id or 0}.{sent}.{failed}"


@register.filter
def thread_signature(thread) -> str:
    """The signature of the thread the page shows, from its messages already in memory."""
    messages = list(thread)
    return signature(
        max((m.pk for m in messages), default=0),
        sum(1 for m in messages if m.sent_at is not None),
        sum(1 for m in messages if m.send_error),
    )


@register.simple_tag
def news_since() -> str:
    """The moment the list was drawn: the poll counts conversations that arrived after it."""
    return f"{time.time():.3f}"
