"""The log in the admin: to read, never to add, change or delete (even for a superuser)."""

from django.contrib import admin

from activity.models import Activity


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("created_at", "company", "actor_label", "verb", "target_label", "ip_address")
    list_filter = ("verb",)
    search_fields = ("actor_label", "target_label", "company__name")
    list_select_related = ("company",)
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
