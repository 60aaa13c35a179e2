"""The links of the newsletter's emails, under /nl/: confirm a subscription, unsubscribe, and
the RFC 8058 one-click endpoint that mail clients POST to.

A signed token names the subscription (contentdesk.newsletter.tokens). Mail scanners open
every link of an email, so a GET never changes anything: confirming and unsubscribing take
a POST — the page's button, or the mail client's one-click request. A changed or cut token
answers 400 with a page saying so; a token of a subscription that no longer exists, 404.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from contentdesk.models import Subscription
from contentdesk.newsletter.public_common import form_url, in_language, language_links, message_page
from contentdesk.newsletter.services import confirm_state, subscription_confirm, subscription_unsubscribe
from contentdesk.newsletter.tokens import (
    CONFIRM_DAYS,
    BadToken,
    ExpiredToken,
    read_confirm_token,
    read_unsubscribe_token,
)
from engagements.net import client_ip
from inbox.intake.views import visitor_language

ONE_CLICK_BODY = ("List-Unsubscribe", "One-Click")


# Confirming ----------------------------------------------------------------------------------


def _bad_link(request, *, expired=False):
    language = visitor_language(request, settings.LANGUAGE_CODE, request.GET.get("lang"))
    with translation.override(language):
        if expired:
            title = _("This link has expired")
            message = _(
                "Links to confirm a subscription work for %(days)s days. Subscribe again from the form: "
                "you will receive a new link."
            ) % {"days": CONFIRM_DAYS}
        else:
            title = _("This link is not valid")
            message = _(
                "The address may have been cut or changed when it was copied. Open the link again from the "
                "email, or copy all of it into the browser."
            )
        response = message_page(request, title=title, message=message, status=400, tone="warning")
    return in_language(response, language)


def _gone(request):
    language = visitor_language(request, settings.LANGUAGE_CODE, request.GET.get("lang"))
    with translation.override(language):
        response = message_page(
            request,
            title=_("Subscription not found"),
            message=_("This subscription no longer exists: requests never confirmed are deleted after a while."),
            status=404,
            tone="warning",
        )
    return in_language(response, language)


def _subscription(subscription_id) -> Subscription | None:
    return (
        Subscription.objects.select_related("newsletter_list__company", "contact")
        .filter(pk=subscription_id, newsletter_list__company__is_active=True)
        .first()
    )


@csrf_exempt  # the signed token is the key; a cookie would only make the button fail
def confirm(request, token):
    """GET shows the button; POST records the consent and subscribes."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        subscription_id, stamp = read_confirm_token(token)
    except ExpiredToken:
        return _bad_link(request, expired=True)
    except BadToken:
        return _bad_link(request)
    subscription = _subscription(subscription_id)
    if subscription is None:
        return _gone(request)
    newsletter_list, company = subscription.newsletter_list, subscription.newsletter_list.company
    language = visitor_language(request, company.language, request.GET.get("lang"), subscription.language)
    with translation.override(language):
        if request.method == "POST":
            try:
                result, subscription = subscription_confirm(
                    subscription_id=subscription.pk, stamp=stamp, ip=client_ip(request)
                )
            except Subscription.DoesNotExist:
                return _gone(request)
        else:
            result = confirm_state(subscription, stamp)
        context = {
            "subscription": subscription,
            "newsletter_list": newsletter_list,
            "company": company,
            "result": result,
            "language_links": language_links(request),
            "form_url": form_url(newsletter_list, language) if newsletter_list.form_enabled else "",
        }
        response = render(request, "contentdesk/newsletter/public/confirm.html", context)
    return in_language(response, language)


# Unsubscribing -------------------------------------------------------------------------------


def _unsubscribe_target(request, token):
    """(subscription, delivery id, error response)."""
    try:
        subscription_id, delivery_id = read_unsubscribe_token(token)
    except BadToken:
        return None, None, _bad_link(request)
    subscription = _subscription(subscription_id)
    if subscription is None:
        return None, None, _gone(request)
    return subscription, delivery_id, None


@csrf_exempt  # the signed token is the key; a cookie would only make the button fail
def unsubscribe(request, token):
    """The page of the link at the bottom of every newsletter: GET shows, the button (POST) acts."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscription, delivery_id, error = _unsubscribe_target(request, token)
    if error is not None:
        return error
    newsletter_list, company = subscription.newsletter_list, subscription.newsletter_list.company
    language = visitor_language(request, company.language, request.GET.get("lang"), subscription.language)
    done = False
    if request.method == "POST":
        with translation.override(company.language):
            source = _("Unsubscribe page")
        subscription_unsubscribe(
            subscription=subscription, source=source, delivery_id=delivery_id, ip=client_ip(request)
        )
        done = True
    with translation.override(language):
        context = {
            "subscription": subscription,
            "newsletter_list": newsletter_list,
            "company": company,
            "done": done,
            "masked_email": mask_email(subscription.contact.email),
            "language_links": language_links(request),
            "form_url": form_url(newsletter_list, language) if newsletter_list.form_enabled else "",
        }
        response = render(request, "contentdesk/newsletter/public/unsubscribe.html", context)
    response["X-Robots-Tag"] = "noindex"
    return in_language(response, language)


@csrf_exempt  # RFC 8058: the mail client POSTs without cookies, and must get 200
def one_click(request, token):
    """RFC 8058 one-click unsubscribe: POST with the body ``List-Unsubscribe=One-Click``."""
    if request.method in ("GET", "HEAD"):
        # A mail client without one-click support opens the address in the browser.
        return redirect("newsletter_unsubscribe", token=token)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        subscription_id, delivery_id = read_unsubscribe_token(token)
    except BadToken:
        return HttpResponse("This unsubscribe link is not valid.\n", status=400, content_type="text/plain")
    if request.POST.get(ONE_CLICK_BODY[0]) != ONE_CLICK_BODY[1]:
        return HttpResponse(
            "Send the body List-Unsubscribe=One-Click (RFC 8058).\n", status=400, content_type="text/plain"
        )
    subscription = _subscription(subscription_id)
    if subscription is None:
        return HttpResponse("No such subscription.\n", status=404, content_type="text/plain")
    subscription_unsubscribe(
        subscription=subscription, source="One-Click (RFC 8058)", delivery_id=delivery_id, ip=client_ip(request)
    )
    return HttpResponse("Unsubscribed.\n", content_type="text/plain")


def mask_email(email: str) -> str:
    """m•••@example.it: enough to recognise one's address, not to read it over a shoulder."""
    local, _at, domain = email.partition("@")
    if not domain:
        return "•••"
    return f"{local[:1]}•••@{domain}"
