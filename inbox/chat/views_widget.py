"""The widget's script, with its address and texts, and a hosted chat page of the company."""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from engagements.privacy.services import privacy_notice_url
from inbox.chat.forms import MESSAGE_MAX_LENGTH
from inbox.chat.selectors import chat_channel_by_key
from inbox.chat.services import chat_consent_text
from inbox.intake.views import visitor_language

WIDGET_SOURCE = Path(__file__).resolve().parent / "static" / "chat" / "widget.js"
CONFIG_PLACEHOLDER = "/*STAFFETTA_CHAT_CONFIG*/{}"
# Milliseconds between polls: open panel (growing to `max` while nothing happens), closed
# panel, hidden browser tab.
POLL = {"open": 3000, "max": 15000, "closed": 30000, "hidden": 60000}


@cache
def _widget_source() -> str:
    source = WIDGET_SOURCE.read_text(encoding="utf-8")
    if CONFIG_PLACEHOLDER not in source:
        raise RuntimeError(f"{WIDGET_SOURCE} lacks the configuration placeholder {CONFIG_PLACEHOLDER}.")
    return source


def widget_texts(company, request=None) -> dict:
    """Every text of the widget, in each language; the script picks the visitor's."""
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = {
                "open": _("Chat with us"),
                "close": _("Close the chat"),
                "title": _("Chat with %(company)s") % {"company": company.name},
                "messageLabel": _("Your message"),
                "placeholder": _("Write your message…"),
                "send": _("Send"),
                "sending": _("Sending…"),
                "you": _("You"),
                "empty": _("Ask us anything: we will answer you here."),
                "privacy": chat_consent_text(company),
                "privacyLink": _("Privacy notice"),
                "privacyUrl": privacy_notice_url(company, code, request),
                "emailLabel": _("Your email address"),
                "emailHint": _("Leave your email address: if you are no longer here, we will send you the answer."),
                "emailSave": _("Save"),
                # The script puts the address in {email}.
                "emailSaved": _("Thank you: if you are no longer here when we answer, we will write to %(email)s.")
                % {"email": "{email}"},
                "emailWithFirst": _("Thank you: your address will be sent with your first message."),
                "emailMissing": _("Write your email address."),
                "emailInvalid": _(
                    "This email address does not look right: check it and try again (e.g. name@example.com)."
                ),
                "emptyMessage": _("Write a message first."),
                "tooLong": _(
                    "Your message is too long: write at most %(limit_value)s characters, or send it in two parts."
                )
                % {"limit_value": MESSAGE_MAX_LENGTH},
                "failed": _("The message could not be sent. Check your connection and try again."),
                "offline": _("The chat cannot be reached right now. Please try again in a few minutes."),
                # The script puts the number in {count}.
                "unread": _("new answers: %(count)s") % {"count": "{count}"},
            }
    return texts


def widget_js(request, public_key):
    channel = chat_channel_by_key(public_key)
    if channel is None:
        return HttpResponse(
            "/* Staffetta: this chat does not exist or has been switched off. */\n",
            content_type="application/javascript; charset=utf-8",
            status=404,
        )
    config = {
        "key": public_key,
        "base": request.build_absolute_uri(reverse("chat_hosted", kwargs={"public_key": public_key})),
        "defaultLanguage": channel.company.language,
        "maxLength": MESSAGE_MAX_LENGTH,
        "poll": POLL,
        "texts": widget_texts(channel.company, request),
    }
    # Inside a script, "</" could end an inline copy of it: escape it the way JSON allows.
    encoded = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    response = HttpResponse(
        _widget_source().replace(CONFIG_PLACEHOLDER, encoded), content_type="application/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def hosted(request, public_key):
    """A page of its own with the chat open, for a link in an email signature or a social profile."""
    channel = chat_channel_by_key(public_key)
    if channel is None:
        raise Http404("No such chat.")
    language = visitor_language(request, channel.company.language, request.GET.get("lang"))
    links = []
    for code, name in settings.LANGUAGES:
        links.append({"code": code, "name": name, "url": f"{request.path}?lang={code}"})
    with translation.override(language):
        response = render(
            request,
            "chat/hosted.html",
            {
                "company": channel.company,
                "language": language,
                "language_links": links,
                "widget_url": reverse("chat_widget", kwargs={"public_key": public_key}),
            },
        )
    response["Content-Language"] = language
    return response
