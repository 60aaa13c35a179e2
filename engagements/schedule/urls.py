from django.urls import path

from engagements.schedule import views

urlpatterns = [
    path("", views.schedule, name="schedule"),
    path("trainee/<int:trainee_id>/periods/new/", views.period_create, name="schedule_period_create"),
    path("trainee/<int:trainee_id>/typical-plan/", views.default_plan, name="schedule_default_plan"),
    path("periods/<int:period_id>/edit/", views.period_edit, name="schedule_period_edit"),
    path("periods/<int:period_id>/delete/", views.period_delete, name="schedule_period_delete"),
]
