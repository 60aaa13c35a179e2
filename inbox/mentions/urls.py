from django.urls import path

from inbox.mentions import views

# Under /c/<company_slug>/inbox/mentions/.
urlpatterns = [
    path("", views.mention_list, name="mentions"),
    path("<int:mention_id>/status/", views.mention_status, name="mention_status"),
    path("<int:mention_id>/conversation/", views.mention_conversation, name="mention_conversation"),
    path("<int:mention_id>/idea/", views.mention_idea, name="mention_idea"),
    path("feeds/", views.feed_list, name="mention_feeds"),
    path("feeds/new/", views.feed_edit, name="mention_feed_new"),
    path("feeds/<int:feed_id>/", views.feed_edit, name="mention_feed_edit"),
    path("feeds/<int:feed_id>/delete/", views.feed_delete, name="mention_feed_delete"),
    path("feeds/<int:feed_id>/read/", views.feed_read_now, name="mention_feed_read"),
]
