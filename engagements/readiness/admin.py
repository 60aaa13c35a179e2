from django.contrib import admin

from engagements.readiness.models import ReadinessAnswer, ReadinessCheck


class ReadinessAnswerInline(admin.TabularInline):
    model = ReadinessAnswer
    extra = 0


@admin.register(ReadinessCheck)
class ReadinessCheckAdmin(admin.ModelAdmin):
    list_display = ["label", "company", "taken_on", "created_by"]
    list_filter = ["company"]
    list_select_related = ["company", "created_by"]
    inlines = [ReadinessAnswerInline]
