"""The demo's reviews are drafted after everything they sum up has been seeded."""

import io

import pytest
from django.core.management import call_command

from engagements.reviews.figures import review_figures
from engagements.reviews.models import Review
from engagements.reviews.services import month_bounds

pytestmark = pytest.mark.django_db


def test_the_demo_reviews_hold_the_figures_of_the_demo_they_review():
    call_command("seed_demo", stdout=io.StringIO())
    reviews = list(Review.objects.select_related("engagement").filter(engagement__company__slug="officine-berica"))
    assert reviews
    for review in reviews:
        assert review.figures == review_figures(review.engagement, *month_bounds(review.month)), review.month
    last = max(reviews, key=lambda r: r.month)
    assert float(last.figures["budget"]["spent"]) > 0
