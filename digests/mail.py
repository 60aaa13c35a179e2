"""Rendering and sending the digests' emails: in the recipient's language, times in the company's zone."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation


def absolute_url(name: str, **kwargs) -> str | None:
    """The address of a page for an email, or None while that page does not exist."""
    try:
        return settings.SITE_URL + reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def absolute_url_of(path: str | None) -> str | None:
    return settings.SITE_URL + path if path else None


def recipient_language(user, company=None) -> str:
    return user.language or (company.language if company is not None else None) or settings.LANGUAGE_CODE


def email_build(*, template: str, context: dict, to: str, language: str, tz) -> EmailMultiAlternatives:
    """digests/email/<template>_subject.txt, .txt and .html rendered in `language` and `tz`."""
    with translation.override(language), timezone.override(tz):
        context = {**context, "site_url": settings.SITE_URL, "language": language}
        subject = " ".join(render_to_string(f"digests/email/{template}_subject.txt", context).split())
        email = EmailMultiAlternatives(subject, render_to_string(f"digests/email/{template}.txt", context), to=[to])
        email.attach_alternative(render_to_string(f"digests/email/{template}.html", context), "text/html")
    return email
