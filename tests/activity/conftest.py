"""Rows the activity tests share: an engagement with a training plan (for assessments and the
handover board), taken from the training tests."""

from tests.training.conftest import engagement, plan, small_library  # noqa: F401
