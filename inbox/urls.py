from django.urls import include, path

from inbox.intake.urls import channel_urlpatterns
from inbox.views import attachments, canned, contacts, conversation, inbox_list, routing

# The inbox pages under /c/<company_slug>/inbox/. Public intake lives in inbox.intake.urls.
urlpatterns = [
    path("", inbox_list.inbox_list, name="inbox"),
    path("bulk/", inbox_list.inbox_bulk, name="inbox_bulk"),
    path("<int:conversation_id>/", conversation.conversation_detail, name="inbox_conversation"),
    path("<int:conversation_id>/reply/", conversation.reply, name="inbox_reply"),
    path("<int:conversation_id>/note/", conversation.note, name="inbox_note"),
    path("<int:conversation_id>/assign/", conversation.assign, name="inbox_assign"),
    path("<int:conversation_id>/status/", conversation.set_status, name="inbox_status"),
    path("<int:conversation_id>/priority/", conversation.set_priority, name="inbox_priority"),
    path("<int:conversation_id>/tags/", conversation.tag_add, name="inbox_tag_add"),
    path("<int:conversation_id>/tags/<int:tag_id>/remove/", conversation.tag_remove, name="inbox_tag_remove"),
    path("<int:conversation_id>/route/", conversation.route, name="inbox_route"),
    path("<int:conversation_id>/contact/", conversation.contact_kind, name="inbox_contact_kind"),
    path("<int:conversation_id>/canned/", conversation.canned_fill, name="inbox_canned_fill"),
    path("messages/<int:message_id>/save-as-canned/", conversation.save_as_canned, name="inbox_save_as_canned"),
    path("attachments/<int:attachment_id>/", attachments.attachment_download, name="inbox_attachment"),
    path("contacts/<int:contact_id>/", contacts.contact_detail, name="inbox_contact"),
    path("contacts/<int:contact_id>/export/", contacts.contact_export, name="inbox_contact_export"),
    path("contacts/<int:contact_id>/erase/", contacts.contact_erase, name="inbox_contact_erase"),
    path("canned/", canned.canned_list, name="inbox_canned"),
    path("canned/new/", canned.canned_edit, name="inbox_canned_new"),
    path("canned/<int:canned_id>/", canned.canned_edit, name="inbox_canned_edit"),
    path("canned/<int:canned_id>/delete/", canned.canned_delete, name="inbox_canned_delete"),
    path("routing/", routing.routing_rule_list, name="inbox_routing"),
    path("routing/new/", routing.routing_rule_edit, name="inbox_routing_new"),
    path("routing/<int:rule_id>/", routing.routing_rule_edit, name="inbox_routing_edit"),
    path("routing/<int:rule_id>/delete/", routing.routing_rule_delete, name="inbox_routing_delete"),
    path("chat/", include("inbox.chat.urls")),
    path("mentions/", include("inbox.mentions.urls")),
    # Email intake: email channels ("channels/email/…") and the quarantine ("quarantine/…").
    path("", include("inbox.email_in.urls")),
    # The intake channels pages (INTAKE's); their routes already start with "channels/".
    path("", include(channel_urlpatterns)),
]
