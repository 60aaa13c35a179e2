from django.contrib import admin

from engagements.reviews.models import Review, ReviewAction


class ReviewActionInline(admin.TabularInline):
    model = ReviewAction
    extra = 0
    raw_id_fields = ["owner"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["engagement", "month", "status", "completed_at"]
    list_filter = ["status"]
    search_fields = ["engagement__company__name"]
    inlines = [ReviewActionInline]
    raw_id_fields = ["completed_by"]
