from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "engagements.budgets"
    label = "budgets"
    verbose_name = _("Budgets and spends")

    def ready(self):
        from engagements.budgets.portfolio import pending_approvals
        from engagements.plan.portfolio import PORTFOLIO_PROVIDERS

        PORTFOLIO_PROVIDERS.append(pending_approvals)
