from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format

register = template.Library()


@register.filter
def sentence_date(value, fmt: str = "l j F"):
    """A date or time inside a sentence: in the current time zone, and with lower-case day and
    month names in Italian ("martedì 24"), where Django's catalogue capitalises them."""
    if value is None:
        return ""
    if hasattr(value, "tzinfo") and timezone.is_aware(value):
        value = timezone.localtime(value)
    text = date_format(value, fmt)
    return text.lower() if translation.get_language() == "it" else text
