from django.urls import path

from reports import baseline_views, report_views, settings_views, views

# Under /c/<company_slug>/; each page is also a role's company home (see views.role_home).
urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("today/", views.today, name="today"),
    path("reports/", report_views.archive, name="monthly_reports"),
    # Before reports/<month>/: these words are not months.
    path("reports/baseline/", baseline_views.baseline, name="audit_baseline"),
    path("reports/baseline/freeze/", baseline_views.baseline_freeze, name="audit_baseline_freeze"),
    path("reports/settings/", settings_views.report_settings, name="monthly_report_settings"),
    path("reports/<str:month>/", report_views.detail, name="monthly_report"),
    path("reports/<str:month>/notes/", report_views.notes, name="monthly_report_notes"),
    path("reports/<str:month>/regenerate/", report_views.regenerate, name="monthly_report_regenerate"),
    path("reports/<str:month>/send/", report_views.send, name="monthly_report_send"),
    path("reports/<str:month>/pdf/", report_views.pdf, name="monthly_report_pdf"),
]
