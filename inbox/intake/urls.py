from django.urls import path

from inbox.intake import views, views_channels

# Public intake under /in/: not company pages (the channel's public key names the company).
urlpatterns = [
    path("openapi.json", views.openapi_json, name="intake_openapi"),
    path("docs/", views.docs_page, name="intake_docs"),
    path("<str:public_key>/form/", views.form_page, name="intake_form"),
    path("<str:public_key>/thanks/", views.thanks_page, name="intake_thanks"),
    path("<str:public_key>/submit/", views.submit, name="intake_submit"),
    path("<str:public_key>/embed.js", views.embed_js, name="intake_embed"),
    path("<str:public_key>/webhook/", views.webhook, name="intake_webhook"),
]

# The channels page of a company, included by inbox/urls.py under /c/<company_slug>/inbox/.
channel_urlpatterns = [
    path("channels/", views_channels.channels, name="intake_channels"),
    path("channels/new/", views_channels.channel_create_view, name="intake_channel_create"),
    path("channels/<int:channel_id>/", views_channels.channel_update_view, name="intake_channel_update"),
    path(
        "channels/<int:channel_id>/rotate-key/",
        views_channels.channel_rotate_key_view,
        name="intake_channel_rotate_key",
    ),
    path(
        "channels/<int:channel_id>/rotate-secret/",
        views_channels.channel_rotate_secret_view,
        name="intake_channel_rotate_secret",
    ),
]
