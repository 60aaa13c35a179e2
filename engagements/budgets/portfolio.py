from django.db.models import Count
from django.utils.translation import gettext as _

from engagements.budgets.models import Spend


def pending_approvals(rows, today) -> None:
    """Spends waiting for the owner, for every company of the portfolio in one query."""
    counts = dict(
        Spend.objects.filter(company_id__in=[row.company.pk for row in rows], status=Spend.Status.PENDING)
        .values("company_id")
        .annotate(n=Count("id"))
        .values_list("company_id", "n")
    )
    for row in rows:
        row.extras[_("Spends awaiting approval")] = counts.get(row.company.pk, 0)
