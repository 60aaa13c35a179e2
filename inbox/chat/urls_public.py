from django.urls import path

from inbox.chat import views_public, views_widget

# Public chat endpoints under /in/chat/ (the widget on the company website).
urlpatterns = [
    path("<str:public_key>/", views_widget.hosted, name="chat_hosted"),
    path("<str:public_key>/widget.js", views_widget.widget_js, name="chat_widget"),
    path("<str:public_key>/hello/", views_public.hello, name="chat_hello"),
    path("<str:public_key>/start/", views_public.start, name="chat_start"),
    path("<str:public_key>/send/", views_public.send, name="chat_send"),
    path("<str:public_key>/messages/", views_public.messages, name="chat_messages"),
    path("<str:public_key>/email/", views_public.email, name="chat_email"),
    path("<str:public_key>/files/<str:token>/", views_public.file, name="chat_file"),
]
