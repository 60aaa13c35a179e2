from django.urls import path

from contentdesk.publishing import views

# Under /c/<company_slug>/calendar/ (see contentdesk/urls.py).
urlpatterns = [
    path("feeds/", views.content_feeds, name="content_feeds"),
    path("feeds/rotate/", views.content_feed_rotate, name="content_feed_rotate"),
    path("items/<int:item_id>/link/", views.content_item_link, name="content_item_link"),
    path("items/<int:item_id>/results/", views.content_item_results, name="content_item_results"),
    path("results/import/", views.content_results_import, name="content_results_import"),
    path("results/template.csv", views.content_results_template, name="content_results_template"),
]
