from django.urls import path

from engagements.budgets import views

urlpatterns = [
    path("", views.budget_month, name="budget_month"),
    path("lines/", views.budget_lines, name="budget_lines"),
    path("rules/", views.budget_rule_list, name="budget_rules"),
    path("rules/new/", views.budget_rule_edit, name="budget_rule_new"),
    path("rules/<int:rule_id>/", views.budget_rule_edit, name="budget_rule_edit"),
    path("rules/<int:rule_id>/delete/", views.budget_rule_delete, name="budget_rule_delete"),
    path("spends/", views.budget_spend_record, name="budget_spend_record"),
    path("spends/<int:spend_id>/approve/", views.budget_spend_approve, name="budget_spend_approve"),
    path("spends/<int:spend_id>/reject/", views.budget_spend_reject, name="budget_spend_reject"),
]
