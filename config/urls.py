from django.contrib import admin
from django.urls import include, path

from engagements.views.security import csp_report

# 403, 404 and 500 pages are the templates of the same names in templates/.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("csp-report/", csp_report, name="csp_report"),
    path("", include("engagements.urls")),
]
