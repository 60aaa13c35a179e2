"""Public addresses used inside sent newsletters: tracked links and content images."""

from django.http import FileResponse, Http404, HttpResponseRedirect
from django.views.decorators.http import require_safe

from contentdesk.models import ContentImage
from contentdesk.newsletter.compose import read_image_token
from contentdesk.newsletter.tokens import BadToken
from contentdesk.newsletter.tracking import click_target, newsletter_click_record, redirect_url


@require_safe
def click(request, token):
    """Record the click and go to the newsletter's own link; anything else is a 404."""
    target = click_target(token)
    if target is None:
        raise Http404("Unknown link.")
    delivery, link_index, url = target
    # Link checkers of mail servers send HEAD: they are not readers.
    if request.method == "GET":
        newsletter_click_record(delivery=delivery, link_index=link_index, url=url)
    response = HttpResponseRedirect(redirect_url(delivery, url))
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


@require_safe
def image(request, token):
    """A content image shown in a newsletter: only with a token signed for its own company."""
    try:
        image_id, company_id = read_image_token(token)
    except BadToken:
        raise Http404("Unknown image.") from None
    picture = ContentImage.objects.filter(pk=image_id, company_id=company_id).first()
    if picture is None or not picture.file or not (picture.content_type or "").startswith("image/"):
        raise Http404("Unknown image.")
    try:
        handle = picture.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The file is missing.") from None
    response = FileResponse(handle, content_type=picture.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400"
    return response
