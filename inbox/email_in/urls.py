from django.urls import path

from inbox.email_in import views

# Included by inbox/urls.py under /c/<company_slug>/inbox/.
urlpatterns = [
    path("channels/email/new/", views.email_channel_edit, name="email_channel_new"),
    path("channels/email/<int:channel_id>/", views.email_channel_edit, name="email_channel_edit"),
    path("quarantine/", views.quarantine_list, name="inbox_quarantine"),
    path("quarantine/<int:quarantined_id>/retry/", views.quarantine_retry_view, name="inbox_quarantine_retry"),
    path("quarantine/<int:quarantined_id>/discard/", views.quarantine_discard_view, name="inbox_quarantine_discard"),
    path("quarantine/<int:quarantined_id>/raw/", views.quarantine_download, name="inbox_quarantine_raw"),
]
