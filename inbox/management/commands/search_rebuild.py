"""Build the inbox search documents again: `manage.py search_rebuild [--company SLUG]`.

PostgreSQL keeps them up to date by itself (triggers, see inbox.search); this is for rows
loaded while the triggers were switched off, or to repair. Nothing to do on SQLite.
"""

from django.core.management.base import BaseCommand, CommandError

from engagements.models import Company
from inbox.search import documents_rebuild


class Command(BaseCommand):
    help = "Build the inbox full-text search documents again (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--company", help="Only this company (its slug).")

    def handle(self, *args, company=None, **options):
        target = None
        if company:
            target = Company.objects.filter(slug=company).first()
            if target is None:
                raise CommandError(f"No company with the slug {company!r}.")
        written = documents_rebuild(target)
        self.stdout.write(f"{written} search document(s) written.")
