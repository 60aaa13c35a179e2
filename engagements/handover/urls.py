from django.urls import path

from engagements.handover import views

urlpatterns = [
    path("", views.handover_board, name="handover_board"),
    path("defaults/", views.handover_defaults, name="handover_defaults"),
    path("items/new/", views.handover_item_add, name="handover_item_add"),
    path("items/<int:item_id>/edit/", views.handover_item_edit, name="handover_item_edit"),
    path("items/<int:item_id>/delete/", views.handover_item_delete_view, name="handover_item_delete"),
    path("items/<int:item_id>/move/", views.handover_item_move, name="handover_item_move"),
]
