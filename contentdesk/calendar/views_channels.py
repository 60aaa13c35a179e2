"""Channels and their cadences: where the company publishes, and how often it means to."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from contentdesk.calendar import services
from contentdesk.calendar.forms import CadenceForm, ChannelForm
from contentdesk.calendar.rules import describe_rule
from contentdesk.calendar.selectors import channels_of
from contentdesk.models import Cadence, ContentChannel
from contentdesk.services import DEFAULT_CHANNELS, content_channels_ensure_defaults
from engagements.budgets.forms import company_today
from engagements.tenancy import company_view


def _channels_redirect(request):
    return redirect("content_channels", company_slug=request.company.slug)


@require_GET
@company_view("content.channels")
def channel_list(request):
    # Queries: the channels with their owner, and their cadences with theirs in one prefetch.
    cadences = Cadence.objects.select_related("owner").order_by("-is_active", "time_of_day", "pk")
    channels = list(
        ContentChannel.objects.for_company(request.company)
        .select_related("owner")
        .order_by("-is_active", "name")
        .prefetch_related(Prefetch("cadences", queryset=cadences))
    )
    for channel in channels:
        for cadence in channel.cadences.all():
            cadence.in_words = describe_rule(cadence.rule, cadence.time_of_day)
    return render(
        request,
        "contentdesk/calendar/channels.html",
        {"channels_list": channels, "default_channels": [name for _kind, name in DEFAULT_CHANNELS]},
    )


@require_POST
@company_view("content.channels")
def channels_defaults(request):
    created = content_channels_ensure_defaults(company=request.company)
    if created:
        messages.success(
            request,
            _("Channels ready: %(names)s. Rename them or add others when you like.")
            % {"names": ", ".join(c.name for c in created)},
        )
    else:
        messages.info(request, _("The company already has its channels: nothing was added."))
    back = request.POST.get("next") or ""
    if back == "calendar":
        return redirect("content_calendar", company_slug=request.company.slug)
    return _channels_redirect(request)


@company_view("content.channels")
def channel_edit(request, channel_id=None):
    company = request.company
    channel = None
    if channel_id is not None:
        channel = get_object_or_404(ContentChannel.objects.for_company(company), pk=channel_id)
    form = ChannelForm(
        request.POST or None, instance=channel, company=company, initial={} if channel else {"owner": request.user.pk}
    )
    if request.method == "POST":
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in ChannelForm.Meta.fields}
            try:
                if channel is None:
                    channel = services.content_channel_create(company=company, **fields)
                else:
                    channel = services.content_channel_update(channel=channel, **fields)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Channel “%(name)s” saved.") % {"name": channel.name})
                return _channels_redirect(request)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(request, "contentdesk/calendar/channel_form.html", {"form": form, "channel": channel}, status=400)
    return render(request, "contentdesk/calendar/channel_form.html", {"form": form, "channel": channel})


@company_view("content.channels")
def cadence_edit(request, cadence_id=None):
    company = request.company
    cadence = None
    if cadence_id is not None:
        cadence = get_object_or_404(Cadence.objects.for_company(company).select_related("channel"), pk=cadence_id)
    channels = channels_of(company)
    if not channels:
        messages.info(request, _("Add a channel first: a cadence says how often a channel gets something."))
        return _channels_redirect(request)
    initial = {}
    if cadence is None:
        wanted = request.GET.get("channel", "")
        initial["channel"] = int(wanted) if wanted.isdigit() else channels[0].pk
        initial["starts_on"] = company_today(company)
        initial["owner"] = request.user.pk
    form = CadenceForm(request.POST or None, channels=channels, instance=cadence, initial=initial, company=company)
    context = {"form": form, "cadence": cadence}
    if request.method == "POST":
        if form.is_valid():
            try:
                if cadence is None:
                    cadence = services.cadence_create(company=company, **form.cadence_fields())
                else:
                    cadence = services.cadence_update(cadence=cadence, **form.cadence_fields())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Cadence saved: %(channel)s, %(when)s.")
                    % {"channel": cadence.channel.name, "when": describe_rule(cadence.rule, cadence.time_of_day)},
                )
                return _channels_redirect(request)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(request, "contentdesk/calendar/cadence_form.html", context, status=400)
    if cadence is not None:
        context["in_words"] = describe_rule(cadence.rule, cadence.time_of_day)
    return render(request, "contentdesk/calendar/cadence_form.html", context)


@require_POST
@company_view("content.channels")
def cadence_delete(request, cadence_id):
    cadence = get_object_or_404(Cadence.objects.for_company(request.company).select_related("channel"), pk=cadence_id)
    in_words = describe_rule(cadence.rule, cadence.time_of_day)
    services.cadence_delete(cadence=cadence)
    messages.success(
        request, _("Cadence deleted: %(channel)s, %(when)s.") % {"channel": cadence.channel.name, "when": in_words}
    )
    return _channels_redirect(request)
