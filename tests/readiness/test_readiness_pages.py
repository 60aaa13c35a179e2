from datetime import UTC, date, datetime

import pytest
import time_machine

from engagements.readiness.demo import seed_demo_readiness
from engagements.readiness.forms import note_field_name, score_field_name
from engagements.readiness.models import ReadinessAnswer, ReadinessCheck
from engagements.readiness.questionnaire import AREAS, QUESTIONS
from engagements.roles import Role
from tests.readiness.factories import ReadinessCheckFactory


@pytest.fixture(autouse=True)
def _frozen_now():
    with time_machine.travel(datetime(2026, 11, 22, 10, 0, tzinfo=UTC), tick=False):
        yield


def url(company, suffix=""):
    return f"/c/{company.slug}/engagement/readiness/{suffix}"


def full_post(score=2, **overrides):
    data = {"taken_on": "2026-11-20", "label": "Audit iniziale", "notes": "Prima visita"}
    data |= {score_field_name(key): str(score) for key in QUESTIONS}
    data |= overrides
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def two_checks(company, consultant):
    older = ReadinessCheckFactory(company=company, taken_on=date(2023, 11, 6), label="Audit 2023", answers=0)
    newer = ReadinessCheckFactory(
        company=company,
        taken_on=date(2026, 11, 2),
        label="Audit iniziale",
        answers=dict.fromkeys(QUESTIONS, 1) | {q.key: 3 for q in AREAS[4].questions},
        created_by=consultant,
    )
    return older, newer


def test_list_compares_the_latest_two_side_by_side_in_italian(login, company, consultant, two_checks):
    response = login(consultant).get(url(company))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Maturità digitale" in content
    assert "Nuova verifica" in content
    assert 'role="img"' in content
    assert '<title id="comparison-chart-title">' in content
    assert "Richieste e tempi di risposta" in content
    # the table: enquiries 0% → 100%, the others 0% → 33%
    assert "+100" in content
    assert "+33" in content
    assert content.index("Audit iniziale") < content.index("Audit 2023", content.index("checks-title"))


def test_list_is_in_english_for_an_english_speaking_user(login, company, consultant, two_checks):
    consultant.language = "en"
    consultant.save()
    content = login(consultant).get(url(company)).content.decode()
    assert "Digital readiness" in content
    assert "Side by side" in content
    assert "Enquiries &amp; response" in content


def test_chosen_checks_are_compared_older_first(login, company, consultant, two_checks):
    older, _newer = two_checks
    third = ReadinessCheckFactory(company=company, taken_on=date(2028, 11, 6), label="Ri-audit 2028", answers=3)
    content = login(consultant).get(url(company), {"a": third.pk, "b": older.pk}).content.decode()
    table = content[content.index("<caption") :]
    assert table.index("Audit 2023") < table.index("Ri-audit 2028")
    assert "+100" in table
    assert "Audit iniziale" not in table.split("</table>")[0]


@pytest.mark.parametrize("query", [{"a": "999999", "b": "1"}, {"a": "x"}, {"a": "same", "b": "same"}])
def test_bad_comparison_choices_fall_back_to_the_latest_two(login, company, consultant, two_checks, query):
    if query.get("a") == "same":
        query = {"a": two_checks[0].pk, "b": two_checks[0].pk}
    response = login(consultant).get(url(company), query)
    assert response.status_code == 200
    assert "mostro le ultime due" in response.content.decode()


def test_another_companys_check_cannot_be_chosen_for_comparison(login, company, consultant, two_checks, other_company):
    theirs = ReadinessCheckFactory(company=other_company, label="Segreto", answers=3)
    content = login(consultant).get(url(company), {"a": theirs.pk, "b": two_checks[0].pk}).content.decode()
    assert "Segreto" not in content


def test_a_single_check_shows_its_chart_and_an_invitation_to_repeat(login, company, owner):
    ReadinessCheckFactory(company=company, label="Audit iniziale", answers=1)
    content = login(owner).get(url(company)).content.decode()
    assert 'id="single-chart-title"' in content
    assert "33%" in content
    assert "Nuova verifica" not in content  # owners read, the consultant takes the checks


def test_no_checks_yet(login, company, digital_manager):
    content = login(digital_manager).get(url(company)).content.decode()
    assert "Nessuna verifica" in content


def test_colleague_gets_403(login, company, colleague, two_checks):
    assert login(colleague).get(url(company)).status_code == 403
    assert login(colleague).get(url(company, f"{two_checks[0].pk}/")).status_code == 403


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER])
def test_only_the_consultant_takes_checks(login, company, users_by_role, role):
    client = login(users_by_role[role])
    assert client.get(url(company, "new/")).status_code == 403
    assert client.post(url(company, "new/"), full_post()).status_code == 403
    assert not ReadinessCheck.objects.exists()


def test_the_new_check_form_groups_questions_by_area(login, company, consultant):
    response = login(consultant).get(url(company, "new/"))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('type="radio"') == 4 * len(QUESTIONS)
    assert content.count("<legend") == len(AREAS) + len(QUESTIONS)
    assert "Conversazione con i visitatori" in content
    assert "Il sito web offre una conversazione a due vie con i visitatori" in content
    assert 'value="Audit iniziale"' in content
    assert 'value="2026-11-22"' in content


def test_the_form_suggests_a_re_audit_label_once_a_check_exists(login, company, consultant, two_checks):
    assert 'value="Ri-audit 2026"' in login(consultant).get(url(company, "new/")).content.decode()


def test_consultant_takes_a_check(login, company, consultant):
    data = full_post(score=2) | {note_field_name("enquiries.response_time"): "Risposte entro sera"}
    response = login(consultant).post(url(company, "new/"), data)
    check = ReadinessCheck.objects.for_company(company).get()
    assert response["Location"] == url(company, f"{check.pk}/")
    assert (check.label, check.taken_on, check.created_by) == ("Audit iniziale", date(2026, 11, 20), consultant)
    assert check.answers.count() == len(QUESTIONS)
    assert check.answers.get(question_key="enquiries.response_time").note == "Risposte entro sera"


def test_missing_answers_answer_400_keeping_the_others_and_marking_the_missing(login, company, consultant):
    missing = ["listening.monitoring", "people.time"]
    data = full_post(score=3) | {score_field_name(key): None for key in missing}
    data = {k: v for k, v in data.items() if v is not None}
    data[note_field_name("listening.monitoring")] = "Da capire"
    response = login(consultant).post(url(company, "new/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "2 domande attendono ancora una risposta" in content
    assert content.count("Scegli una risposta.") == 2
    assert 'href="#q-listening-monitoring"' in content
    assert 'value="Da capire"' in content
    assert content.count(" checked>") == len(QUESTIONS) - 2
    assert not ReadinessCheck.objects.exists()


@pytest.mark.parametrize("bad", ["4", "-1", "tre"])
def test_a_score_out_of_range_answers_400(login, company, consultant, bad):
    data = full_post() | {score_field_name("content.plan"): bad}
    response = login(consultant).post(url(company, "new/"), data)
    assert response.status_code == 400
    assert "Scegli una delle risposte proposte." in response.content.decode()
    assert not ReadinessCheck.objects.exists()


def test_empty_post_answers_400(login, company, consultant, two_checks):
    client = login(consultant)
    assert client.post(url(company, "new/")).status_code == 400
    assert client.post(url(company, f"{two_checks[0].pk}/edit/")).status_code == 400
    assert ReadinessAnswer.objects.filter(readiness_check=two_checks[0]).count() == len(QUESTIONS)


def test_detail_shows_the_scores_per_area_and_the_answers(login, company, owner, two_checks):
    _older, newer = two_checks
    ReadinessAnswer.objects.filter(readiness_check=newer, question_key="content.plan").update(note="Nessun calendario")
    content = login(owner).get(url(company, f"{newer.pk}/")).content.decode()
    assert "Punteggi per area" in content
    assert "100%" in content  # enquiries
    assert "In parte" in content
    assert "Entro poche ore lavorative" in content  # the enquiries.response_time answer at 3
    assert "Nessun calendario" in content
    assert 'role="img"' in content
    assert "/edit/" not in content


def test_consultant_edits_a_check_and_the_form_starts_from_its_answers(login, company, consultant, two_checks):
    _older, newer = two_checks
    client = login(consultant)
    form = client.get(url(company, f"{newer.pk}/edit/")).content.decode()
    assert form.count(" checked>") == len(QUESTIONS)
    response = client.post(url(company, f"{newer.pk}/edit/"), full_post(score=0, label="Audit iniziale rivisto"))
    assert response.status_code == 302
    newer.refresh_from_db()
    assert newer.label == "Audit iniziale rivisto"
    assert set(newer.answers.values_list("score", flat=True)) == {0}


def test_consultant_deletes_a_check(login, company, consultant, two_checks):
    response = login(consultant).post(url(company, f"{two_checks[0].pk}/delete/"))
    assert response.status_code == 302
    assert list(ReadinessCheck.objects.for_company(company)) == [two_checks[1]]
    assert ReadinessAnswer.objects.count() == len(QUESTIONS)


def test_another_companys_check_answers_404(login, company, consultant, other_company):
    theirs = ReadinessCheckFactory(company=other_company, answers=1)
    client = login(consultant)
    assert client.get(url(company, f"{theirs.pk}/")).status_code == 404
    assert client.get(url(company, f"{theirs.pk}/edit/")).status_code == 404
    assert client.post(url(company, f"{theirs.pk}/edit/"), full_post()).status_code == 404
    assert client.post(url(company, f"{theirs.pk}/delete/")).status_code == 404
    assert ReadinessCheck.objects.filter(pk=theirs.pk).exists()


def test_list_query_count_does_not_grow_with_checks_and_answers(
    login, company, consultant, two_checks, django_assert_max_num_queries
):
    client = login(consultant)
    # session, user, membership+company, checks+creators, answers, switcher memberships,
    # and on the first visit the session's "last company" (savepoint, update, release)
    with django_assert_max_num_queries(9):
        assert client.get(url(company)).status_code == 200
    for n in range(20):
        ReadinessCheckFactory(company=company, taken_on=date(2010 + n % 10, 1 + n % 12, 1), answers=n % 4)
    with django_assert_max_num_queries(9):
        assert client.get(url(company)).status_code == 200


def test_detail_and_form_query_counts(login, company, consultant, two_checks, django_assert_max_num_queries):
    client = login(consultant)
    client.get(url(company))  # the session already knows the company
    # session, user, membership+company, check+creator, answers, switcher memberships
    with django_assert_max_num_queries(6):
        assert client.get(url(company, f"{two_checks[1].pk}/")).status_code == 200
    # session, user, membership+company, check, answers, switcher memberships
    with django_assert_max_num_queries(6):
        assert client.get(url(company, f"{two_checks[1].pk}/edit/")).status_code == 200


def test_demo_checks_are_created_once_and_compare_an_older_audit(company, consultant):
    initial = seed_demo_readiness(company, consultant=consultant, taken_on=date(2026, 11, 2))
    again = seed_demo_readiness(company, consultant=consultant, taken_on=date(2026, 11, 2))
    earlier = seed_demo_readiness(company, consultant=consultant, taken_on=date(2023, 11, 6), scores="earlier")
    assert initial.pk == again.pk
    assert ReadinessCheck.objects.count() == 2
    assert initial.label == "Audit iniziale 2026"
    assert earlier.label == "Audit 2023"
    assert initial.answers.count() == earlier.answers.count() == len(QUESTIONS)
    from engagements.readiness.scoring import scores_of_checks

    scores = scores_of_checks(company, [initial.pk, earlier.pk])
    assert 10 <= scores[earlier.pk].overall < scores[initial.pk].overall <= 40


def test_demo_refuses_an_unknown_profile(company, consultant):
    with pytest.raises(ValueError, match="improved"):
        seed_demo_readiness(company, consultant=consultant, taken_on=date(2026, 11, 2), scores="best")
