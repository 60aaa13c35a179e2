"""Reads for the image pages, with what each page needs joined once."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from contentdesk.models import ContentImage, ContentImageVariant


def library_images(company):
    """The company's images, newest first, with their item and how many variants each has.

    The count of variants is a subquery rather than a JOIN with GROUP BY, so that the
    paginator's COUNT(*) stays a plain count of images.
    """
    variants = (
        ContentImageVariant.objects.filter(image=OuterRef("pk"))
        .order_by()
        .values("image")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return (
        ContentImage.objects.for_company(company)
        .select_related("item")
        .annotate(variant_count=Coalesce(Subquery(variants, output_field=IntegerField()), Value(0)))
        .order_by("-created_at", "-pk")
    )


def image_for_page(company, image_id):
    return ContentImage.objects.for_company(company).select_related("item", "uploaded_by").filter(pk=image_id)


def image_variants(image):
    return list(
        ContentImageVariant.objects.filter(image=image).select_related("created_by").order_by("-created_at", "-pk")
    )


def item_images(item):
    """An item's images with their variants: two queries, however many there are."""
    return list(
        ContentImage.objects.filter(item=item, company_id=item.company_id)
        .prefetch_related("variants")
        .order_by("created_at", "pk")
    )
