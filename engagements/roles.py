"""Who may do what in a company: the one table of rights.

Views declare the permission they need (see `engagements.tenancy.company_view`);
templates ask `membership|can:"members.invite"`. No role checks anywhere else.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    DIGITAL_MANAGER = "digital_manager", _("Digital manager")
    CONSULTANT = "consultant", _("Consultant")
    COLLEAGUE = "colleague", _("Colleague")


class Department(models.TextChoices):
    SALES = "sales", _("Sales")
    RND = "rnd", _("R&D")
    PRODUCTION = "production", _("Production")
    ADMINISTRATION = "administration", _("Administration")


ALL_ROLES = frozenset(Role)
MANAGERS = frozenset({Role.OWNER, Role.CONSULTANT})

PERMISSIONS: dict[str, frozenset[Role]] = {
    # Open the company's home page (each role sees its own home).
    "company.view": ALL_ROLES,
    # Change the company's name, time zone, language and business hours.
    "company.edit": MANAGERS,
    # See who works in the company.
    "members.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    # Invite people, revoke invitations, remove members.
    "members.manage": MANAGERS,
    # Grant the owner role to someone: only an owner may.
    "members.grant_owner": frozenset({Role.OWNER}),
    # The engagement: its plan, phases, milestones and timeline. Owners read it; the
    # digital manager sees the plan; the consultant runs it.
    "engagement.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "engagement.manage": frozenset({Role.CONSULTANT}),
    # The handover board: responsibilities moving consultant → shared → trainee.
    "handover.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "handover.move": frozenset({Role.CONSULTANT}),
    # Budgets: lines planned per month and channel, spends, approvals above the threshold.
    "budget.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "budget.plan": frozenset({Role.OWNER, Role.CONSULTANT}),
    "budget.spend": frozenset({Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    "budget.approve": frozenset({Role.OWNER}),
    # The trainee's presence schedule (trial mornings, then every morning).
    "schedule.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "schedule.manage": frozenset({Role.OWNER, Role.CONSULTANT}),
    # Monthly reviews of the engagement.
    "review.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "review.edit": frozenset({Role.CONSULTANT}),
    # The inbox. Colleagues see only the conversations routed to them (the queryset decides),
    # and may answer those; the digital manager and the consultant work the whole inbox.
    "inbox.view": ALL_ROLES,
    "inbox.answer": frozenset({Role.DIGITAL_MANAGER, Role.CONSULTANT, Role.COLLEAGUE}),
    "inbox.work": frozenset({Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # Intake channels (form, webhook), their keys, secrets and allowed websites; canned replies.
    "inbox.channels": frozenset({Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    "inbox.canned": frozenset({Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # A contact's page: who they are, their consents, all their conversations. Colleagues see
    # only the conversations routed to them, so not the whole person.
    "contacts.view": frozenset({Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # A person's GDPR requests: export everything held about them, erase them. The owner answers
    # for the data (the controller), the consultant runs the engagement, and the digital manager
    # is who receives the request in the inbox and must answer within a month; each asks for the
    # password again and is written to the activity log that owners and consultants read.
    "contacts.gdpr": frozenset({Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # The company's privacy notice (Italian and English), shown publicly: the managers write it.
    "privacy.edit": MANAGERS,
    # Web mentions: what is said about the company online (feeds polled periodically).
    "mentions.view": frozenset({Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    "mentions.feeds": frozenset({Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # The content desk: channels, content items, the calendar and its results. Colleagues read
    # the calendar; the digital manager and the consultant write; the owner (or the consultant)
    # approves; channels, cadences and the calendar feed are set up by the managers.
    "content.view": ALL_ROLES,
    "content.write": frozenset({Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    "content.approve": frozenset({Role.OWNER, Role.CONSULTANT}),
    "content.channels": frozenset({Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # The newsletter: its lists hold people's addresses and consents, so colleagues do not see
    # them; the owner reads the figures; the digital manager and the consultant run the lists
    # (segments, imports, unsubscribing someone who asked by phone).
    "newsletter.view": frozenset({Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    "newsletter.manage": frozenset({Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # The owner's dashboard of results, month by month; the digital manager's "Today".
    "dashboard.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "today.view": frozenset({Role.DIGITAL_MANAGER, Role.CONSULTANT}),
    # Monthly result reports: the managers and the digital manager read them (and their PDF);
    # the consultant edits the review notes, regenerates a draft and sends it.
    "reports.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "reports.manage": frozenset({Role.CONSULTANT}),
    # Who receives the monthly report (members and other addresses, e.g. the accountant).
    "reports.recipients": MANAGERS,
    # The operations manual: what is configured, with its why and owner. The digital manager
    # reads it; the consultant and the owner export it (HTML, PDF) at handover.
    "manual.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "manual.export": MANAGERS,
    # The digital readiness questionnaire of the audit and of each re-audit.
    "readiness.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "readiness.manage": frozenset({Role.CONSULTANT}),
    # Training: the owner reads the trainee's progress; the digital manager (the trainee)
    # reads lessons and records evidence; the consultant creates and edits the plan.
    "training.view": frozenset({Role.OWNER, Role.CONSULTANT, Role.DIGITAL_MANAGER}),
    "training.work": frozenset({Role.DIGITAL_MANAGER}),
    "training.manage": frozenset({Role.CONSULTANT}),
    # The activity log: who did what and when, read and exported (CSV) by the managers.
    "activity.view": MANAGERS,
}


def role_can(role: str, permission: str) -> bool:
    """Whether `role` holds `permission`. An unknown permission is a programming error."""
    try:
        allowed = PERMISSIONS[permission]
    except KeyError:
        raise KeyError(f"Unknown permission {permission!r}: add it to engagements.roles.PERMISSIONS.") from None
    return role in allowed


INVITATION_ORDER = [Role.DIGITAL_MANAGER, Role.COLLEAGUE, Role.CONSULTANT, Role.OWNER]


def grantable_roles(role: str) -> list[Role]:
    """Roles that a member with `role` may give to others, the most common first."""
    return [r for r in INVITATION_ORDER if r != Role.OWNER or role_can(role, "members.grant_owner")]
