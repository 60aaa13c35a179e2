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


@register.filter
def interval(seconds) -> str:
    """A job's period in words: "every 15 minutes", "every hour"."""
    from django.utils.translation import ngettext

    seconds = int(seconds or 0)
    if seconds % 3600 == 0 and seconds >= 3600:
        hours = seconds // 3600
        return ngettext("every hour", "every %(n)s hours", hours) % {"n": hours}
    if seconds % 60 == 0 and seconds >= 60:
        minutes = seconds // 60
        return ngettext("every minute", "every %(n)s minutes", minutes) % {"n": minutes}
    return ngettext("every second", "every %(n)s seconds", seconds) % {"n": seconds}


@register.filter(name="markdown")
def markdown_filter(text) -> str:
    """Markdown as sanitized HTML (engagements.markdown); safe to show as it is."""
    from django.utils.safestring import mark_safe

    from engagements.markdown import render_markdown

    # Safe: render_markdown sanitizes its output with nh3.
    return mark_safe(render_markdown(str(text or "")))
