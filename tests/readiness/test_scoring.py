"""Scores per area and overall, and the comparison of two checks."""

from engagements.readiness.questionnaire import AREAS, QUESTIONS
from engagements.readiness.scoring import compare, score_answers, scores_of_checks
from tests.readiness.factories import ReadinessCheckFactory


def area(scores, key):
    return next(a for a in scores.areas if a.area.key == key)


def test_the_questionnaire_has_seven_areas_of_three_or_four_questions_with_unique_keys():
    assert [a.key for a in AREAS] == [
        "presence",
        "conversation",
        "listening",
        "content",
        "enquiries",
        "measurement",
        "people",
    ]
    assert all(3 <= len(a.questions) <= 4 for a in AREAS)
    keys = [q.key for a in AREAS for q in a.questions]
    assert len(keys) == len(set(keys)) == len(QUESTIONS)
    assert all(key.startswith(a.key + ".") for a in AREAS for key in (q.key for q in a.questions))
    assert all(len(q.answers) == 4 for q in QUESTIONS.values())


def test_an_area_scores_the_mean_of_its_answers_as_a_percentage():
    scores = score_answers(
        {
            "listening.knows_what_is_said": 1,
            "listening.someone_cares": 1,
            "listening.monitoring": 2,
            "presence.site_up_to_date": 0,
            "presence.social_ready": 1,
            "presence.mobile": 2,
            "presence.newsletter": 3,
        }
    )
    assert area(scores, "listening").percent == 44  # 4 of 9 points
    assert area(scores, "presence").percent == 50  # 6 of 12 points
    assert area(scores, "listening").answered == 3


def test_all_zero_is_zero_and_all_three_is_a_hundred():
    assert score_answers(dict.fromkeys(QUESTIONS, 0)).overall == 0
    full = score_answers(dict.fromkeys(QUESTIONS, 3))
    assert full.overall == 100
    assert {a.percent for a in full.areas} == {100}


def test_overall_is_the_mean_of_the_areas_so_each_area_weighs_the_same():
    # Listening (3 questions) all 3, every other area 0: one area in seven at 100%.
    answers = dict.fromkeys(QUESTIONS, 0) | {q.key: 3 for q in AREAS[2].questions}
    assert score_answers(answers).overall == 14  # 100 / 7 = 14.3


def test_rounding_is_half_up():
    # Presence 1, 1, 1, 2 = 5 of 12 points = 41.67% → 42
    answers = {"presence.site_up_to_date": 1, "presence.social_ready": 1, "presence.mobile": 1}
    answers["presence.newsletter"] = 2
    assert area(score_answers(answers), "presence").percent == 42
    # Presence 25% and conversation 0%: overall 12.5 → 13 (not the banker's 12)
    answers = {q.key: 0 for q in AREAS[0].questions + AREAS[1].questions} | {"presence.newsletter": 3}
    assert score_answers(answers).overall == 13


def test_unanswered_areas_have_no_score_and_do_not_count_in_the_overall():
    scores = score_answers({"content.who_writes": 3, "content.plan": 0})
    assert area(scores, "content").percent == 50
    assert area(scores, "people").percent is None
    assert scores.overall == 50


def test_no_answers_means_no_scores():
    scores = score_answers({})
    assert scores.overall is None
    assert all(a.percent is None for a in scores.areas)


def test_retired_question_keys_are_ignored():
    assert score_answers({"old.question": 3, "content.who_writes": 0}).overall == 0


def test_comparison_gives_the_difference_per_area_in_points():
    before = score_answers(dict.fromkeys(QUESTIONS, 1) | {"people.culture": 0})
    after = score_answers(dict.fromkeys(QUESTIONS, 2) | {q.key: 1 for q in AREAS[6].questions})
    rows, overall = compare(before, after)
    deltas = {row.area.key: row.delta for row in rows}
    assert deltas["presence"] == 67 - 33
    assert area(before, "people").percent == 25  # 3 of 12
    assert deltas["people"] == 33 - 25
    assert overall.delta == after.overall - before.overall
    assert (overall.before, overall.after) == (before.overall, after.overall)


def test_comparison_with_an_area_missing_in_one_check_has_no_difference_there():
    rows, _overall = compare(score_answers({"content.plan": 1}), score_answers({"content.plan": 2, "people.time": 3}))
    deltas = {row.area.key: row.delta for row in rows}
    assert deltas["content"] == 67 - 33  # the difference of the percentages shown
    assert deltas["people"] is None


def test_scores_of_many_checks_take_one_query(company, django_assert_num_queries):
    checks = [ReadinessCheckFactory(company=company, answers=n % 4) for n in range(12)]
    with django_assert_num_queries(1):
        scores = scores_of_checks(company, [c.pk for c in checks])
    assert [scores[c.pk].overall for c in checks] == [0, 33, 67, 100] * 3


def test_scores_of_checks_ignore_other_companies(company, other_company):
    theirs = ReadinessCheckFactory(company=other_company, answers=3)
    assert scores_of_checks(company, [theirs.pk])[theirs.pk].overall is None
