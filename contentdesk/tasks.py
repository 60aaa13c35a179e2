"""Celery finds tasks in <app>.tasks: the content desk's live in its areas (add yours here)."""

from contentdesk.items.tasks import *  # noqa: F403
from contentdesk.newsletter.tasks import *  # noqa: F403
