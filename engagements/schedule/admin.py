from django.contrib import admin

from engagements.schedule.models import PresencePeriod, PresenceSlot


class PresenceSlotInline(admin.TabularInline):
    model = PresenceSlot
    extra = 0


@admin.register(PresencePeriod)
class PresencePeriodAdmin(admin.ModelAdmin):
    list_display = ["name", "trainee", "company", "kind", "starts_on", "ends_on"]
    list_filter = ["kind", "company"]
    list_select_related = ["trainee", "company"]
    inlines = [PresenceSlotInline]
