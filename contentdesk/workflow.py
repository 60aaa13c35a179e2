"""The allowed moves of a content item and who may make them: one table, read by the services,
the views (which buttons to show) and the tests.

idea → draft → in review → approved → scheduled → published, or cancelled. Sending back for
changes is a move in review → draft by whoever approves. A channel that does not need approval
lets the writer approve their own draft. Editing the text of an approved or scheduled item
that needs approval sends it back to review (see `services.content_item_update`), so what is
published is what was approved.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from contentdesk.models import ContentItem
from engagements.roles import Role

S = ContentItem.Status


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    permission: str
    label: str | Promise
    icon: str
    style: str = "outline-secondary"
    # Only when the channel needs approval (True), only when it does not (False), or always (None).
    when_approval: bool | None = None
    # The move asks for a comment saying why (sending back for changes, cancelling).
    needs_note: bool = False


MOVES: list[Move] = [
    Move(S.IDEA, S.DRAFT, "content.write", _("Start writing"), "pencil", "primary"),
    Move(S.DRAFT, S.IN_REVIEW, "content.write", _("Submit for approval"), "send", "primary", when_approval=True),
    Move(S.DRAFT, S.APPROVED, "content.write", _("Mark ready"), "check2", "primary", when_approval=False),
    Move(S.DRAFT, S.IDEA, "content.write", _("Back to ideas"), "lightbulb"),
    Move(S.IN_REVIEW, S.APPROVED, "content.approve", _("Approve"), "check2-circle", "success"),
    Move(S.IN_REVIEW, S.DRAFT, "content.approve", _("Request changes"), "arrow-counterclockwise", needs_note=True),
    Move(S.IN_REVIEW, S.DRAFT, "content.write", _("Withdraw"), "arrow-left"),
    Move(S.APPROVED, S.SCHEDULED, "content.write", _("Schedule"), "calendar-check", "primary"),
    Move(S.APPROVED, S.PUBLISHED, "content.write", _("Mark published"), "broadcast", "success"),
    Move(S.SCHEDULED, S.PUBLISHED, "content.write", _("Mark published"), "broadcast", "success"),
    Move(S.SCHEDULED, S.APPROVED, "content.write", _("Unschedule"), "calendar-x"),
    Move(S.APPROVED, S.DRAFT, "content.write", _("Reopen for changes"), "pencil-square"),
    Move(S.IDEA, S.CANCELLED, "content.write", _("Cancel"), "x-circle", "outline-danger", needs_note=True),
    Move(S.DRAFT, S.CANCELLED, "content.write", _("Cancel"), "x-circle", "outline-danger", needs_note=True),
    Move(S.IN_REVIEW, S.CANCELLED, "content.approve", _("Cancel"), "x-circle", "outline-danger", needs_note=True),
    Move(S.APPROVED, S.CANCELLED, "content.write", _("Cancel"), "x-circle", "outline-danger", needs_note=True),
    Move(S.SCHEDULED, S.CANCELLED, "content.write", _("Cancel"), "x-circle", "outline-danger", needs_note=True),
    Move(S.CANCELLED, S.IDEA, "content.write", _("Restore as idea"), "arrow-repeat"),
]


def moves_from(item: ContentItem, membership, *, supervised: bool = False) -> list[Move]:
    """The moves `membership` may make on `item` now, one per target (the first allowed wins).

    `supervised`: the step is under the trainee's supervised mode (see `training.held_posts`):
    it needs approval whatever the channel says, and only the consultant gives it.
    """
    needs_approval = item.channel.requires_approval or supervised
    seen = set()
    moves = []
    for move in MOVES:
        if move.source != item.status or move.target in seen:
            continue
        if move.when_approval is not None and move.when_approval != needs_approval:
            continue
        if not membership.can(move.permission):
            continue
        if supervised and move.permission == "content.approve" and membership.role != Role.CONSULTANT:
            continue
        seen.add(move.target)
        moves.append(move)
    return moves


def find_move(item: ContentItem, target: str, membership, *, supervised: bool = False) -> Move | None:
    return next((m for m in moves_from(item, membership, supervised=supervised) if m.target == target), None)
