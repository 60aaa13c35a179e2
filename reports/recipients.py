"""Who receives a company's monthly report, as the owners and the consultant set it.

Without settings (`ReportSettings`), the owners and the consultants. With settings, the members
chosen there (any role) and up to ten other addresses — the accountant, a partner — who read the
email in the language chosen for them. Each address receives the report once.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from engagements.models import Company, Membership
from engagements.roles import Role
from reports.models import MAX_EXTRA_ADDRESSES, ReportSettings

DEFAULT_ROLES = [Role.OWNER, Role.CONSULTANT]


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    name: str = ""  # the greeting's first name; empty for an address without an account


def company_members(company: Company):
    """The company's members with an active account, as the settings page lists them."""
    return (
        Membership.objects.filter(company=company, user__is_active=True)
        .select_related("user")
        .order_by("role", "user__email")
    )


def default_recipients(company: Company):
    return company_members(company).filter(role__in=DEFAULT_ROLES)


def report_settings_of(company: Company) -> ReportSettings | None:
    return ReportSettings.objects.for_company(company).first()


def chosen_members(company: Company, settings: ReportSettings | None):
    if settings is None:
        return default_recipients(company)
    return company_members(company).filter(pk__in=settings.recipients.values("pk"))


def report_recipients(company: Company) -> list[Recipient]:
    """Every address that receives the report, each once, with its language. Two queries."""
    settings = report_settings_of(company)
    result, seen = [], set()
    for membership in chosen_members(company, settings):
        user = membership.user
        if user.email.casefold() in seen:
            continue
        seen.add(user.email.casefold())
        result.append(Recipient(user.email, user.language or company.language, user.first_name or user.email))
    for address in settings.extra_addresses if settings is not None else []:
        if address.casefold() in seen:
            continue
        seen.add(address.casefold())
        result.append(Recipient(address, settings.extra_language))
    return result


def parse_addresses(text: str) -> list[str]:
    """The addresses written one per line (or separated by commas or semicolons), each once.

    Raises ValidationError naming every address that is not one, or when there are too many.
    """
    words = [w.strip() for w in text.replace(",", "\n").replace(";", "\n").split()]
    addresses, seen, bad = [], set(), []
    for word in words:
        if not word:
            continue
        try:
            validate_email(word)
        except ValidationError:
            bad.append(word)
            continue
        if word.casefold() not in seen:
            seen.add(word.casefold())
            addresses.append(word)
    if bad:
        raise ValidationError(
            ngettext(
                "“%(addresses)s” is not a valid email address.",
                "These are not valid email addresses: %(addresses)s.",
                len(bad),
            )
            % {"addresses": ", ".join(f"“{b}”" for b in bad) if len(bad) > 1 else bad[0]},
            code="invalid",
        )
    if len(addresses) > MAX_EXTRA_ADDRESSES:
        raise ValidationError(
            _("At most %(max)s other addresses: you wrote %(count)s.")
            % {"max": MAX_EXTRA_ADDRESSES, "count": len(addresses)},
            code="too_many",
        )
    return addresses


def report_settings_save(
    *, company: Company, members: list[Membership], extra_addresses: list[str], extra_language: str
) -> ReportSettings:
    """Store who receives the report; members of another company are refused."""
    if any(m.company_id != company.pk for m in members):
        raise ValidationError(_("A recipient is not a member of this company."))
    with transaction.atomic():
        settings, _created = ReportSettings.objects.update_or_create(
            company=company, defaults={"extra_addresses": extra_addresses, "extra_language": extra_language}
        )
        settings.recipients.set(members)
    return settings
