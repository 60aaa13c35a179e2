from django.contrib import admin

from training.models import Assessment, Assignment, Competency, Evidence, Lesson, Module, Resource, TrainingPlan


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_it", "area", "order"]
    list_filter = ["area"]
    search_fields = ["code", "name_it", "name_en"]


class LessonInline(admin.StackedInline):
    model = Lesson
    extra = 0


class ResourceInline(admin.TabularInline):
    model = Resource
    extra = 0


class AssignmentInline(admin.StackedInline):
    model = Assignment
    extra = 0
    raw_id_fields = ["done_by"]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    """Library modules have no plan; a plan's modules are its own copy."""

    list_display = ["title_it", "code", "plan", "order", "status", "target_on"]
    list_filter = ["status", ("plan", admin.EmptyFieldListFilter)]
    search_fields = ["code", "title_it", "title_en", "plan__company__name"]
    raw_id_fields = ["plan", "source"]
    filter_horizontal = ["competencies"]
    inlines = [LessonInline, ResourceInline, AssignmentInline]


@admin.register(TrainingPlan)
class TrainingPlanAdmin(admin.ModelAdmin):
    list_display = ["trainee", "company", "engagement", "created_at"]
    search_fields = ["company__name", "trainee__email"]
    raw_id_fields = ["company", "engagement", "trainee", "created_by"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["assignment", "kind", "company", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["company", "assignment", "content_item", "conversation", "added_by"]


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["plan", "competency", "level", "created_at", "signed_off_at"]
    raw_id_fields = ["plan", "competency", "assessed_by", "signed_off_by"]
