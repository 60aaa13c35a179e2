from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from bench.seed import COMPANIES, seed_perf


class Command(BaseCommand):
    help = (
        "Create the benchmark data set: 50 companies, the largest with 150,000 conversations and "
        "600,000 messages (see bench/seed.py). Meant for a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--size", type=float, default=1.0, help="Scale of the data set (1 = full size).")
        parser.add_argument("--companies", type=int, default=COMPANIES, help="How many companies.")

    def handle(self, *args, size, companies, **options):
        if not 0 < size <= 10:
            raise CommandError("--size must be more than 0 and at most 10.")
        if not 1 <= companies <= 500:
            raise CommandError("--companies must be between 1 and 500.")
        call_command("load_curriculum", verbosity=0)  # the training plans copy it
        seed_perf(scale=size, companies=companies, out=self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Benchmark data ready."))
