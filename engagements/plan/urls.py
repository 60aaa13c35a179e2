from django.urls import path

from engagements.plan import views

urlpatterns = [
    path("", views.overview, name="engagement_overview"),
    path("new/", views.engagement_new, name="engagement_new"),
    path("edit/", views.engagement_edit, name="engagement_edit"),
    path("status/", views.engagement_status, name="engagement_status"),
    path("phases/", views.phases_edit, name="engagement_phases"),
    path("phases/<int:phase_id>/move/<str:direction>/", views.phase_move_view, name="engagement_phase_move"),
    path("milestones/new/", views.milestone_edit, name="milestone_new"),
    path("milestones/<int:milestone_id>/", views.milestone_edit, name="milestone_edit"),
]
