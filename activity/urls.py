from django.urls import path

from activity import views

urlpatterns = [
    path("", views.activity_log, name="activity_log"),
    path("export.csv", views.activity_export, name="activity_export"),
]
