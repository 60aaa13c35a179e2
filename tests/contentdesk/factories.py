"""Content desk rows made directly with the models, shared by the content desk's tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from contentdesk.models import Cadence, CalendarFeed, ChannelKind, ContentChannel, ContentComment, ContentItem
from tests.factories import CompanyFactory


class ContentChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentChannel

    company = factory.SubFactory(CompanyFactory)
    kind = ChannelKind.LINKEDIN
    name = factory.Sequence(lambda n: f"LinkedIn {n}")


class ContentItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentItem

    company = factory.SubFactory(CompanyFactory)
    channel = factory.SubFactory(ContentChannelFactory, company=factory.SelfAttribute("..company"))
    title = factory.Sequence(lambda n: f"Nuova valvola a sfera, puntata {n}")
    brief = "Presentare la gamma ai manutentori."
    body = "La nuova **valvola a sfera** arriva a magazzino."
    status = ContentItem.Status.DRAFT
    scheduled_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))

    class Params:
        published = factory.Trait(
            status=ContentItem.Status.PUBLISHED,
            scheduled_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=3)),
            published_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=3)),
            published_url="https://www.linkedin.com/feed/update/urn:li:activity:1",
        )


class ContentCommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContentComment

    item = factory.SubFactory(ContentItemFactory)
    body = "Aggiungerei il link alla scheda tecnica."


class CadenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cadence

    company = factory.SubFactory(CompanyFactory)
    channel = factory.SubFactory(ContentChannelFactory, company=factory.SelfAttribute("..company"))
    label = "LinkedIn martedì e giovedì"
    rule = "FREQ=WEEKLY;BYDAY=TU,TH"
    time_of_day = "10:00"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=60))


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    company = factory.SubFactory(CompanyFactory)
    user = None


class ContentImageFactory(factory.django.DjangoModelFactory):
    """An uploaded picture with its thumbnail: real JPEG files, written under MEDIA_ROOT (point it
    at a temporary folder in the test)."""

    class Meta:
        model = "contentdesk.ContentImage"

    company = factory.SubFactory(CompanyFactory)
    item = None
    file = factory.django.ImageField(width=640, height=480, color="steelblue", format="JPEG", filename="officina.jpg")
    thumbnail = factory.django.ImageField(
        width=400, height=300, color="steelblue", format="JPEG", filename="officina-anteprima.jpg"
    )
    original_name = "officina.jpg"
    content_type = "image/jpeg"
    size = factory.LazyAttribute(lambda image: image.file.size)


class ContentImageVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "contentdesk.ContentImageVariant"

    image = factory.SubFactory(ContentImageFactory)
    company = factory.SelfAttribute("image.company")
    format = "landscape"
    file = factory.django.ImageField(
        width=1200, height=630, color="steelblue", format="JPEG", filename="officina-landscape.jpg"
    )
    thumbnail = factory.django.ImageField(
        width=400, height=210, color="steelblue", format="JPEG", filename="officina-landscape-anteprima.jpg"
    )
