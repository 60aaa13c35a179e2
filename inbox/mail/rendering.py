"""Templates of the inbox's emails (inbox/templates/inbox/mail/)."""

from django.template.loader import render_to_string


def render(template_name: str, context: dict) -> str:
    return render_to_string(template_name, context)


def render_subject(template_name: str, context: dict) -> str:
    # A subject is one line: a newline in it would start a new header.
    return " ".join(render(template_name, context).split())
