from django.urls import path

from training.views import assessment, editing, progress, summary, supervision, trainee

# Under /c/<company_slug>/training/.
urlpatterns = [
    path("", trainee.training_home, name="training_home"),
    path("plan/new/", progress.plan_create_view, name="training_plan_create"),
    path("plans/<int:plan_id>/", progress.progress, name="training_progress"),
    path("plans/<int:plan_id>/schedule/", progress.plan_schedule, name="training_plan_schedule"),
    path("plans/<int:plan_id>/propose-dates/", progress.plan_propose_view, name="training_plan_propose"),
    path("summary/", summary.training_summary, name="training_summary"),
    path("supervision/", supervision.supervision_queue, name="training_supervision"),
    path("supervision/streak/", supervision.streak_set_view, name="training_supervision_streak"),
    path(
        "supervision/replies/<int:held_id>/approve/", supervision.held_reply_approve_view, name="training_held_approve"
    ),
    path("supervision/replies/<int:held_id>/return/", supervision.held_reply_return_view, name="training_held_return"),
    path(
        "supervision/categories/<int:category_id>/supervise/",
        supervision.category_supervise_view,
        name="training_category_supervise",
    ),
    path(
        "plans/<int:plan_id>/competencies/<int:competency_id>/",
        assessment.competency_assess,
        name="training_assess",
    ),
    path(
        "plans/<int:plan_id>/competencies/<int:competency_id>/required/",
        assessment.requirement_set_view,
        name="training_requirement",
    ),
    path("assessments/<int:assessment_id>/sign-off/", assessment.assessment_sign_off_view, name="training_sign_off"),
    path("log/new/", assessment.log_entry_add_view, name="training_log_add"),
    path("log/<int:entry_id>/comment/", assessment.log_entry_comment_view, name="training_log_comment"),
    path("modules/<int:module_id>/", trainee.module_detail, name="training_module"),
    path("modules/<int:module_id>/complete/", trainee.module_complete_view, name="training_module_complete"),
    path("modules/<int:module_id>/edit/", editing.module_edit, name="training_module_edit"),
    path("modules/<int:module_id>/lessons/new/", editing.lesson_add, name="training_lesson_add"),
    path("modules/<int:module_id>/assignments/new/", editing.assignment_add, name="training_assignment_add"),
    path("lessons/<int:lesson_id>/read/", trainee.lesson_read, name="training_lesson_read"),
    path("lessons/<int:lesson_id>/edit/", editing.lesson_edit, name="training_lesson_edit"),
    path("lessons/<int:lesson_id>/delete/", editing.lesson_delete_view, name="training_lesson_delete"),
    path("assignments/<int:assignment_id>/", trainee.assignment_detail, name="training_assignment"),
    path("assignments/<int:assignment_id>/evidence/", trainee.evidence_add_view, name="training_evidence_add"),
    path("assignments/<int:assignment_id>/done/", trainee.assignment_complete_view, name="training_assignment_done"),
    path("assignments/<int:assignment_id>/reopen/", progress.assignment_reopen_view, name="training_assignment_reopen"),
    path("assignments/<int:assignment_id>/edit/", editing.assignment_edit, name="training_assignment_edit"),
    path("assignments/<int:assignment_id>/delete/", editing.assignment_delete_view, name="training_assignment_delete"),
    path("evidence/<int:evidence_id>/file/", trainee.evidence_file, name="training_evidence_file"),
    path("evidence/<int:evidence_id>/delete/", trainee.evidence_delete_view, name="training_evidence_delete"),
]
