from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentdeskConfig(AppConfig):
    name = "contentdesk"
    verbose_name = _("Content desk")
