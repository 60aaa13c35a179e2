"""The default curriculum, the library it loads into, and the copy each plan gets."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from engagements.handover.defaults import DEFAULT_ITEMS
from engagements.markdown import render_markdown
from tests.handover.factories import EngagementFactory
from tests.training.factories import TEST_COMPETENCIES, curriculum, load_test_curriculum, make_plan
from training.curriculum import COMPETENCIES, MODULES
from training.library import curriculum_load
from training.models import LEVEL_MEANINGS, Assignment, Competency, Lesson, Level, Module, Resource
from training.rules import RULES
from training.services import HANDOVER_DAYS, propose_target_dates

pytestmark = pytest.mark.django_db


def test_default_curriculum_covers_every_topic_of_the_seed_articles_in_both_languages():
    codes = [m["code"] for m in MODULES]
    assert len(codes) == len(set(codes)) == 16
    for module in MODULES:
        for texts in (module["title"], module["summary"]):
            assert texts["it"].strip()
            assert texts["en"].strip()
        assert module["lessons"], module["code"]
        assert module["assignments"], module["code"]
        for lesson in module["lessons"]:
            assert len(lesson["body"]["it"]) > 800, lesson["key"]
            assert len(lesson["body"]["en"]) > 800, lesson["key"]
        for task in module["assignments"]:
            assert task["instructions"]["it"].strip()
            assert task["instructions"]["en"].strip()
            assert task.get("rule", "") in ("", *RULES)
    titles = " ".join(m["title"]["en"] for m in MODULES).lower()
    for topic in (
        "writing for the web",
        "english",
        "products",
        "enquiries",
        "social media",
        "facebook, linkedin and x",
        "remarketing",
        "google ads",
        "merchant center",
        "wordpress",
        "html and css",
        "javascript",
        "images",
        "newsletter",
        "analytics",
        "seo",
    ):
        assert topic in titles, topic


def test_every_competency_a_handover_item_needs_is_in_the_curriculum():
    codes = {c["code"] for c in COMPETENCIES}
    needed = {code for _name, _description, competencies, _limit in DEFAULT_ITEMS for code in competencies}
    assert needed <= codes
    covered = {code for m in MODULES for code in m["competencies"]}
    assert covered == codes


def test_load_curriculum_command_fills_the_library_and_is_idempotent():
    call_command("load_curriculum", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Competency.objects.count(), Module.objects.library().count(), Lesson.objects.count())
    ids = sorted(Lesson.objects.values_list("pk", flat=True))
    assert counts[1] == 16
    report = curriculum_load()
    assert (report.created, report.updated, report.deleted) == (0, 0, 0)
    assert (Competency.objects.count(), Module.objects.library().count(), Lesson.objects.count()) == counts
    assert sorted(Lesson.objects.values_list("pk", flat=True)) == ids


def test_reloading_updates_the_library_in_place_and_drops_what_the_data_no_longer_has():
    load_test_curriculum()
    lesson = Lesson.objects.get(module__code="module-1", key="lesson-1")
    data = curriculum()
    data[0]["lessons"][0]["title"]["it"] = "Lezione riscritta"
    del data[0]["lessons"][1]
    data.pop()  # module-3 leaves the library

    report = curriculum_load(competencies=TEST_COMPETENCIES, modules=data)

    lesson.refresh_from_db()
    assert lesson.title_it == "Lezione riscritta"
    assert not Lesson.objects.filter(module__code="module-1", key="lesson-2").exists()
    assert not Module.objects.library().filter(code="module-3").exists()
    assert report.updated == 1
    assert report.deleted == 2


def test_every_default_lesson_renders_as_sanitized_html():
    for module in MODULES:
        for lesson in module["lessons"]:
            for text in lesson["body"].values():
                html = render_markdown(text)
                assert "<h3>" in html or "<p>" in html
                assert "<script" not in html


def test_plan_copies_the_library_so_that_later_changes_on_either_side_stay_apart(company, consultant, digital_manager):
    load_test_curriculum()
    engagement = EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)
    plan = make_plan(engagement, consultant)
    copy_module = plan.modules.get(code="module-1")
    library_module = Module.objects.library().get(code="module-1")
    assert copy_module.source == library_module
    assert copy_module.lessons.count() == 2
    assert copy_module.assignments.count() == 2
    assert copy_module.resources.count() == 1
    assert list(copy_module.competencies.values_list("code", flat=True)) == ["inbox.reply"]

    # The library changes (a reload with new text, a module dropped): the copy does not.
    data = curriculum()
    data[0]["title"]["it"] = "Modulo nuovo"
    curriculum_load(competencies=TEST_COMPETENCIES, modules=data[:1])
    copy_module.refresh_from_db()
    assert copy_module.title_it == "Modulo 1"
    assert plan.modules.count() == 3
    assert plan.modules.get(code="module-3").source is None

    # The copy changes: the library does not.
    Lesson.objects.filter(module=copy_module).update(body_it="Solo per questa azienda")
    assert not Lesson.objects.filter(module__plan__isnull=True, body_it="Solo per questa azienda").exists()


def test_two_engagements_get_independent_copies(company, other_company, consultant, digital_manager):
    load_test_curriculum()
    first = make_plan(EngagementFactory(company=company, consultant=consultant, trainee=digital_manager), consultant)
    from tests.factories import MembershipFactory

    other_trainee = MembershipFactory(company=other_company).user
    second = make_plan(
        EngagementFactory(company=other_company, consultant=consultant, trainee=other_trainee), consultant
    )
    Assignment.objects.filter(module__plan=first).update(title_it="Cambiato")
    assert not Assignment.objects.filter(module__plan=second, title_it="Cambiato").exists()
    assert Module.objects.for_company(company).count() == 3
    assert set(Module.objects.for_company(company)).isdisjoint(Module.objects.for_company(other_company))


def test_a_plan_on_an_empty_library_loads_the_default_curriculum_first(engagement, consultant):
    plan = make_plan(engagement, consultant)
    assert plan.modules.count() == len(MODULES)
    assert Resource.objects.filter(module__plan=plan).count() == sum(len(m["resources"]) for m in MODULES)


def test_creating_the_plan_twice_gives_the_same_plan(plan, engagement, consultant):
    assert make_plan(engagement, consultant) == plan
    assert Module.objects.filter(plan=plan).count() == 3


def test_no_plan_without_a_digital_manager_in_training(company, consultant, small_library):
    engagement = EngagementFactory(company=company, consultant=consultant, trainee=None)
    with pytest.raises(ValidationError):
        make_plan(engagement, consultant)


def test_target_dates_spread_over_the_engagement_before_the_handover_month(company, consultant, digital_manager):
    load_test_curriculum(modules=6)
    starts = date(2026, 3, 2)
    engagement = EngagementFactory(
        company=company,
        consultant=consultant,
        trainee=digital_manager,
        starts_on=starts,
        planned_end_on=date(2026, 10, 2),
    )
    plan = make_plan(engagement, consultant, today=starts - timedelta(days=10))
    dates = list(plan.modules.order_by("order").values_list("target_on", flat=True))
    assert dates == sorted(dates)
    assert dates[0] > starts
    assert dates[-1] <= engagement.planned_end_on - timedelta(days=HANDOVER_DAYS)
    assert all(d.weekday() < 5 for d in dates)
    due = set(Assignment.objects.filter(module__plan=plan).values_list("module__target_on", "due_on"))
    assert all(target == due_on for target, due_on in due)


def test_proposed_dates_weigh_modules_by_their_hours():
    monday = date(2026, 1, 5)
    first, second = propose_target_dates([1, 3], monday, monday + timedelta(days=84))
    assert first == monday + timedelta(days=21)
    assert second == monday + timedelta(days=84)


def test_a_proposed_date_on_a_weekend_moves_back_to_the_friday():
    monday = date(2026, 1, 5)
    (only,) = propose_target_dates([2], monday, monday + timedelta(days=20))  # a Sunday
    assert only == date(2026, 1, 23)


def test_competency_levels_say_what_they_mean_and_fall_back_to_the_general_meaning():
    curriculum_load(competencies=COMPETENCIES, modules=[])
    with translation.override("en"):
        assert "4 business hours" in Competency.objects.get(code="inbox.reply").level_meaning(3)
        assert Competency.objects.get(code="ads.shopping").level_meaning(4) == str(LEVEL_MEANINGS[Level.TEACHES])
    with translation.override("it"):
        assert "4 ore lavorative" in Competency.objects.get(code="inbox.reply").level_meaning(3)
