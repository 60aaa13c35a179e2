"""The log is append-only through the application: the model, its queryset, the admin and every
URL of the project refuse to change or delete an entry."""

import inspect
import sys

import pytest
from django.contrib.admin.sites import AdminSite
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

import activity.models
from activity.admin import ActivityAdmin
from activity.log import record
from activity.models import Activity, ActivityLogIsAppendOnly, ActivityQuerySet
from activity.verbs import Verb
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

READ_ONLY_VIEWS = {"activity.views.activity_log", "activity.views.activity_export"}


@pytest.fixture
def entry(company, owner):
    return record(company, owner, Verb.SETTINGS_CHANGED, company, field="timezone")


# --- model and queryset ----------------------------------------------------------------------


def test_an_entry_cannot_be_saved_again(entry):
    entry.verb = Verb.SIGNED_OUT
    with pytest.raises(ActivityLogIsAppendOnly):
        entry.save()
    assert Activity.objects.get(pk=entry.pk).verb == Verb.SETTINGS_CHANGED


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(ActivityLogIsAppendOnly):
        entry.delete()
    assert Activity.objects.filter(pk=entry.pk).exists()


def test_the_queryset_refuses_updates_and_deletes(entry):
    with pytest.raises(ActivityLogIsAppendOnly):
        Activity.objects.filter(pk=entry.pk).update(verb=Verb.SIGNED_OUT)
    with pytest.raises(ActivityLogIsAppendOnly):
        Activity.objects.filter(pk=entry.pk).delete()
    # bulk_update runs in a transaction of its own: a savepoint keeps the test's usable.
    with pytest.raises(ActivityLogIsAppendOnly), transaction.atomic():
        Activity.objects.bulk_update([entry], ["verb"])
    assert Activity.objects.get(pk=entry.pk).verb == Verb.SETTINGS_CHANGED


# --- the admin -------------------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return UserFactory(email="root@example.com", is_staff=True, is_superuser=True)


def test_the_admin_has_no_add_change_or_delete_even_for_a_superuser(rf, superuser):
    model_admin = ActivityAdmin(Activity, AdminSite())
    request = rf.get("/admin/activity/activity/")
    request.user = superuser
    assert model_admin.has_view_permission(request)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert "delete_selected" not in model_admin.get_actions(request)


def test_the_admin_refuses_to_change_or_delete_an_entry(client, superuser, entry):
    client.force_login(superuser)
    base = f"/admin/activity/activity/{entry.pk}"
    page = client.get(f"{base}/change/")
    assert page.status_code == 200  # readable
    assert 'name="_save"' not in page.content.decode()
    assert client.post(f"{base}/change/", {"verb": "auth.signed_out"}).status_code == 403
    assert client.post(f"{base}/delete/", {"post": "yes"}).status_code == 403
    assert client.post("/admin/activity/activity/add/", {"verb": "auth.signed_in"}).status_code == 403
    assert Activity.objects.get(pk=entry.pk).verb == Verb.SETTINGS_CHANGED


# --- the URLs --------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("suffix", ["", "export.csv"])
def test_every_activity_url_answers_405_to_writing_methods(login, company, owner, entry, method, suffix):
    response = getattr(login(owner), method)(f"/c/{company.slug}/activity/{suffix}")
    assert response.status_code == 405
    assert Activity.objects.filter(pk=entry.pk).exists()


def _views(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


# Writing through activity.log.record only appends (and verbs are labels): a view may use those.
APPEND_ONLY_MODULES = {"activity.log", "activity.verbs"}


def _from_the_log_app(value) -> bool:
    name = getattr(value, "__module__", None) if not inspect.ismodule(value) else value.__name__
    if not isinstance(name, str):
        return False
    return (name == "activity" or name.startswith("activity.")) and name not in APPEND_ONLY_MODULES


def _reaches_the_log_model(callback) -> bool:
    """Whether a view's code can read or write Activity rows: its module holds the model, its
    queryset, or anything else of the activity app that hands them out (selectors, export…), or
    names the model in its source."""
    view = getattr(callback, "view_class", None) or inspect.unwrap(callback)
    module = sys.modules.get(view.__module__)
    if module is None:
        return False
    if module.__name__.startswith("activity.") or any(_from_the_log_app(v) for v in vars(module).values()):
        return True
    held = set(map(id, vars(module).values()))
    if {id(Activity), id(ActivityQuerySet), id(activity.models)} & held:
        return True
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return False
    return any(name in source for name in ("activity.models", "Activity.objects", "activity.selectors"))


def test_no_view_of_the_project_but_the_read_only_ones_reaches_the_log():
    """Walks every URL of the project: a view that could edit entries (it would need the model)
    must be added here on purpose, and then answer for it. The admin is tested above."""
    found = {}
    for route, callback in _views(get_resolver().url_patterns):
        if route.startswith("admin/"):
            continue
        if _reaches_the_log_model(callback):
            view = getattr(callback, "view_class", None) or inspect.unwrap(callback)
            found[f"{view.__module__}.{view.__qualname__}"] = route
    assert set(found) == READ_ONLY_VIEWS, found


def test_the_walk_would_see_a_view_module_that_imports_the_model(tmp_path, monkeypatch):
    """The check above is not vacuous: a view in any app that imports the model is caught."""
    (tmp_path / "sneaky_views.py").write_text(
        "from activity.models import Activity\n\n\ndef edit(request, pk):\n    Activity.objects.filter(pk=pk)\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import sneaky_views

    try:
        assert _reaches_the_log_model(sneaky_views.edit)
    finally:
        sys.modules.pop("sneaky_views", None)
