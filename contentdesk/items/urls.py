from django.urls import path

from contentdesk.items import views

# Under /c/<company_slug>/calendar/items/.
urlpatterns = [
    path("new/", views.content_item_new, name="content_item_new"),
    path("preview/", views.content_item_preview, name="content_item_preview"),
    path("<int:item_id>/", views.content_item, name="content_item"),
    path("<int:item_id>/edit/", views.content_item_edit, name="content_item_edit"),
    path("<int:item_id>/move/", views.content_item_move, name="content_item_move"),
    path("<int:item_id>/comment/", views.content_item_comment, name="content_item_comment"),
]
