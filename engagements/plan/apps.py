from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "engagements.plan"
    label = "plan"
    verbose_name = _("Engagement plan")
