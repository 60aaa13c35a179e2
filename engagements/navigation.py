"""The company navigation bar: each entry names the permission that shows it."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: str | Promise
    icon: str
    permission: str
    # "main": the daily work, on the bar; "company": the company's own pages (team,
    # settings), in the company menu, so that the bar fits a laptop for every role.
    group: str = "main"


COMPANY_NAV: list[NavItem] = [
    NavItem("company_home", _("Home"), "house", "company.view"),
    NavItem("inbox", _("Inbox"), "inbox", "inbox.view"),
    NavItem("content_calendar", _("Calendar"), "calendar3", "content.view"),
    NavItem("engagement_overview", _("Engagement"), "signpost-split", "engagement.view"),
    NavItem("training_home", _("Training"), "mortarboard", "training.view"),
    NavItem("members", _("Team"), "people", "members.view", group="company"),
    NavItem("company_settings", _("Company settings"), "gear", "company.edit", group="company"),
    NavItem("activity_log", _("Activity log"), "clock-history", "activity.view", group="company"),
]


def company_nav(membership, current_path: str) -> list[dict]:
    """The entries the member may see; an entry is active on its page and the pages below it."""
    slug = membership.company.slug
    home = reverse("company_home", kwargs={"company_slug": slug})
    entries = []
    for item in COMPANY_NAV:
        if not membership.can(item.permission):
            continue
        url = reverse(item.url_name, kwargs={"company_slug": slug})
        active = current_path == url if url == home else current_path.startswith(url)
        entries.append({"label": item.label, "icon": item.icon, "url": url, "active": active, "group": item.group})
    return entries
