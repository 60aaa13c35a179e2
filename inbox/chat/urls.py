from django.urls import path

from inbox.chat import views

# Company pages of the live chat, under /c/<company_slug>/inbox/chat/.
urlpatterns = [
    path("", views.chat_settings, name="chat_settings"),
    path("switch-on/", views.chat_switch_on, name="chat_switch_on"),
    path("<int:channel_id>/", views.chat_update, name="chat_update"),
    path("<int:channel_id>/rotate-key/", views.chat_rotate_key, name="chat_rotate_key"),
    path("news/", views.inbox_news, name="chat_inbox_news"),
    path("conversations/<int:conversation_id>/poll/", views.conversation_poll, name="chat_conversation_poll"),
]
