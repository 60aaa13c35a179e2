"""What an activity entry says happened. Add verbs here (no migration needed)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Verb(models.TextChoices):
    SIGNED_IN = "auth.signed_in", _("Signed in")
    SIGN_IN_FAILED = "auth.sign_in_failed", _("Failed sign-in")
    SIGNED_OUT = "auth.signed_out", _("Signed out")
    TWO_FACTOR_ENROLLED = "auth.two_factor_enrolled", _("Set up two-factor sign-in")
    TWO_FACTOR_FAILED = "auth.two_factor_failed", _("Wrong two-factor code")
    RECOVERY_CODES_RENEWED = "auth.recovery_codes_renewed", _("Renewed recovery codes")
    MEMBER_INVITED = "members.invited", _("Invited a member")
    MEMBER_JOINED = "members.joined", _("Joined the company")
    MEMBER_ROLE_CHANGED = "members.role_changed", _("Changed a member's role")
    MEMBER_REMOVED = "members.removed", _("Removed a member")
    CONVERSATION_STATUS = "inbox.status", _("Changed a conversation's status")
    CONVERSATION_ASSIGNED = "inbox.assigned", _("Assigned a conversation")
    CONVERSATION_ROUTED = "inbox.routed", _("Routed a conversation")
    REPLY_SENT = "inbox.reply_sent", _("Sent a reply")
    HELD_REPLY_APPROVED = "inbox.held_reply_approved", _("Approved a trainee's reply")
    HELD_REPLY_RETURNED = "inbox.held_reply_returned", _("Sent a trainee's reply back")
    CONTENT_MOVED = "content.moved", _("Moved a content item")
    CONTENT_APPROVED = "content.approved", _("Approved a content item")
    HANDOVER_MOVED = "handover.moved", _("Moved a handover item")
    SPEND_APPROVED = "budget.spend_approved", _("Approved a spend")
    SPEND_REJECTED = "budget.spend_rejected", _("Rejected a spend")
    ASSESSMENT_RECORDED = "training.assessment", _("Recorded an assessment")
    COMPETENCY_SIGNED_OFF = "training.signed_off", _("Signed off a competency")
    KEY_ROTATED = "security.key_rotated", _("Rotated a key or token")
    DATA_EXPORTED = "security.data_exported", _("Exported data")
    CONTACT_EXPORTED = "gdpr.contact_exported", _("Exported a contact's data")
    CONTACT_ERASED = "gdpr.contact_erased", _("Erased a contact")
    SETTINGS_CHANGED = "company.settings_changed", _("Changed company settings")


# The groups of the page's "kind of action" filter: a verb belongs to the group of its prefix.
GROUPS = {
    "auth": _("Sign-in"),
    "members": _("Team"),
    "inbox": _("Inbox"),
    "content": _("Content"),
    "handover": _("Handover"),
    "budget": _("Budget"),
    "training": _("Training"),
    "security": _("Security"),
    "gdpr": _("Privacy requests"),
    "company": _("Company"),
}


def verb_groups() -> list[tuple]:
    """[(prefix, group label, [(verb, label), …]), …] in GROUPS' order, for a select with optgroups."""
    by_group = {prefix: [] for prefix in GROUPS}
    for verb in Verb:
        by_group.setdefault(verb.value.split(".", 1)[0], []).append((verb.value, verb.label))
    return [(prefix, GROUPS.get(prefix, prefix), verbs) for prefix, verbs in by_group.items() if verbs]
