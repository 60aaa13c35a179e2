from django.urls import include, path

# The content desk under /c/<company_slug>/calendar/; each area keeps its own routes.
urlpatterns = [
    path("", include("contentdesk.calendar.urls")),
    path("items/", include("contentdesk.items.urls")),
    path("", include("contentdesk.publishing.urls")),
    path("images/", include("contentdesk.images.urls")),
    path("newsletter/", include("contentdesk.newsletter.urls")),
]
