from django.contrib import admin

from engagements.handover.models import HandoverItem, HandoverMove


class HandoverMoveInline(admin.TabularInline):
    model = HandoverMove
    extra = 0
    raw_id_fields = ["confirmed_by"]


@admin.register(HandoverItem)
class HandoverItemAdmin(admin.ModelAdmin):
    list_display = ["name", "engagement", "state", "order"]
    list_filter = ["state"]
    search_fields = ["name", "engagement__company__name"]
    inlines = [HandoverMoveInline]
