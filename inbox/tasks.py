"""Celery finds tasks in <app>.tasks: the inbox's live in its sub-packages."""

from inbox.email_in.tasks import *  # noqa: F403
from inbox.intake.tasks import *  # noqa: F403
from inbox.mail.tasks import *  # noqa: F403
