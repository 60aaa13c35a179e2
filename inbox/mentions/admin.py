"""Web mentions in Django's admin, for support staff."""

from django.contrib import admin

from inbox.mentions.models import Mention, MentionFeed


@admin.register(MentionFeed)
class MentionFeedAdmin(admin.ModelAdmin):
    list_display = ["name", "company", "is_active", "last_polled_at", "last_error"]
    list_filter = ["is_active", "last_error"]
    search_fields = ["name", "url", "company__name"]
    list_select_related = ["company"]
    readonly_fields = ["polling_since", "last_polled_at", "last_success_at", "etag", "last_modified", "created_at"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "source", "published_at", "status"]
    list_filter = ["status"]
    search_fields = ["title", "link", "source", "company__name"]
    list_select_related = ["company"]
    raw_id_fields = ["feed", "conversation", "status_changed_by"]
    readonly_fields = ["key", "entry_id", "found_at"]
