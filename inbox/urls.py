from django.urls import path

from inbox.views import placeholder

# The inbox pages (list, conversation, canned replies, channels) — see inbox/views/.
urlpatterns = [
    path("", placeholder.inbox, name="inbox"),
]
