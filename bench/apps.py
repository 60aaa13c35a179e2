from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Performance at scale: the `seed_perf` data set and the `bench` measurements."""

    name = "bench"
    label = "bench"
