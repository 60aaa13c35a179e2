from django.urls import path

from engagements.manual import views

urlpatterns = [
    path("", views.manual_page, name="manual"),
    path("export.html", views.manual_export_html, name="manual_export_html"),
    path("export.pdf", views.manual_export_pdf, name="manual_export_pdf"),
]
