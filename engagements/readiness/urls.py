from django.urls import path

from engagements.readiness import views

urlpatterns = [
    path("", views.readiness_list, name="readiness"),
    path("new/", views.readiness_create, name="readiness_create"),
    path("<int:check_id>/", views.readiness_detail, name="readiness_detail"),
    path("<int:check_id>/edit/", views.readiness_edit, name="readiness_edit"),
    path("<int:check_id>/delete/", views.readiness_delete, name="readiness_delete"),
]
