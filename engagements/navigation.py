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


COMPANY_NAV: list[NavItem] = [
    NavItem("company_home", _("Home"), "house", "company.view"),
    NavItem("members", _("Team"), "people", "members.view"),
    NavItem("company_settings", _("Company settings"), "gear", "company.edit"),
]


def company_nav(membership, current_url_name: str | None) -> list[dict]:
    slug = membership.company.slug
    return [
        {
            "label": item.label,
            "icon": item.icon,
            "url": reverse(item.url_name, kwargs={"company_slug": slug}),
            "active": item.url_name == current_url_name,
        }
        for item in COMPANY_NAV
        if membership.can(item.permission)
    ]
