"""Automatic evidence computed from real inbox and content desk rows."""

from datetime import date, datetime, time, timedelta

import pytest

from contentdesk.models import ChannelKind
from tests.contentdesk.factories import ContentChannelFactory
from tests.factories import MembershipFactory
from tests.training.factories import answered_enquiry, published_post
from training.rules import RULES, RuleBook

pytestmark = pytest.mark.django_db

AS_OF = date(2026, 5, 15)  # a Friday
HOUR = 3600
ENQUIRIES, POSTS = RULES["enquiries_answered"], RULES["posts_published_clean"]


def at(company, day: date, hour=10):
    return datetime.combine(day, time(hour), tzinfo=company.tzinfo)


def evaluate(rule, trainee, company, **params):
    return rule.evaluate(trainee=trainee, company=company, as_of=AS_OF, params=params)


def answer_many(company, trainee, n, *, seconds=2 * HOUR, day=AS_OF, **extra):
    return [answered_enquiry(company, trainee, seconds=seconds, at=at(company, day), **extra) for _ in range(n)]


# Enquiries answered quickly


def test_no_enquiries_is_not_met_and_says_so(company, digital_manager):
    result = evaluate(ENQUIRIES, digital_manager, company)
    assert not result.met
    assert result.figures["count"] == 0
    assert result.figures["median_seconds"] is None
    assert result.percent == 0


def test_twenty_answers_with_a_median_of_exactly_four_hours_is_met(company, digital_manager):
    # Sorted, the 10th and 11th answers (the middle of twenty) both took exactly 4 hours.
    answer_many(company, digital_manager, 9, seconds=1 * HOUR)
    answer_many(company, digital_manager, 2, seconds=4 * HOUR)
    answer_many(company, digital_manager, 9, seconds=9 * HOUR)
    result = evaluate(ENQUIRIES, digital_manager, company)
    assert result.figures["count"] == 20
    assert result.figures["median_seconds"] == 4 * HOUR
    assert result.met
    assert result.percent == 100


def test_one_answer_short_of_the_count_is_not_met(company, digital_manager):
    answer_many(company, digital_manager, 19)
    result = evaluate(ENQUIRIES, digital_manager, company)
    assert not result.met
    assert result.figures["count"] == 19
    assert result.percent == 95


def test_a_median_above_the_limit_is_not_met(company, digital_manager):
    answer_many(company, digital_manager, 20, seconds=4 * HOUR + 1)
    result = evaluate(ENQUIRIES, digital_manager, company)
    assert result.figures["count"] == 20
    assert not result.met


def test_median_of_an_even_count_is_the_mean_of_the_two_middle_answers(company, digital_manager):
    for hours in (1, 2, 6, 10):
        answered_enquiry(company, digital_manager, seconds=hours * HOUR, at=at(company, AS_OF))
    result = evaluate(ENQUIRIES, digital_manager, company, min_count=4, max_median_hours=4)
    assert result.figures["median_seconds"] == 4 * HOUR
    assert result.met


def test_another_companys_answers_are_ignored(company, other_company, digital_manager):
    MembershipFactory(company=other_company, user=digital_manager)
    answer_many(other_company, digital_manager, 20)
    assert evaluate(ENQUIRIES, digital_manager, company).figures["count"] == 0
    assert evaluate(ENQUIRIES, digital_manager, other_company).figures["count"] == 20


def test_answers_outside_the_window_are_ignored(company, digital_manager):
    start = AS_OF - timedelta(weeks=4) + timedelta(days=1)  # first day inside the 4 weeks
    answered_enquiry(company, digital_manager, seconds=HOUR, at=at(company, start, 0) + timedelta(minutes=1))
    answered_enquiry(company, digital_manager, seconds=HOUR, at=at(company, start - timedelta(days=1), 23))
    answered_enquiry(company, digital_manager, seconds=HOUR, at=at(company, AS_OF, 23) + timedelta(minutes=59))
    answered_enquiry(company, digital_manager, seconds=HOUR, at=at(company, AS_OF + timedelta(days=1), 0))
    assert evaluate(ENQUIRIES, digital_manager, company).figures["count"] == 2


def test_only_enquiries_whose_first_reply_the_trainee_wrote_count(company, digital_manager, consultant):
    answered_enquiry(company, digital_manager, seconds=HOUR, at=at(company, AS_OF))
    by_consultant = answered_enquiry(
        company, digital_manager, seconds=HOUR, at=at(company, AS_OF), first_author=consultant
    )
    # The trainee answering later does not make the enquiry theirs.
    from tests.inbox.factories import MessageFactory

    MessageFactory(
        conversation=by_consultant, direction="out", author=digital_manager, created_at=at(company, AS_OF, 12)
    )
    assert evaluate(ENQUIRIES, digital_manager, company).figures["count"] == 1
    assert evaluate(ENQUIRIES, consultant, company).figures["count"] == 1


def test_the_automatic_acknowledgement_is_not_the_first_reply(company, digital_manager):
    # answered_enquiry writes the acknowledgement (no author) before the human reply.
    answered_enquiry(company, digital_manager, seconds=HOUR, at=at(company, AS_OF))
    assert evaluate(ENQUIRIES, digital_manager, company).figures["count"] == 1


def test_spam_does_not_count(company, digital_manager):
    answered_enquiry(company, digital_manager, seconds=HOUR, at=at(company, AS_OF), status="spam")
    assert evaluate(ENQUIRIES, digital_manager, company).figures["count"] == 0


def test_language_parameter_counts_only_that_language(company, digital_manager):
    answer_many(company, digital_manager, 2, language="en")
    answer_many(company, digital_manager, 3, language="it")
    result = evaluate(ENQUIRIES, digital_manager, company, language="en", min_count=2)
    assert result.figures["count"] == 2
    assert result.met


def test_parameters_out_of_range_are_brought_back_into_it(company, digital_manager):
    params = ENQUIRIES.clean_params({"min_count": "-3", "weeks": 999, "language": "de", "max_median_hours": "x"})
    assert params == {"min_count": 1, "max_median_hours": 4, "weeks": 52, "language": ""}


# Content published without changes requested


def test_eight_clean_posts_by_the_trainee_are_met(company, digital_manager):
    for _ in range(8):
        published_post(company, digital_manager, at=at(company, AS_OF - timedelta(days=3)))
    result = evaluate(POSTS, digital_manager, company)
    assert result.met
    assert result.figures["count"] == 8


def test_posts_with_changes_requested_unpublished_or_by_others_do_not_count(company, digital_manager, consultant):
    published_post(company, digital_manager, at=at(company, AS_OF), changes_requested=1)
    published_post(company, consultant, at=at(company, AS_OF))
    from tests.contentdesk.factories import ContentItemFactory

    ContentItemFactory(company=company, author=digital_manager)  # a draft
    published_post(company, digital_manager, at=at(company, AS_OF))
    result = evaluate(POSTS, digital_manager, company)
    assert result.figures["count"] == 1
    assert not result.met


def test_posts_of_another_company_or_after_the_day_are_ignored(company, other_company, digital_manager):
    published_post(other_company, digital_manager, at=at(other_company, AS_OF))
    published_post(company, digital_manager, at=at(company, AS_OF + timedelta(days=1), 0))
    assert evaluate(POSTS, digital_manager, company).figures["count"] == 0


def test_posts_window_and_channel(company, digital_manager):
    linkedin = ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN)
    blog = ContentChannelFactory(company=company, kind=ChannelKind.BLOG, name="Blog")
    published_post(company, digital_manager, at=at(company, AS_OF - timedelta(days=3)), channel=linkedin)
    published_post(company, digital_manager, at=at(company, AS_OF - timedelta(days=60)), channel=blog)
    assert evaluate(POSTS, digital_manager, company, weeks=4).figures["count"] == 1
    assert evaluate(POSTS, digital_manager, company, weeks=0).figures["count"] == 2
    assert evaluate(POSTS, digital_manager, company, channel_kind="blog").figures["count"] == 1


def test_figures_are_described_in_the_users_language(company, digital_manager):
    from django.utils import translation

    answer_many(company, digital_manager, 3, seconds=int(2.5 * HOUR))
    result = evaluate(ENQUIRIES, digital_manager, company)
    with translation.override("it"):
        text = ENQUIRIES.describe(result.figures)
    assert "3 richieste a cui hai risposto tu nelle ultime 4 settimane (obiettivo: 20)" in text
    assert "2,5" in text


def test_a_rule_book_evaluates_each_distinct_rule_once(company, digital_manager, django_assert_num_queries):
    class Task:
        def __init__(self, rule, params):
            self.rule, self.rule_params = rule, params

    tasks = [Task("enquiries_answered", {"min_count": 20}) for _ in range(10)]
    tasks += [Task("enquiries_answered", {"min_count": 20, "weeks": 4}) for _ in range(5)]  # same, with defaults
    tasks += [Task("posts_published_clean", {}) for _ in range(10)] + [Task("", {})]
    book = RuleBook(trainee=digital_manager, company=company, as_of=AS_OF)
    with django_assert_num_queries(2):  # one per distinct (rule, parameters)
        book.annotate(tasks)
    assert tasks[0].rule_result is tasks[14].rule_result
    assert tasks[-1].rule_result is None
