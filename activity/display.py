"""How an entry reads on the page and in the export, in the reader's language.

Labels are computed when shown, not when written: the same entry reads in Italian for one
member and in English for another. Targets named by kind and number take the kind's name in
the reader's language; content items and responsibilities keep the name they had.
"""

from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from activity.log import LABELLED_BY_NAME
from activity.models import Activity


def target_text(entry: Activity) -> str:
    if not entry.target_type or entry.target_type in LABELLED_BY_NAME:
        return entry.target_label
    try:
        model = apps.get_model(entry.target_type)
    except (LookupError, ValueError):
        return entry.target_label
    return f"{model._meta.verbose_name} #{entry.target_id}".capitalize()


# Targets that have a page of their own: (URL name, its id argument).
TARGET_PAGES = {
    "inbox.conversation": ("inbox_conversation", "conversation_id"),
    "contentdesk.contentitem": ("content_item", "item_id"),
}


def target_url(entry: Activity, company) -> str:
    """The target's page (its view checks the reader's role and company as always), or ""."""
    page = TARGET_PAGES.get(entry.target_type)
    if page is None or not entry.target_id.isdigit():
        return ""
    name, argument = page
    try:
        return reverse(name, kwargs={"company_slug": company.slug, argument: int(entry.target_id)})
    except NoReverseMatch:
        return ""


def _state_labels(verb: str) -> dict:
    group = verb.split(".", 1)[0]
    if group == "inbox":
        from inbox.models import Conversation

        return dict(Conversation.Status.choices)
    if group == "content":
        from contentdesk.models import ContentItem

        return dict(ContentItem.Status.choices)
    if group == "handover":
        from engagements.handover.models import HandoverState

        return dict(HandoverState.choices)
    return {}


def _money(value) -> str:
    try:
        return "€\u00a0" + number_format(Decimal(str(value)), 2, force_grouping=True)
    except (InvalidOperation, ValueError):
        return str(value)


def details_text(entry: Activity) -> str:
    """What changed, in a few words: "Open → Resolved", "to Anna Rossi", "€ 480,00"…"""
    details = entry.details if isinstance(entry.details, dict) else {}
    labels = _state_labels(entry.verb)
    parts = []
    if entry.verb in _NAMED_RECIPIENT:
        if entry.verb == "inbox.routed":
            from engagements.roles import Department

            department = details.get("department")
            parts.append(str(dict(Department.choices).get(department, department or "")))
        if details.get("to"):
            parts.append(_("to %(name)s") % {"name": details["to"]})
        elif entry.verb == "inbox.assigned":
            parts.append(_("to nobody"))
    elif "to" in details:
        target = labels.get(details["to"], details["to"])
        if details.get("from"):
            parts.append(f"{labels.get(details['from'], details['from'])} → {target}")
        else:
            parts.append(f"→ {target}")
    if "amount" in details:
        parts.append(_money(details["amount"]))
    if "level" in details:
        parts.append(_("level %(level)s") % {"level": details["level"]})
    if "edited" in details:
        parts.append(_("edited") if details["edited"] else _("as written"))
    if details.get("attachments"):
        parts.append(_("%(count)s attachments") % {"count": details["attachments"]})
    if details.get("not_ready"):
        parts.append(_("before training showed them ready"))
    if details.get("bulk"):
        parts.append(_("bulk change"))
    if details.get("step") == "setup":
        parts.append(_("while setting up two-factor sign-in"))
    known = {"from", "to", "to_id", "from_id", "department", "amount", "channel", "level", "assessment_id",
             "edited", "attachments", "not_ready", "bulk", "moved_on", "status", "step"}  # fmt: skip
    # Other services' details (plain values only), as they were written.
    parts += [f"{key}: {value}" for key, value in details.items() if key not in known and _plain(value)]
    return " · ".join(part for part in parts if part)


_NAMED_RECIPIENT = {"inbox.assigned", "inbox.routed"}


def _plain(value) -> bool:
    return isinstance(value, str | int | float | bool)
