from urllib.parse import urlencode

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inbox.mentions.fetch import FeedError
from inbox.mentions.models import FeedProblem, Mention, MentionFeed

MAX_QUERY_LENGTH = 200


WEB_ADDRESS_ONLY = _("Enter a web address starting with https://.")
ALREADY_WATCHED = _("This feed is already watched.")


class WebAddressField(forms.URLField):
    """http(s) only, with one message for every wrong address (Django's would add a second)."""

    default_validators = [URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_ONLY)]
    default_error_messages = {"invalid": WEB_ADDRESS_ONLY}


class MentionFeedForm(forms.ModelForm):
    url = WebAddressField(
        label=_("Feed address"),
        max_length=1000,
        assume_scheme="https",
        help_text=_(
            "The address of an RSS or Atom feed, for example a Google Alerts feed "
            "(in Google Alerts choose “Deliver to: RSS feed”) or a news search feed."
        ),
    )

    class Meta:
        model = MentionFeed
        fields = ["url", "name", "is_active"]
        labels = {"is_active": _("Read this feed")}
        help_texts = {
            "name": _("Leave it empty to use the feed's own title."),
            "is_active": _("Untick to stop reading it; its mentions stay."),
        }

    def __init__(self, *args, company, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        # A new feed may take its own title; an existing one keeps a name.
        self.fields["name"].required = bool(self.instance.pk)
        self.fields["url"].widget.attrs.update(
            {"placeholder": "https://www.google.it/alerts/feeds/…", "inputmode": "url"}
        )

    def clean_url(self):
        url = self.cleaned_data["url"].strip()
        others = MentionFeed.objects.for_company(self.company).filter(url=url)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(ALREADY_WATCHED)
        return url

    def add_duplicate_error(self) -> None:
        self.add_error("url", ALREADY_WATCHED)

    def add_feed_error(self, error: FeedError) -> None:
        """Show why the address was refused on the address field; the typed values stay."""
        self.add_error("url", feed_error_message(error))


def feed_error_message(error: FeedError) -> str:
    message = str(FeedProblem(error.problem).label)
    if error.problem == FeedProblem.NOT_A_FEED:
        if error.feed_link:
            message += " " + gettext("This page points to its feed at %(url)s: use that address.") % {
                "url": error.feed_link
            }
        else:
            message += " " + gettext("Look on the site for the RSS link (it often ends in /feed or .xml).")
    elif error.detail and error.problem != FeedProblem.INVALID_ADDRESS:
        message += f" ({error.detail})"
    return message


class MentionFilterForm(forms.Form):
    """The page's filters, from the query string; an invalid value is dropped, not fatal."""

    STATUS_CHOICES = [*Mention.Status.choices, ("all", _("Every status"))]

    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH, widget=forms.SearchInput)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    feed = forms.TypedChoiceField(label=_("Feed"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, feeds, **kwargs):
        super().__init__(*args, **kwargs)
        # `feeds` is the list the page shows anyway: no query of its own for the choices.
        self.feeds = {feed.pk: feed for feed in feeds}
        self.fields["feed"].choices = [("", _("Every feed")), *((feed.pk, feed.name) for feed in feeds)]
        self.fields["q"].widget.attrs.update({"class": "form-control", "placeholder": _("Title, summary, site…")})
        for name in ("status", "feed"):
            self.fields[name].widget.attrs["class"] = "form-select form-select-sm"

    def filters(self) -> dict:
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if name not in self.errors}
        return {
            "status": data.get("status") or Mention.Status.NEW,
            "feed": self.feeds.get(data.get("feed")),
            "query": (data.get("q") or "").strip(),
        }

    def query_string(self, **extra) -> str:
        filters = self.filters()
        params = [("q", filters["query"]), ("status", filters["status"] if filters["status"] != "new" else "")]
        params.append(("feed", filters["feed"].pk if filters["feed"] else ""))
        params += list(extra.items())
        return urlencode([(key, value) for key, value in params if value not in ("", None)])


class MentionStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Mention.Status.choices)
