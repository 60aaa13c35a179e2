from django.contrib import admin

from engagements.budgets.models import BudgetLine, Spend


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ["month", "company", "channel", "planned_amount"]
    list_filter = ["channel", "month"]
    search_fields = ["company__name", "note"]
    list_select_related = ["company"]
    date_hierarchy = "month"


@admin.register(Spend)
class SpendAdmin(admin.ModelAdmin):
    list_display = ["spent_on", "company", "channel", "amount", "status", "recorded_by", "decided_by"]
    list_filter = ["status", "channel", "needed_approval"]
    search_fields = ["company__name", "note", "decision_comment"]
    list_select_related = ["company", "recorded_by", "decided_by"]
    autocomplete_fields = ["company", "recorded_by", "decided_by"]
    date_hierarchy = "spent_on"
