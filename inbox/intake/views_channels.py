"""The channels page: the website form's snippet and link, the webhook's address and secret."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.reauth import password_confirmed
from engagements.tenancy import company_view
from inbox.email_in.views import channels_section as email_channels_section
from inbox.intake.forms import ChannelCreateForm, ChannelForm
from inbox.intake.services import channel_create, channel_rotate_key, channel_rotate_secret
from inbox.models import IntakeChannel

PAGE_KINDS = [IntakeChannel.Kind.FORM, IntakeChannel.Kind.WEBHOOK]


def _page_channels(company):
    return IntakeChannel.objects.for_company(company).filter(kind__in=PAGE_KINDS)


def _addresses(request, channel) -> dict:
    key = {"public_key": channel.public_key}
    if channel.kind == IntakeChannel.Kind.FORM:
        embed = request.build_absolute_uri(reverse("intake_embed", kwargs=key))
        return {
            "snippet": f'<script src="{embed}" async></script>',
            "form_url": request.build_absolute_uri(reverse("intake_form", kwargs=key)),
        }
    return {
        "webhook_url": request.build_absolute_uri(reverse("intake_webhook", kwargs=key)),
        "masked_secret": "•" * 8 + channel.secret[-4:],
    }


def _render(request, *, create_form=None, bound_form=None, status=200):
    # Email channels come in the same query (with their IMAP mailbox) for their own section.
    channels = (
        IntakeChannel.objects.for_company(request.company)
        .filter(kind__in=[*PAGE_KINDS, IntakeChannel.Kind.EMAIL])
        .select_related("mailbox")
        .annotate(enquiries=Count("conversations"))
        .order_by("kind", "name", "pk")
    )
    cards, email_channels = [], []
    for channel in channels:
        if channel.kind == IntakeChannel.Kind.EMAIL:
            email_channels.append(channel)
            continue
        if bound_form is not None and bound_form.instance.pk == channel.pk:
            form = bound_form
        else:
            form = ChannelForm(instance=channel, prefix=f"channel-{channel.pk}")
        cards.append({"channel": channel, "form": form, **_addresses(request, channel)})
    context = {
        "cards": cards,
        "create_form": create_form or ChannelCreateForm(prefix="new"),
        "docs_url": reverse("intake_docs"),
        "openapi_url": reverse("intake_openapi"),
        **email_channels_section(request, email_channels),
    }
    return render(request, "inbox/intake/channels.html", context, status=status)


def _back(request):
    return redirect("intake_channels", company_slug=request.company.slug)


@company_view("inbox.channels")
def channels(request):
    return _render(request)


@require_POST
@company_view("inbox.channels")
def channel_create_view(request):
    form = ChannelCreateForm(request.POST, prefix="new")
    if form.is_valid():
        channel = channel_create(company=request.company, **form.cleaned_data)
        messages.success(request, _("Channel “%(name)s” created.") % {"name": channel.name})
        return _back(request)
    messages.error(request, _("The channel was not created: please correct the fields marked below."))
    return _render(request, create_form=form, status=400)


@require_POST
@company_view("inbox.channels")
def channel_update_view(request, channel_id):
    channel = get_object_or_404(_page_channels(request.company), pk=channel_id)
    form = ChannelForm(request.POST, instance=channel, prefix=f"channel-{channel.pk}")
    if form.is_valid():
        form.save()
        messages.success(request, _("Changes to “%(name)s” saved.") % {"name": channel.name})
        return _back(request)
    messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    return _render(request, bound_form=form, status=400)


@require_POST
@company_view("inbox.channels")
@password_confirmed
def channel_rotate_key_view(request, channel_id):
    channel = channel_rotate_key(channel=get_object_or_404(_page_channels(request.company), pk=channel_id))
    if channel.kind == IntakeChannel.Kind.FORM:
        text = _("New key for “%(name)s”: paste the new snippet into your website and update the links to the form.")
    else:
        text = _("New key for “%(name)s”: give the new webhook address to the tools that call it.")
    messages.success(request, text % {"name": channel.name})
    return _back(request)


@require_POST
@company_view("inbox.channels")
@password_confirmed
def channel_rotate_secret_view(request, channel_id):
    channel = get_object_or_404(_page_channels(request.company).filter(kind=IntakeChannel.Kind.WEBHOOK), pk=channel_id)
    channel_rotate_secret(channel=channel)
    messages.success(
        request,
        _("New signing secret for “%(name)s”: update it in the tools that call the webhook.") % {"name": channel.name},
    )
    return _back(request)
