from django.urls import path

from contentdesk.publishing import views

# Public, outside /c/: the secret token in the address is the key (included at /feeds/).
urlpatterns = [
    path("<str:token>.ics", views.content_ical, name="content_ical"),
]
