from django import template

register = template.Library()


@register.filter
def can(membership, permission: str) -> bool:
    """`{% if membership|can:"members.manage" %}`: the role table decides, not the template."""
    return membership is not None and membership.can(permission)


@register.filter
def minutes(duration) -> int:
    """A timedelta in whole minutes, for sentences such as "blocked for 15 minutes"."""
    if duration is None:
        return 0
    return int(duration.total_seconds() // 60)
