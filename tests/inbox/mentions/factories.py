"""Mention rows made directly with the models, for the pages and the figures."""

import hashlib

import factory
from django.utils import timezone

from inbox.mentions.models import Mention, MentionFeed
from tests.factories import CompanyFactory


class MentionFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MentionFeed

    company = factory.SubFactory(CompanyFactory)
    name = factory.Sequence(lambda n: f"Google Alerts {n}")
    url = factory.Sequence(lambda n: f"https://www.google.com/alerts/feeds/0000/{n}")


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    company = factory.SubFactory(CompanyFactory)
    feed = factory.SubFactory(MentionFeedFactory, company=factory.SelfAttribute("..company"))
    link = factory.Sequence(lambda n: f"https://news.example.org/articoli/{n}")
    key = factory.LazyAttribute(lambda o: hashlib.sha256(o.link.encode()).hexdigest())
    title = factory.Sequence(lambda n: f"Officine Test citata nell'articolo {n}")
    source = "news.example.org"
    summary = "Un articolo che parla dell'azienda e dei suoi prodotti in acciaio inox."
    published_at = factory.LazyFunction(timezone.now)
    found_at = factory.LazyFunction(timezone.now)
