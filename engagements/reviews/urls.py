from django.urls import path

from engagements.reviews import views

urlpatterns = [
    path("", views.review_list, name="review_list"),
    path("<int:review_id>/", views.review_detail, name="review_detail"),
    path("<int:review_id>/edit/", views.review_edit, name="review_edit"),
    path("<int:review_id>/complete/", views.review_complete_view, name="review_complete"),
    path("<int:review_id>/figures/", views.review_refresh_view, name="review_refresh_figures"),
]
