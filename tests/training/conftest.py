import pytest

from tests.handover.factories import EngagementFactory
from tests.training.factories import load_test_curriculum, make_plan


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)


@pytest.fixture
def small_library(db):
    load_test_curriculum()


@pytest.fixture
def plan(small_library, engagement, consultant):
    return make_plan(engagement, consultant)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"
