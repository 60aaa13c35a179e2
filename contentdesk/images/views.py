from pathlib import PurePosixPath

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from contentdesk.images.forms import ImageUploadForm, VariantForm
from contentdesk.images.selectors import image_for_page, image_variants, library_images
from contentdesk.images.services import (
    content_image_delete,
    content_image_variant_create,
    content_image_variant_delete,
    content_images_upload,
)
from contentdesk.models import ContentImage, ContentImageVariant, ContentItem, ImageFormat
from engagements.tenancy import company_view

PAGE_SIZE = 24


def _library_url(company) -> str:
    return reverse("content_images", kwargs={"company_slug": company.slug})


def _image_url(company, image_id) -> str:
    return reverse("content_image", kwargs={"company_slug": company.slug, "image_id": image_id})


def item_url(company, item_id) -> str:
    """The item's page, once the items area provides it; the calendar until then."""
    try:
        return reverse("content_item", kwargs={"company_slug": company.slug, "item_id": item_id})
    except NoReverseMatch:
        return _library_url(company)


@company_view("content.view")
def content_images(request):
    company = request.company
    page = Paginator(library_images(company), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "images": list(page.object_list)}
    if request.membership.can("content.write"):
        context["upload_form"] = ImageUploadForm(company=company, initial={"back": "library"})
    return render(request, "contentdesk/images/library.html", context)


def _requested_item(request):
    raw = request.POST.get("item") or request.GET.get("item") or ""
    if not raw.isdigit():
        return None
    return ContentItem.objects.for_company(request.company).filter(pk=raw).first()


@company_view("content.write")
def content_image_upload(request):
    """The upload form on its own page (GET) and the upload itself, from any page (POST)."""
    company = request.company
    item = _requested_item(request)
    if request.method != "POST":
        form = ImageUploadForm(company=company, initial={"item": item, "back": "item" if item else "library"})
        return render(request, "contentdesk/images/upload.html", {"form": form, "item": item})
    data = request.POST.copy()
    if not data.get("item") and request.GET.get("item"):
        data["item"] = request.GET["item"]
    form = ImageUploadForm(data, request.FILES, company=company)
    if form.is_valid():
        item = form.cleaned_data["item"]
        outcome = content_images_upload(
            company=company,
            user=request.user,
            files=form.cleaned_data["files"],
            alt_text=form.cleaned_data["alt_text"],
            item=item,
        )
        if outcome.stored:
            count = len(outcome.stored)
            messages.success(
                request,
                ngettext("%(count)s image uploaded.", "%(count)s images uploaded.", count) % {"count": count},
            )
            for problem in outcome.refused:
                messages.error(request, problem)
            if item is not None and form.cleaned_data["back"] == "item":
                return redirect(item_url(company, item.pk) + "#images")
            if count == 1:
                return redirect(_image_url(company, outcome.stored[0].pk))
            return redirect(_library_url(company))
        for problem in outcome.refused:
            form.add_error("files", problem)
    return render(request, "contentdesk/images/upload.html", {"form": form, "item": item}, status=400)


def _image_or_404(request, image_id) -> ContentImage:
    return get_object_or_404(image_for_page(request.company, image_id))


def _image_page(request, image, *, variant_form=None, status=200):
    can_write = request.membership.can("content.write")
    if variant_form is None and can_write:
        variant_form = VariantForm()
    context = {
        "image": image,
        "variants": image_variants(image),
        "variant_form": variant_form,
        "formats": ImageFormat,
    }
    return render(request, "contentdesk/images/detail.html", context, status=status)


@company_view("content.view")
def content_image(request, image_id):
    return _image_page(request, _image_or_404(request, image_id))


@require_POST
@company_view("content.write")
def content_image_variant(request, image_id):
    image = _image_or_404(request, image_id)
    form = VariantForm(request.POST)
    if form.is_valid():
        try:
            variant = content_image_variant_create(image=image, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(format)s ready: %(width)s × %(height)s pixels.")
                % {"format": variant.get_format_display(), "width": variant.width, "height": variant.height},
            )
            return redirect(f"{_image_url(request.company, image.pk)}#variant-{variant.pk}")
    messages.error(request, _("The variant was not made: please correct the fields marked below."))
    return _image_page(request, image, variant_form=form, status=400)


@require_POST
@company_view("content.write")
def content_image_delete_view(request, image_id):
    image = _image_or_404(request, image_id)
    name = image.original_name
    content_image_delete(image=image)
    messages.success(request, _("“%(name)s” and its variants have been deleted.") % {"name": name})
    return redirect(_library_url(request.company))


@require_POST
@company_view("content.write")
def content_image_variant_delete_view(request, image_id, variant_id):
    variant = get_object_or_404(
        ContentImageVariant.objects.for_company(request.company), image_id=image_id, pk=variant_id
    )
    label = variant.get_format_display()
    content_image_variant_delete(variant=variant)
    messages.success(request, _("Variant “%(format)s” deleted.") % {"format": label})
    return redirect(_image_url(request.company, image_id) + "#variants")


def _download_name(image: ContentImage, fieldfile, suffix: str = "") -> str:
    extension = PurePosixPath(fieldfile.name).suffix or ".jpg"
    return f"{PurePosixPath(image.original_name).stem or 'immagine'}{suffix}{extension}"


@company_view("content.view")
def content_image_file(request, image_id, variant_id=None):
    """The picture, the variant or (`?size=thumbnail`) their small JPEG, for whoever may see the calendar.

    Only thumbnails are shown inline in our pages; everything else is a download. Either way
    the browser is told not to guess the type, and the type is the one Pillow recognised.
    """
    if variant_id is None:
        image = get_object_or_404(ContentImage.objects.for_company(request.company), pk=image_id)
        fieldfile, content_type, suffix = image.file, image.content_type, ""
    else:
        variant = get_object_or_404(
            ContentImageVariant.objects.for_company(request.company).select_related("image"),
            image_id=image_id,
            pk=variant_id,
        )
        image, fieldfile = variant.image, variant.file
        content_type = "image/png" if fieldfile.name.endswith(".png") else "image/jpeg"
        suffix = f"-{variant.format}-{variant.width}x{variant.height}"
    inline = request.GET.get("size") == "thumbnail"
    if inline:
        fieldfile, content_type = (image.thumbnail if variant_id is None else variant.thumbnail), "image/jpeg"
    if not fieldfile:
        raise Http404("No such file.")
    try:
        handle = fieldfile.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The file is missing.") from None
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=_download_name(image, fieldfile, suffix),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # The address of a thumbnail never shows another picture; it may stay in this browser's cache.
    response["Cache-Control"] = "private, max-age=3600" if inline else "private, no-store"
    return response
