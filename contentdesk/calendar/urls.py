from django.urls import path

from contentdesk.calendar import views, views_channels

urlpatterns = [
    path("", views.calendar_month, name="content_calendar"),
    path("week/", views.calendar_week, name="content_calendar_week"),
    path("list/", views.calendar_list, name="content_calendar_list"),
    path("reschedule/<int:item_id>/", views.item_reschedule, name="content_item_reschedule"),
    path("channels/", views_channels.channel_list, name="content_channels"),
    path("channels/new/", views_channels.channel_edit, name="content_channel_new"),
    path("channels/defaults/", views_channels.channels_defaults, name="content_channels_defaults"),
    path("channels/<int:channel_id>/edit/", views_channels.channel_edit, name="content_channel_edit"),
    path("cadences/new/", views_channels.cadence_edit, name="content_cadence_new"),
    path("cadences/<int:cadence_id>/edit/", views_channels.cadence_edit, name="content_cadence_edit"),
    path("cadences/<int:cadence_id>/delete/", views_channels.cadence_delete, name="content_cadence_delete"),
]
