"""Reading and saving the privacy notice of a company, one text per language."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from activity.log import record
from activity.verbs import Verb
from engagements.models import Company, PrivacyNotice

NOTICE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def notice_language(language: str | None, company: Company) -> str:
    """`language` if we have notices in it, else the company's language, else Italian."""
    code = (language or "").split("-")[0].lower()
    if code in NOTICE_LANGUAGES:
        return code
    return company.language if company.language in NOTICE_LANGUAGES else NOTICE_LANGUAGES[0]


def privacy_notice_default(company: Company, language: str) -> str:
    """The default notice (Markdown) in `language`, filled with the company's name and retention."""
    with translation.override(language):
        return render_to_string(
            "engagements/privacy/default_notice.txt",
            {"company": company, "retention_months": company.enquiry_retention_months},
        ).strip()


def privacy_notice_texts(company: Company) -> dict[str, str]:
    """{language: text} for every language: the company's own, or the default."""
    stored = dict(PrivacyNotice.objects.for_company(company).values_list("language", "text"))
    return {code: stored.get(code) or privacy_notice_default(company, code) for code in NOTICE_LANGUAGES}


def privacy_notice_text(company: Company, language: str) -> str:
    stored = PrivacyNotice.objects.for_company(company).filter(language=language).values_list("text", flat=True)
    return next(iter(stored), "") or privacy_notice_default(company, language)


def privacy_notice_save(*, company: Company, texts: dict[str, str], actor, request=None) -> list[str]:
    """Store the texts that changed; returns their languages (written to the activity log)."""
    current = privacy_notice_texts(company)
    changed = [code for code in NOTICE_LANGUAGES if texts.get(code) and texts[code] != current[code]]
    if not changed:
        return []
    with transaction.atomic():
        for code in changed:
            PrivacyNotice.objects.update_or_create(
                company=company, language=code, defaults={"text": texts[code], "updated_by": actor}
            )
        record(company, actor, Verb.SETTINGS_CHANGED, company, request=request, privacy_notice=changed)
    return changed


def privacy_notice_url(company: Company, language: str, request=None) -> str:
    """The public page of the notice; absolute when `request` is given (for snippets on other sites)."""
    path = reverse("privacy_notice", kwargs={"slug": company.slug, "language": notice_language(language, company)})
    return request.build_absolute_uri(path) if request is not None else path
