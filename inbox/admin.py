"""The inbox in Django's admin, for support staff: read mostly, raw payloads included."""

from django.contrib import admin

from inbox.models import Attachment, CannedReply, Contact, Conversation, InboundItem, IntakeChannel, Message, Tag


@admin.register(IntakeChannel)
class IntakeChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "company", "kind", "is_active", "created_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "company__name"]
    list_select_related = ["company"]
    readonly_fields = ["public_key", "created_at"]


@admin.register(InboundItem)
class InboundItemAdmin(admin.ModelAdmin):
    list_display = ["received_at", "company", "channel", "processed_at", "attempts"]
    list_filter = ["processed_at"]
    search_fields = ["idempotency_key", "company__name"]
    list_select_related = ["company", "channel"]
    readonly_fields = ["company", "channel", "received_at", "payload", "conversation", "remote_addr", "user_agent"]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["display_name", "email", "organisation", "company", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["name", "email", "organisation"]
    list_select_related = ["company"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "company"]
    search_fields = ["name"]
    list_select_related = ["company"]


class MessageInline(admin.StackedInline):
    model = Message
    extra = 0
    fields = ["direction", "author", "created_at", "body_text", "sent_at", "send_error"]
    readonly_fields = fields


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ["subject", "company", "status", "priority", "assignee", "last_activity_at"]
    list_filter = ["status", "priority", "department"]
    search_fields = ["subject", "contact__email", "contact__name"]
    list_select_related = ["company", "assignee"]
    raw_id_fields = ["contact", "channel", "assignee", "routed_to"]
    filter_horizontal = ["tags"]
    inlines = [MessageInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["filename", "company", "content_type", "size", "created_at"]
    search_fields = ["filename"]
    list_select_related = ["company"]
    raw_id_fields = ["message"]


@admin.register(CannedReply)
class CannedReplyAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "language", "use_count"]
    list_filter = ["language"]
    search_fields = ["title", "body"]
    list_select_related = ["company"]
    raw_id_fields = ["source_message"]
