from django.core.management.base import BaseCommand, CommandError

from engagements.models import Company
from reports.period import Month
from reports.services import monthly_report_generate, previous_month


class Command(BaseCommand):
    help = "Generate the monthly result reports that are missing (by default: last month, every company)."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="The month, as YYYY-MM (default: the previous month of each company).")
        parser.add_argument("--company", help="The slug of one company (default: every company with an engagement).")

    def handle(self, *args, month=None, company=None, **options):
        chosen = None
        if month:
            chosen = Month.parse(month)
            if chosen is None:
                raise CommandError(f"“{month}” is not a month such as 2026-11.")
        companies = Company.objects.filter(is_active=True, engagements__isnull=False).distinct()
        if company:
            companies = Company.objects.filter(slug=company)
            if not companies.exists():
                raise CommandError(f"No company with the slug “{company}”.")
        generated = 0
        for each in companies:
            _report, changed = monthly_report_generate(company=each, month=chosen or previous_month(each))
            generated += changed
        self.stdout.write(f"{generated} report(s) generated.")
