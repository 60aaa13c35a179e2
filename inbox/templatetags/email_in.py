"""`{{ message|folded }}`: an incoming email split into what is new and its quoted history.

The split is made in Python (inbox.email_in.folding), not in the template.
"""

from django import template
from django.template.defaultfilters import linebreaksbr

from inbox.email_in.folding import split_quoted

register = template.Library()


@register.filter
def folded(message):
    """{"body": …, "quoted": …} as safe HTML when an incoming message has history to fold, else None."""
    if getattr(message, "direction", None) != "in":
        return None
    body, quoted = split_quoted(message.body_text)
    if not quoted:
        return None
    return {"body": linebreaksbr(body, autoescape=True), "quoted": linebreaksbr(quoted, autoescape=True)}
