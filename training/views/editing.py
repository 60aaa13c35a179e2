"""The consultant edits the engagement's copy of the curriculum: modules, lessons, assignments."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from engagements.tenancy import company_view
from training.editing import (
    assignment_delete,
    assignment_save,
    lesson_delete,
    lesson_save,
    module_update,
)
from training.forms import AssignmentForm, LessonForm, ModuleForm, ResourceFormSet
from training.views.common import assignment_or_404, lesson_or_404, module_or_404

NOT_SAVED = gettext_lazy("Nothing was saved: please correct the fields marked below.")


def _module_url(request, module_id) -> str:
    return reverse("training_module", kwargs={"company_slug": request.company.slug, "module_id": module_id})


@company_view("training.manage")
def module_edit(request, module_id):
    module = module_or_404(request, module_id)
    form = ModuleForm(request.POST or None, instance=module)
    resources = ResourceFormSet(request.POST or None, instance=module, prefix="resources")
    if request.method == "POST":
        if form.is_valid() and resources.is_valid():
            module_update(module=module, data=form.cleaned_data, resources_formset=resources)
            messages.success(request, _("Module saved."))
            return redirect(_module_url(request, module.pk))
        messages.error(request, NOT_SAVED)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "training/module_form.html", {"module": module, "form": form, "resources": resources}, status=status
    )


@company_view("training.manage")
def lesson_add(request, module_id):
    return _lesson_form(request, module_or_404(request, module_id), None)


@company_view("training.manage")
def lesson_edit(request, lesson_id):
    lesson = lesson_or_404(request, lesson_id)
    return _lesson_form(request, lesson.module, lesson)


def _lesson_form(request, module, lesson):
    form = LessonForm(request.POST or None, instance=lesson)
    if request.method == "POST":
        if form.is_valid():
            lesson = lesson_save(module=module, data=form.cleaned_data, lesson=lesson)
            messages.success(request, _("Lesson saved."))
            return redirect(f"{_module_url(request, module.pk)}#lesson-{lesson.pk}")
        messages.error(request, NOT_SAVED)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "training/lesson_form.html", {"module": module, "lesson": lesson, "form": form}, status=status
    )


@require_POST
@company_view("training.manage")
def lesson_delete_view(request, lesson_id):
    lesson = lesson_or_404(request, lesson_id)
    lesson_delete(lesson=lesson)
    messages.success(request, _("Lesson removed."))
    return redirect(_module_url(request, lesson.module_id))


@company_view("training.manage")
def assignment_add(request, module_id):
    return _assignment_form(request, module_or_404(request, module_id), None)


@company_view("training.manage")
def assignment_edit(request, assignment_id):
    assignment = assignment_or_404(request, assignment_id)
    return _assignment_form(request, assignment.module, assignment)


def _assignment_form(request, module, assignment):
    form = AssignmentForm(request.POST or None, instance=assignment)
    if request.method == "POST":
        if form.is_valid():
            assignment = assignment_save(module=module, data=form.cleaned_data, assignment=assignment)
            messages.success(request, _("Assignment saved."))
            return redirect("training_assignment", company_slug=request.company.slug, assignment_id=assignment.pk)
        messages.error(request, NOT_SAVED)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "training/assignment_form.html",
        {"module": module, "assignment": assignment, "form": form},
        status=status,
    )


@require_POST
@company_view("training.manage")
def assignment_delete_view(request, assignment_id):
    assignment = assignment_or_404(request, assignment_id)
    module_id = assignment.module_id
    assignment_delete(assignment=assignment)
    messages.success(request, _("Assignment removed, with its evidence."))
    return redirect(_module_url(request, module_id))
