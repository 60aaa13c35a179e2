"""The privacy notice: edited on a company settings page, read on a public page per language."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from engagements.markdown import render_markdown
from engagements.models import Company
from engagements.privacy.forms import PrivacyNoticeForm
from engagements.privacy.services import (
    NOTICE_LANGUAGES,
    privacy_notice_save,
    privacy_notice_text,
    privacy_notice_texts,
    privacy_notice_url,
)
from engagements.tenancy import company_view


@company_view("privacy.edit")
def privacy_settings(request):
    company = request.company
    texts = privacy_notice_texts(company)
    form = PrivacyNoticeForm(request.POST or None, initial={f"text_{code}": text for code, text in texts.items()})
    if request.method == "POST":
        if form.is_valid():
            privacy_notice_save(company=company, texts=form.texts(), actor=request.user, request=request)
            messages.success(request, _("Privacy notice saved."))
            return redirect("privacy_settings", company_slug=company.slug)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    context = {"form": form, "public_urls": {code: privacy_notice_url(company, code) for code in NOTICE_LANGUAGES}}
    return render(request, "engagements/privacy/settings.html", context, status=400 if form.errors else 200)


@require_GET
def privacy_notice(request, slug, language):
    """Public, no sign-in: the notice of an active company in one of our languages."""
    if language not in NOTICE_LANGUAGES:
        raise Http404("No notice in that language.")
    company = get_object_or_404(
        Company.objects.filter(is_active=True).only("pk", "name", "slug", "language", "enquiry_retention_months"),
        slug=slug,
    )
    with translation.override(language):
        response = render(
            request,
            "engagements/privacy/public.html",
            {
                "company": company,
                # Sanitized by render_markdown (nh3): only formatting and links remain.
                "notice": mark_safe(render_markdown(privacy_notice_text(company, language))),
                "language": language,
                "language_links": [
                    {"code": code, "name": name, "url": privacy_notice_url(company, code)}
                    for code, name in settings.LANGUAGES
                ],
            },
        )
    response["Content-Language"] = language
    return response
