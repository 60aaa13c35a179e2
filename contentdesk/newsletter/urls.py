from django.urls import path

from contentdesk.newsletter import views, views_import, views_send

# Under /c/<company_slug>/calendar/newsletter/ (see contentdesk/urls.py).
urlpatterns = [
    path("", views.newsletter_lists, name="newsletter_lists"),
    path("new/", views.newsletter_list_edit, name="newsletter_list_new"),
    path("<int:list_id>/", views.newsletter_list, name="newsletter_list"),
    path("<int:list_id>/edit/", views.newsletter_list_edit, name="newsletter_list_edit"),
    path("<int:list_id>/import/", views_import.newsletter_import, name="newsletter_import"),
    path(
        "<int:list_id>/import/template.csv", views_import.newsletter_import_template, name="newsletter_import_template"
    ),
    path("<int:list_id>/segments/new/", views.newsletter_segment_edit, name="newsletter_segment_new"),
    path("<int:list_id>/segments/<int:segment_id>/", views.newsletter_segment_edit, name="newsletter_segment_edit"),
    path(
        "<int:list_id>/segments/<int:segment_id>/delete/",
        views.newsletter_segment_delete,
        name="newsletter_segment_delete",
    ),
    path(
        "<int:list_id>/subscribers/<int:subscription_id>/",
        views.newsletter_subscriber,
        name="newsletter_subscriber",
    ),
    path(
        "<int:list_id>/subscribers/<int:subscription_id>/unsubscribe/",
        views.newsletter_subscriber_unsubscribe,
        name="newsletter_subscriber_unsubscribe",
    ),
    path("items/<int:item_id>/send/", views_send.newsletter_send_set, name="newsletter_send_set"),
    path("items/<int:item_id>/test/", views_send.newsletter_test, name="newsletter_test"),
    path("items/<int:item_id>/preview/", views_send.newsletter_preview, name="newsletter_preview"),
    path("items/<int:item_id>/preview/email/", views_send.newsletter_preview_email, name="newsletter_preview_email"),
]
