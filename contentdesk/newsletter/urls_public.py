from django.urls import path

from contentdesk.newsletter import views_links, views_public, views_tracking

# Public, outside /c/ (included at /nl/): the list's key or a signed token names the target.
urlpatterns = [
    path("c/<str:token>/", views_tracking.click, name="newsletter_click"),
    path("img/<str:token>/", views_tracking.image, name="newsletter_image"),
    path("confirm/<str:token>/", views_links.confirm, name="newsletter_confirm"),
    path("u/<str:token>/", views_links.unsubscribe, name="newsletter_unsubscribe"),
    path("u/<str:token>/one-click/", views_links.one_click, name="newsletter_one_click"),
    path("<str:public_key>/", views_public.subscribe_form, name="newsletter_subscribe_form"),
    path("<str:public_key>/subscribe/", views_public.subscribe, name="newsletter_subscribe"),
    path("<str:public_key>/thanks/", views_public.subscribe_thanks, name="newsletter_subscribe_thanks"),
    path("<str:public_key>/embed.js", views_public.embed_js, name="newsletter_embed"),
]
