from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementsConfig(AppConfig):
    name = "engagements"
    verbose_name = _("Companies and engagements")

    def ready(self):
        # Signal receivers: a sign-in counts as a password confirmation.
        from engagements import reauth  # noqa: F401
