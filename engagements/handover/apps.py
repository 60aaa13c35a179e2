from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoverConfig(AppConfig):
    name = "engagements.handover"
    label = "handover"
    verbose_name = _("Handover")

    def ready(self):
        from engagements.handover.portfolio import handover_share
        from engagements.plan.portfolio import PORTFOLIO_PROVIDERS

        PORTFOLIO_PROVIDERS.append(handover_share)
