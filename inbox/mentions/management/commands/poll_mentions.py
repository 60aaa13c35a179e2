from django.core.management.base import BaseCommand, CommandError

from engagements.models import Company
from inbox.mentions.services import mention_feeds_poll_due


class Command(BaseCommand):
    help = "Read the watched web mention feeds that are due and store their new entries."

    def add_arguments(self, parser):
        parser.add_argument("--company", metavar="SLUG", help="Only the feeds of this company.")
        parser.add_argument("--force", action="store_true", help="Read every active feed, even if read recently.")

    def handle(self, *args, company=None, force=False, **options):
        scope = None
        if company:
            scope = Company.objects.filter(slug=company).first()
            if scope is None:
                raise CommandError(f"No company with the address {company!r}.")
        results = mention_feeds_poll_due(company=scope, force=force)
        failed = [result for result in results if result.problem]
        stored = sum(result.stored for result in results)
        self.stdout.write(f"{len(results)} feed(s) read, {stored} new mention(s), {len(failed)} failed.")
        for result in failed:
            self.stderr.write(f"feed {result.feed_id}: {result.problem}")
