from django.core.management.base import BaseCommand

from training.library import curriculum_load


class Command(BaseCommand):
    help = (
        "Load the default curriculum (competencies, modules, lessons, assignments, resources) into the "
        "training library. Safe to run again: it updates the library in place; plans keep their own copies."
    )

    def handle(self, *args, **options):
        report = curriculum_load()
        self.stdout.write(self.style.SUCCESS(f"Curriculum library: {report}."))
