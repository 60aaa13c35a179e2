"""The addresses of a list's public form, as the list page shows them to paste into a website."""

from django.urls import reverse


def form_links(request, newsletter_list) -> dict:
    key = {"public_key": newsletter_list.public_key}
    embed = request.build_absolute_uri(reverse("newsletter_embed", kwargs=key))
    return {
        "form_url": request.build_absolute_uri(reverse("newsletter_subscribe_form", kwargs=key)),
        "embed_url": embed,
        "snippet": f'<script src="{embed}" async></script>',
    }
