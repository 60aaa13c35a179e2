"""Storing and removing pictures and their variants.

The Pillow work (a few tenths of a second for a 12-megapixel photo, see variants.py) is done
before the transaction, so that no database lock is held while pixels are crunched; files are
written first and removed again if the row cannot be saved, and files of deleted rows are
removed only after the deletion is committed.
"""

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image

from contentdesk.images.variants import Focus, clean_upload, open_upload, render_variant
from contentdesk.models import IMAGE_SIZES, ContentImage, ContentImageVariant


@dataclass
class UploadOutcome:
    stored: list[ContentImage] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def display_name(name: str | None) -> str:
    """The name the user knows the file by, without any folder a browser may send."""
    name = re.sub(r"[\x00-\x1f\x7f]", "", name or "")
    return (PurePosixPath(name.replace("\\", "/")).name or "immagine")[-200:]


def _stem(name: str) -> str:
    return PurePosixPath(name).stem[:80] or "immagine"


def _write(fieldfile, name: str, data: bytes) -> None:
    # Named: an ImageField reads the dimensions from the content it is given, and Django
    # treats a nameless file as no file at all (width and height would become None).
    fieldfile.save(name, ContentFile(data, name=name), save=False)


def _remove_files(storage, names) -> None:
    for name in names:
        if name:
            storage.delete(name)


def _save_with_files(record, files: list[tuple[str, str, bytes]]) -> None:
    """Write the files, then the row; if the row fails, the files go too."""
    written = []
    try:
        for attribute, name, data in files:
            fieldfile = getattr(record, attribute)
            _write(fieldfile, name, data)
            written.append(fieldfile.name)
        with transaction.atomic():
            record.save()
    except BaseException:
        _remove_files(record.file.storage, written)
        raise


def content_image_upload(*, company, user, uploaded, alt_text: str = "", item=None) -> ContentImage:
    """Check one uploaded file by its content, clean it and store it; ValidationError says why not."""
    if item is not None and item.company_id != company.pk:
        raise ValidationError(_("That content item does not exist (any more)."))
    name = display_name(uploaded.name)
    picture = open_upload(uploaded, name)
    try:
        cleaned = clean_upload(picture)
    finally:
        picture.close()
    stem = _stem(name)
    image = ContentImage(
        company=company,
        item=item,
        original_name=name,
        content_type=cleaned.content_type,
        size=len(cleaned.data),
        alt_text=alt_text.strip(),
        uploaded_by=user,
    )
    _save_with_files(
        image,
        [
            ("file", f"{stem}.{cleaned.extension}", cleaned.data),
            ("thumbnail", f"{stem}-anteprima.jpg", cleaned.thumbnail),
        ],
    )
    return image


def content_images_upload(*, company, user, files, alt_text: str = "", item=None) -> UploadOutcome:
    """Store every acceptable file; the others are reported by name with the reason."""
    outcome = UploadOutcome()
    for uploaded in files:
        try:
            outcome.stored.append(
                content_image_upload(company=company, user=user, uploaded=uploaded, alt_text=alt_text, item=item)
            )
        except ValidationError as error:
            outcome.refused.extend(error.messages)
    return outcome


def content_image_variant_create(
    *, image: ContentImage, user, format: str, overlay_text: str = "", focus: str = Focus.CENTRE
) -> ContentImageVariant:
    """Make a channel-sized copy of `image` (synchronously: well under a second, see variants.py)."""
    if format not in IMAGE_SIZES:
        raise ValidationError(_("Choose one of the formats offered."))
    try:
        with image.file.open("rb") as handle, Image.open(handle, formats=["JPEG", "PNG", "WEBP"]) as source:
            rendered = render_variant(source, format, overlay_text=overlay_text, focus=focus)
    except FileNotFoundError:
        raise ValidationError(_("The original file of this image is missing: upload it again.")) from None
    variant = ContentImageVariant(
        image=image,
        company_id=image.company_id,
        format=format,
        overlay_text=overlay_text.strip(),
        created_by=user,
    )
    stem = f"{_stem(image.original_name)}-{format}"
    _save_with_files(
        variant,
        [
            ("file", f"{stem}.{rendered.extension}", rendered.data),
            ("thumbnail", f"{stem}-anteprima.jpg", rendered.thumbnail),
        ],
    )
    return variant


def content_image_variant_delete(*, variant: ContentImageVariant) -> None:
    storage = variant.file.storage
    names = [variant.file.name, variant.thumbnail.name]
    with transaction.atomic():
        variant.delete()
        transaction.on_commit(lambda: _remove_files(storage, names))


def content_image_delete(*, image: ContentImage) -> None:
    """Delete the image, its variants and all their files."""
    storage = image.file.storage
    names = [image.file.name, image.thumbnail.name]
    for variant in image.variants.all():
        names += [variant.file.name, variant.thumbnail.name]
    with transaction.atomic():
        image.delete()
        transaction.on_commit(lambda: _remove_files(storage, names))
