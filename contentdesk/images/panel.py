"""What the item page shows about its images: thumbnails, their variants, and an upload form."""

from contentdesk.images.forms import ImageUploadForm
from contentdesk.images.selectors import item_images


def item_images_context(item, membership) -> dict:
    """Two queries (the images, then their variants), however many images the item has."""
    can_write = membership is not None and membership.can("content.write")
    return {
        "images_item": item,
        "item_images": item_images(item),
        "item_image_form": (
            ImageUploadForm(company=item.company_id, initial={"item": item.pk, "back": "item"}, auto_id="item-image-%s")
            if can_write
            else None
        ),
    }
