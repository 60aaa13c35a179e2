"""Newsletter rows made directly with the models, for the newsletter's tests."""

from datetime import timedelta

import factory
from django.utils import timezone

from contentdesk.models import NewsletterList, NewsletterSegment, Subscription
from tests.factories import CompanyFactory
from tests.inbox.factories import ContactFactory

CONSENT_TEXT = "Desidero ricevere la newsletter via email. Posso cancellarmi in ogni momento."


class NewsletterListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterList

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Clienti e prospect {n}")
    allowed_origins = "https://www.officine-test.example"


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """Subscribed with a consent collected at a fair, unless told otherwise."""

    class Meta:
        model = Subscription

    newsletter_list = factory.SubFactory(NewsletterListFactory)
    company = factory.SelfAttribute("newsletter_list.company")
    contact = factory.SubFactory(
        ContactFactory, company=factory.SelfAttribute("..newsletter_list.company"), marketing_consent=True
    )
    status = Subscription.Status.SUBSCRIBED
    method = Subscription.Method.IMPORT
    consent_text = CONSENT_TEXT
    consent_source = "Modulo fiera MECSPE 2026"
    consent_given_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))

    class Params:
        pending = factory.Trait(
            status=Subscription.Status.PENDING,
            method=Subscription.Method.FORM,
            consent_given_at=None,
            requested_at=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1)),
        )


class NewsletterSegmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterSegment
        skip_postgeneration_save = True

    newsletter_list = factory.SubFactory(NewsletterListFactory)
    company = factory.SelfAttribute("newsletter_list.company")
    name = factory.Sequence(lambda n: f"Segmento {n}")

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.set(extracted)
