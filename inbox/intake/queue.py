"""Queue a task without ever letting the broker fail the caller.

An enquiry is already stored when its follow-up work is queued: if the broker is down, the
error is logged and swallowed, the item stays unprocessed, and the sweep finishes the work.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)

# One quick retry: a visitor waits for this answer, and the sweep is the real safety net.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}


def enqueue(task, *args) -> bool:
    """Publish `task(*args)`; False (logged) if the broker could not take it."""
    try:
        task.apply_async(args=args, retry=True, retry_policy=PUBLISH_RETRY_POLICY)
    except Exception:
        logger.warning("Could not queue %s%r; the intake sweep will do the work.", task.name, args, exc_info=True)
        return False
    return True


def enqueue_on_commit(task, *args) -> None:
    transaction.on_commit(lambda: enqueue(task, *args))
