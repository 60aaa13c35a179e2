from django.contrib import admin
from django.urls import include, path

# 403, 404 and 500 pages are the templates of the same names in templates/.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("engagements.urls")),
]
