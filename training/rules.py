"""Automatic evidence: figures computed in SQL from the company's real work.

A rule is evaluated for one trainee in one company as of one day (in the company's time zone,
the day included) and answers met or not met with its figures, for example
"20 enquiries answered with a median first response within 4 business hours in the last 4 weeks".
An assignment names its rule in `Assignment.rule` with parameters in `Assignment.rule_params`
(missing ones take the rule's defaults).

Who answered an enquiry is the author of its first outgoing message that was not sent
automatically (the acknowledgement does not count, exactly as for the first-response time);
the first-response time itself is `Conversation.first_response_seconds`, in business seconds.

Each evaluation is one query. `RuleBook` remembers the results of one page, so a page costs
one query per distinct (rule, parameters), however many assignments share them.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, F, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from contentdesk.models import ChannelKind, ContentItem
from inbox.models import Conversation, Message


@dataclass(frozen=True)
class Param:
    name: str
    label: str
    default: int | str
    kind: str = "int"  # "int" or "choice"
    minimum: int = 0
    maximum: int = 1000
    choices: tuple = ()


@dataclass
class RuleResult:
    met: bool
    # The numbers behind the answer, JSON-safe so that they can be frozen in an evidence.
    figures: dict = field(default_factory=dict)
    # How far along the main count is, 0–100, for a progress bar.
    percent: int = 0
    summary: str = ""


def _day_window(company, as_of: date, weeks: int) -> tuple[datetime | None, datetime]:
    """[start, end) in the company's time zone: `weeks` before the end of `as_of` (None: no start)."""
    end = datetime.combine(as_of + timedelta(days=1), time.min, tzinfo=company.tzinfo)
    return (end - timedelta(weeks=weeks) if weeks else None), end


def _percent(count: int, target: int) -> int:
    if target <= 0:
        return 100
    return min(100, round(count * 100 / target))


class Rule:
    code = ""
    label = ""
    competency = ""
    params: tuple[Param, ...] = ()

    def clean_params(self, params: dict | None) -> dict:
        """The parameters with defaults filled in and values forced into their range."""
        params = params or {}
        cleaned = {}
        for spec in self.params:
            value = params.get(spec.name, spec.default)
            if spec.kind == "int":
                try:
                    value = int(value)
                except (TypeError, ValueError):
                    value = spec.default
                value = max(spec.minimum, min(spec.maximum, value))
            elif value not in {c for c, _label in spec.choices}:
                value = spec.default
            cleaned[spec.name] = value
        return cleaned

    def evaluate(self, *, trainee, company, as_of: date, params: dict | None = None) -> RuleResult:
        raise NotImplementedError


LANGUAGE_CHOICES = (
    ("", gettext_lazy("Any language")),
    ("it", gettext_lazy("Italian")),
    ("en", gettext_lazy("English")),
)


class EnquiriesAnswered(Rule):
    code = "enquiries_answered"
    label = gettext_lazy("Enquiries answered quickly")
    competency = "inbox.reply"
    params = (
        Param("min_count", gettext_lazy("Enquiries answered, at least"), 20, minimum=1),
        Param("max_median_hours", gettext_lazy("Median first response, at most (business hours; 0: any)"), 4),
        Param("weeks", gettext_lazy("In the last (weeks)"), 4, minimum=1, maximum=52),
        Param("language", gettext_lazy("Language of the enquiries"), "", kind="choice", choices=LANGUAGE_CHOICES),
    )

    def queryset(self, *, trainee, company, as_of: date, params: dict):
        start, end = _day_window(company, as_of, params["weeks"])
        first_reply_author = (
            Message.objects.filter(conversation=OuterRef("pk"), direction=Message.Direction.OUT, is_automatic=False)
            .order_by("created_at", "pk")
            .values("author_id")[:1]
        )
        answered = (
            Conversation.objects.for_company(company)
            .exclude(status=Conversation.Status.SPAM)
            .filter(first_response_at__gte=start, first_response_at__lt=end, first_response_seconds__isnull=False)
            .annotate(first_reply_author=Subquery(first_reply_author))
            .filter(first_reply_author=trainee.pk)
        )
        if params["language"]:
            answered = answered.filter(language=params["language"])
        return answered

    def evaluate(self, *, trainee, company, as_of: date, params: dict | None = None) -> RuleResult:
        params = self.clean_params(params)
        answered = self.queryset(trainee=trainee, company=company, as_of=as_of, params=params)
        # The middle row(s) by response time, and how many rows there are: one query.
        # Integer division gives rows (n+1)//2 … n//2+1: one row when n is odd, two when even.
        middle = list(
            answered.order_by()
            .annotate(
                position=Window(RowNumber(), order_by=[F("first_response_seconds").asc(), F("pk").asc()]),
                total=Window(Count("pk")),
            )
            .filter(position__gte=(F("total") + 1) / 2, position__lte=F("total") / 2 + 1)
            .values_list("first_response_seconds", "total")
        )
        count = middle[0][1] if middle else 0
        median_seconds = round(sum(seconds for seconds, _total in middle) / len(middle)) if middle else None
        max_hours = params["max_median_hours"]
        fast_enough = not max_hours or (median_seconds is not None and median_seconds <= max_hours * 3600)
        met = count >= params["min_count"] and fast_enough
        figures = {
            "count": count,
            "min_count": params["min_count"],
            "median_seconds": median_seconds,
            "max_median_hours": max_hours,
            "weeks": params["weeks"],
            "language": params["language"],
            "as_of": as_of.isoformat(),
        }
        return RuleResult(
            met=met, figures=figures, percent=_percent(count, params["min_count"]), summary=self.describe(figures)
        )

    @staticmethod
    def describe(figures: dict) -> str:
        text = ngettext(
            "%(count)s enquiry answered by you in the last %(weeks)s weeks (target: %(target)s)",
            "%(count)s enquiries answered by you in the last %(weeks)s weeks (target: %(target)s)",
            figures["count"],
        ) % {
            "count": figures["count"],
            "target": figures["min_count"],
            "weeks": figures["weeks"],
        }
        if figures["median_seconds"] is not None:
            hours = number_format(figures["median_seconds"] / 3600, 1)
            if figures["max_median_hours"]:
                text += "; " + _("median first response %(hours)s business hours (at most %(limit)s)") % {
                    "hours": hours,
                    "limit": figures["max_median_hours"],
                }
            else:
                text += "; " + _("median first response %(hours)s business hours") % {"hours": hours}
        return text


class PostsPublishedClean(Rule):
    code = "posts_published_clean"
    label = gettext_lazy("Content published without changes requested")
    competency = "content.writing"
    params = (
        Param("min_count", gettext_lazy("Items published, at least"), 8, minimum=1),
        Param("weeks", gettext_lazy("In the last (weeks; 0: since ever)"), 0, maximum=104),
        Param(
            "channel_kind",
            gettext_lazy("Channel"),
            "",
            kind="choice",
            choices=(("", gettext_lazy("Any channel")), *ChannelKind.choices),
        ),
        Param("language", gettext_lazy("Language of the content"), "", kind="choice", choices=LANGUAGE_CHOICES),
    )

    def queryset(self, *, trainee, company, as_of: date, params: dict):
        start, end = _day_window(company, as_of, params["weeks"])
        items = ContentItem.objects.for_company(company).filter(
            status=ContentItem.Status.PUBLISHED, author=trainee, changes_requested=0, published_at__lt=end
        )
        if start is not None:
            items = items.filter(published_at__gte=start)
        if params["channel_kind"]:
            items = items.filter(channel__kind=params["channel_kind"])
        if params["language"]:
            items = items.filter(language=params["language"])
        return items

    def evaluate(self, *, trainee, company, as_of: date, params: dict | None = None) -> RuleResult:
        params = self.clean_params(params)
        count = self.queryset(trainee=trainee, company=company, as_of=as_of, params=params).count()
        figures = {
            "count": count,
            "min_count": params["min_count"],
            "weeks": params["weeks"],
            "channel_kind": params["channel_kind"],
            "language": params["language"],
            "as_of": as_of.isoformat(),
        }
        return RuleResult(
            met=count >= params["min_count"],
            figures=figures,
            percent=_percent(count, params["min_count"]),
            summary=self.describe(figures),
        )

    @staticmethod
    def describe(figures: dict) -> str:
        values = {"count": figures["count"], "target": figures["min_count"], "weeks": figures["weeks"]}
        if figures["weeks"]:
            return (
                _(
                    "%(count)s published by you without changes requested in the last %(weeks)s weeks (target: %(target)s)"
                )
                % values
            )
        return _("%(count)s published by you without changes requested (target: %(target)s)") % values


RULES: dict[str, Rule] = {rule.code: rule for rule in (EnquiriesAnswered(), PostsPublishedClean())}


def rule_choices() -> list[tuple[str, str]]:
    return [("", _("None: the trainee shows evidence"))] + [(code, str(rule.label)) for code, rule in RULES.items()]


def describe_figures(rule_code: str, figures: dict) -> str:
    """Words for figures frozen in an evidence, in today's language."""
    rule = RULES.get(rule_code)
    if rule is None or not figures:
        return ""
    try:
        return rule.describe(figures)
    except (KeyError, TypeError, ValueError):
        return ""


def evaluate_rule(rule_code: str, *, trainee, company, as_of: date, params: dict | None = None) -> RuleResult | None:
    rule = RULES.get(rule_code)
    if rule is None or trainee is None:
        return None
    return rule.evaluate(trainee=trainee, company=company, as_of=as_of, params=params)


class RuleBook:
    """The results of one page: each distinct (rule, parameters) is evaluated once."""

    def __init__(self, *, trainee, company, as_of: date):
        self.trainee, self.company, self.as_of = trainee, company, as_of
        self._results: dict[tuple, RuleResult | None] = {}

    def result(self, assignment) -> RuleResult | None:
        rule = RULES.get(assignment.rule)
        if rule is None:
            return None
        params = rule.clean_params(assignment.rule_params)
        key = (rule.code, tuple(sorted(params.items())))
        if key not in self._results:
            self._results[key] = rule.evaluate(
                trainee=self.trainee, company=self.company, as_of=self.as_of, params=params
            )
        return self._results[key]

    def annotate(self, assignments: Iterable) -> None:
        """Set `rule_result` on each assignment (None where it has no rule)."""
        for assignment in assignments:
            assignment.rule_result = self.result(assignment)
