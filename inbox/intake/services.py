"""Write services of the channels page: create a channel, change it, rotate its key or secret."""

from django.db import transaction

from engagements.models import Company
from inbox.models import IntakeChannel, new_public_key, new_secret


def channel_create(
    *, company: Company, kind: str, name: str, allowed_origins: str = "", auto_acknowledge: bool = True
) -> IntakeChannel:
    return IntakeChannel.objects.create(
        company=company,
        kind=kind,
        name=name,
        allowed_origins=allowed_origins if kind == IntakeChannel.Kind.FORM else "",
        auto_acknowledge=auto_acknowledge,
    )


def channel_rotate_key(*, channel: IntakeChannel) -> IntakeChannel:
    """A new public key: the old snippet, form link and webhook address stop working at once."""
    with transaction.atomic():
        channel.public_key = new_public_key()
        channel.save(update_fields=["public_key"])
    return channel


def channel_rotate_secret(*, channel: IntakeChannel) -> IntakeChannel:
    """A new signing secret: webhook calls signed with the old one are refused from now on."""
    with transaction.atomic():
        channel.secret = new_secret()
        channel.save(update_fields=["secret"])
    return channel
