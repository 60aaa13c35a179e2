"""State changes for companies, members and invitations.

Each function runs in a transaction and queues its side effects (email) on commit.
"""

from enum import Enum

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.log import record
from activity.verbs import Verb
from engagements.models import BusinessHours, Company, Invitation, JobRun, Membership, User
from engagements.roles import Role

INVITATION_SALT = "staffetta.invitation"


def company_create(
    *, name: str, slug: str, sector: str = "", language: str = "it", timezone_name: str = "Europe/Rome"
) -> Company:
    with transaction.atomic():
        company = Company.objects.create(name=name, slug=slug, sector=sector, language=language, timezone=timezone_name)
        BusinessHours.objects.bulk_create(
            BusinessHours(company=company, weekday=day, opens=start, closes=end)
            for day, start, end in BusinessHours.DEFAULT_WEEK
        )
    return company


def _queue_invitation_email(invitation: Invitation) -> None:
    from engagements.tasks import send_invitation_email

    transaction.on_commit(lambda: send_invitation_email.delay(invitation.pk))


def invitation_create(
    *, company: Company, invited_by: User, email: str, role: str, department: str = "", language: str, request=None
) -> Invitation:
    with transaction.atomic():
        invitation = Invitation.objects.create(
            company=company,
            email=User.objects.normalize_email(email),
            role=role,
            department=department if role == Role.COLLEAGUE else "",
            language=language,
            invited_by=invited_by,
        )
        # The invitation, never the address (personal data stay out of the log).
        record(company, invited_by, Verb.MEMBER_INVITED, invitation, request=request, role=role)
        _queue_invitation_email(invitation)
    return invitation


def invitation_resend(*, invitation: Invitation) -> Invitation:
    """Send the invitation again with a fresh expiry."""
    with transaction.atomic():
        invitation.sent_at = timezone.now()
        invitation.save(update_fields=["sent_at"])
        _queue_invitation_email(invitation)
    return invitation


def invitation_revoke(*, invitation: Invitation) -> None:
    invitation.delete()


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "e": invitation.email}, salt=INVITATION_SALT, compress=True)


class InvitationProblem(Enum):
    INVALID = "invalid"
    EXPIRED = "expired"
    USED = "used"


def invitation_from_token(token: str) -> tuple[Invitation | None, InvitationProblem | None]:
    """The pending invitation a link stands for, or the reason it cannot be used."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=settings.INVITATION_MAX_AGE)
    except signing.SignatureExpired:
        return None, InvitationProblem.EXPIRED
    except signing.BadSignature:
        return None, InvitationProblem.INVALID
    invitation = (
        Invitation.objects.select_related("company", "invited_by")
        .filter(pk=data.get("i"), email=data.get("e"), company__is_active=True)
        .first()
    )
    if invitation is None:
        return None, InvitationProblem.INVALID
    if invitation.accepted_at is not None:
        return invitation, InvitationProblem.USED
    if invitation.is_expired:
        return invitation, InvitationProblem.EXPIRED
    return invitation, None


def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    """Make `user` a member with the invited role; an invitation is used once."""
    if user.email != invitation.email:
        raise ValidationError(_("This invitation was sent to another email address."))
    with transaction.atomic():
        claimed = Invitation.objects.filter(pk=invitation.pk, accepted_at__isnull=True).update(
            accepted_at=timezone.now(), accepted_by=user
        )
        if not claimed:
            raise ValidationError(_("This invitation has already been used."))
        membership, created = Membership.objects.get_or_create(
            user=user,
            company=invitation.company,
            defaults={"role": invitation.role, "department": invitation.department},
        )
        if created:
            record(invitation.company, user, Verb.MEMBER_JOINED, membership, role=membership.role)
    return membership


def user_create_from_invitation(*, invitation: Invitation, first_name: str, last_name: str, password: str) -> User:
    with transaction.atomic():
        user = User.objects.create_user(
            email=invitation.email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            language=invitation.language,
        )
        invitation_accept(invitation=invitation, user=user)
    return user


def membership_remove(*, membership: Membership, by: Membership, request=None) -> None:
    """Remove a member; only an owner removes an owner, and a company keeps at least one.

    The removed person's sessions end at once (in every company: they sign in again).
    """
    from engagements.sessions import sessions_end

    if membership.role == Role.OWNER and not by.can("members.grant_owner"):
        raise ValidationError(_("Only an owner can remove an owner."))
    with transaction.atomic():
        if membership.role == Role.OWNER:
            owners = Membership.objects.select_for_update().filter(company_id=membership.company_id, role=Role.OWNER)
            if owners.count() <= 1:
                raise ValidationError(_("A company needs at least one owner: invite another owner first."))
        record(membership.company_id, by.user, Verb.MEMBER_REMOVED, membership, request=request, role=membership.role)
        membership.delete()
        if membership.user_id != by.user_id:
            sessions_end(membership.user)


def membership_change_role(
    *, membership: Membership, role: str, department: str = "", by: Membership, request=None
) -> Membership:
    """Give a member another role; the owner role is given or taken only by an owner, and a
    company keeps at least one owner."""
    if role not in Role.values:
        raise ValidationError(_("Choose a role from the list."))
    if Role.OWNER in (role, membership.role) and not by.can("members.grant_owner"):
        raise ValidationError(_("Only an owner can give or take the owner role."))
    department = department if role == Role.COLLEAGUE else ""
    if role == Role.COLLEAGUE and not department:
        raise ValidationError(_("Choose the colleague's department."))
    if role == membership.role and department == membership.department:
        return membership
    with transaction.atomic():
        if membership.role == Role.OWNER and role != Role.OWNER:
            owners = Membership.objects.select_for_update().filter(company_id=membership.company_id, role=Role.OWNER)
            if owners.count() <= 1:
                raise ValidationError(_("A company needs at least one owner: make someone else owner first."))
        old_role = membership.role
        membership.role = role
        membership.department = department
        membership.save(update_fields=["role", "department"])
        record(
            membership.company_id,
            by.user,
            Verb.MEMBER_ROLE_CHANGED,
            membership,
            request=request,
            old_role=old_role,
            new_role=role,
        )
    return membership


def user_set_language(*, user: User, language: str) -> None:
    user.language = language
    user.save(update_fields=["language"])


def job_run_record(name: str) -> None:
    """Note that a periodic job ran (two runs are two runs: the counter says so)."""
    now = timezone.now()
    with transaction.atomic():
        updated = JobRun.objects.filter(name=name).update(last_run_at=now, run_count=F("run_count") + 1)
        if not updated:
            JobRun.objects.get_or_create(name=name, defaults={"last_run_at": now, "run_count": 1})
