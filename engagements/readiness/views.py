from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from engagements.readiness.chart import SERIES_FILLS, SINGLE_FILL, Series, bar_chart
from engagements.readiness.forms import CompareForm, ReadinessCheckForm
from engagements.readiness.models import ReadinessCheck
from engagements.readiness.questionnaire import AREAS
from engagements.readiness.scoring import compare, score_answers, scores_of_checks
from engagements.readiness.services import readiness_check_create, readiness_check_delete, readiness_check_update
from engagements.tenancy import company_view


def _area_titles():
    return [str(area.title) for area in AREAS]


def _comparison(before, after):
    rows, overall = compare(before.scores, after.scores)
    chart = bar_chart(
        _area_titles(),
        [
            Series(before.label, [row.before for row in rows], SERIES_FILLS[0]),
            Series(after.label, [row.after for row in rows], SERIES_FILLS[1]),
        ],
    )
    return {"before": before, "after": after, "rows": rows, "overall": overall, "chart": chart}


def _chosen_pair(request, checks):
    """The two checks to compare, older first: ?a=&b= when valid, else the latest two."""
    by_id = {check.pk: check for check in checks}
    default = {"a": checks[1].pk, "b": checks[0].pk}
    if "a" in request.GET or "b" in request.GET:
        form = CompareForm(request.GET, checks=checks)
        if form.is_valid():
            pair = [by_id[form.cleaned_data["a"]], by_id[form.cleaned_data["b"]]]
            pair.sort(key=lambda check: (check.taken_on, check.pk))
            return pair, form
        return [checks[1], checks[0]], form
    return [checks[1], checks[0]], CompareForm(initial=default, checks=checks)


@require_GET
@company_view("readiness.view")
def readiness_list(request):
    company = request.company
    checks = list(ReadinessCheck.objects.for_company(company).newest_first().select_related("created_by"))
    scores = scores_of_checks(company, [check.pk for check in checks])
    for check in checks:
        check.scores = scores[check.pk]
    context = {"checks": checks, "comparison": None, "compare_form": None, "single_chart": None}
    if len(checks) >= 2:
        (before, after), context["compare_form"] = _chosen_pair(request, checks)
        context["comparison"] = _comparison(before, after)
    elif checks:
        only = checks[0]
        context["single_chart"] = bar_chart(
            _area_titles(), [Series(only.label, [a.percent for a in only.scores.areas], SINGLE_FILL)]
        )
    return render(request, "readiness/readiness_list.html", context)


@require_GET
@company_view("readiness.view")
def readiness_detail(request, check_id):
    check = get_object_or_404(
        ReadinessCheck.objects.for_company(request.company).select_related("created_by").prefetch_related("answers"),
        pk=check_id,
    )
    answers = {answer.question_key: answer for answer in check.answers.all()}
    scores = score_answers({key: answer.score for key, answer in answers.items()})
    areas = [
        {
            "score": area_score,
            "questions": [
                {
                    "question": question,
                    "answer": answers.get(question.key),
                    "label": question.answer_label(answers[question.key].score) if question.key in answers else None,
                }
                for question in area_score.area.questions
            ],
        }
        for area_score in scores.areas
    ]
    chart = bar_chart(_area_titles(), [Series(check.label, [a.percent for a in scores.areas], SINGLE_FILL)])
    return render(
        request, "readiness/readiness_detail.html", {"check": check, "scores": scores, "areas": areas, "chart": chart}
    )


def _form_page(request, *, check=None):
    company = request.company
    initial = {}
    if check is None and request.method != "POST":
        initial["taken_on"] = timezone.now().astimezone(company.tzinfo).date()
        initial["label"] = (
            _("Re-audit %(year)s") % {"year": initial["taken_on"].year}
            if ReadinessCheck.objects.for_company(company).exists()
            else _("Initial audit")
        )
    form = ReadinessCheckForm(request.POST or None, check=check, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            if check is None:
                check = readiness_check_create(company=company, created_by=request.user, **form.check_data())
                messages.success(request, _("Readiness check saved."))
            else:
                readiness_check_update(check=check, **form.check_data())
                messages.success(request, _("Changes saved."))
            return redirect("readiness_detail", company_slug=company.slug, check_id=check.pk)
        missing = sum(group["missing"] for group in form.areas())
        if missing:
            messages.error(
                request,
                ngettext(
                    "Nothing was saved: %(count)s question still needs an answer (marked below).",
                    "Nothing was saved: %(count)s questions still need an answer (marked below).",
                    missing,
                )
                % {"count": missing},
            )
        else:
            messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    status = 400 if request.method == "POST" else 200
    return render(request, "readiness/readiness_form.html", {"form": form, "check": check}, status=status)


@company_view("readiness.manage")
def readiness_create(request):
    return _form_page(request)


@company_view("readiness.manage")
def readiness_edit(request, check_id):
    check = get_object_or_404(
        ReadinessCheck.objects.for_company(request.company).prefetch_related("answers"), pk=check_id
    )
    return _form_page(request, check=check)


@require_POST
@company_view("readiness.manage")
def readiness_delete(request, check_id):
    check = get_object_or_404(ReadinessCheck.objects.for_company(request.company), pk=check_id)
    readiness_check_delete(check=check)
    messages.success(request, _("The readiness check “%(label)s” has been deleted.") % {"label": check.label})
    return redirect("readiness", company_slug=request.company.slug)
