from decimal import Decimal

from django import template

from engagements.budgets.services import money

register = template.Library()


@register.filter
def euro(amount: Decimal | None) -> str:
    """`{{ amount|euro }}` → "€ 1.234,50" in Italian, "€ 1,234.50" in English."""
    if amount is None:
        return ""
    return money(amount)
