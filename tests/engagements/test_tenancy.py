"""Every company page, present and future, goes through the one tenancy mechanism."""

import re

import pytest
from django.urls import URLResolver, get_resolver

from engagements.roles import PERMISSIONS, Role, role_can
from engagements.tenancy import required_permission


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


COMPANY_ROUTES = [(route, p) for route, p in _walk(get_resolver().url_patterns) if "<slug:company_slug>" in route]


def _path(route: str, slug: str) -> str:
    def fill(match):
        converter, name = match.group(1), match.group(2)
        if name == "company_slug":
            return slug
        return "999999" if converter == "int" else "x"

    return "/" + re.sub(r"<(\w+):(\w+)>", fill, route)


def test_company_pages_exist():
    assert len(COMPANY_ROUTES) >= 7


@pytest.mark.parametrize(("route", "pattern"), COMPANY_ROUTES, ids=[r for r, _ in COMPANY_ROUTES])
def test_every_company_page_declares_a_known_permission(route, pattern):
    assert required_permission(pattern.callback) in PERMISSIONS


@pytest.mark.parametrize(("route", "pattern"), COMPANY_ROUTES, ids=[r for r, _ in COMPANY_ROUTES])
def test_anonymous_user_is_sent_to_login(client, company, route, pattern):
    response = client.get(_path(route, company.slug))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(("route", "pattern"), COMPANY_ROUTES, ids=[r for r, _ in COMPANY_ROUTES])
@pytest.mark.parametrize("method", ["get", "post"])
def test_member_of_other_company_gets_404(login, company, outsider, route, pattern, method):
    response = getattr(login(outsider), method)(_path(route, company.slug))
    assert response.status_code == 404


@pytest.mark.parametrize(("route", "pattern"), COMPANY_ROUTES, ids=[r for r, _ in COMPANY_ROUTES])
def test_unknown_company_gets_404(login, owner, route, pattern):
    assert login(owner).get(_path(route, "no-such-company")).status_code == 404


@pytest.mark.parametrize(("route", "pattern"), COMPANY_ROUTES, ids=[r for r, _ in COMPANY_ROUTES])
@pytest.mark.parametrize("role", list(Role))
def test_role_without_the_right_gets_403_and_role_with_it_passes(login, company, users_by_role, route, pattern, role):
    permission = required_permission(pattern.callback)
    response = login(users_by_role[role]).post(_path(route, company.slug))
    if role_can(role, permission):
        assert response.status_code not in (401, 403)
    else:
        assert response.status_code == 403


def test_inactive_company_answers_404_to_its_own_members(login, company, owner):
    company.is_active = False
    company.save()
    assert login(owner).get(f"/c/{company.slug}/").status_code == 404


def test_colleague_is_refused_the_team_page(login, company, colleague):
    response = login(colleague).get(f"/c/{company.slug}/members/")
    assert response.status_code == 403
