from django.urls import path

from contentdesk.images import views

# Under /c/<company_slug>/calendar/images/. Files are served only by content_image_file, which
# checks the company and the role: there is no public media URL.
urlpatterns = [
    path("", views.content_images, name="content_images"),
    path("upload/", views.content_image_upload, name="content_image_upload"),
    path("<int:image_id>/", views.content_image, name="content_image"),
    path("<int:image_id>/variants/", views.content_image_variant, name="content_image_variant"),
    path("<int:image_id>/delete/", views.content_image_delete_view, name="content_image_delete"),
    path("<int:image_id>/file/", views.content_image_file, name="content_image_file"),
    path(
        "<int:image_id>/variants/<int:variant_id>/file/",
        views.content_image_file,
        name="content_image_file",
    ),
    path(
        "<int:image_id>/variants/<int:variant_id>/delete/",
        views.content_image_variant_delete_view,
        name="content_image_variant_delete",
    ),
]
