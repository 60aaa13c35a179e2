from django.core.management.base import BaseCommand
from django.db import transaction

from engagements.demo import DEMO_COMPANIES, DEMO_PASSWORD, DEMO_USERS
from engagements.models import Company, Membership, User
from engagements.services import company_create


class Command(BaseCommand):
    help = "Create the demo companies and logins (safe to run again: it changes nothing the second time)."

    @transaction.atomic
    def handle(self, *args, **options):
        companies = {}
        for data in DEMO_COMPANIES:
            company = Company.objects.filter(slug=data["slug"]).first()
            if company is None:
                company = company_create(name=data["name"], slug=data["slug"], sector=data["sector"])
                self.stdout.write(f"Created company {company.name}")
            companies[data["slug"]] = company

        for email, first_name, last_name, roles in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name
                )
                self.stdout.write(f"Created login {email}")
            for slug, role, department in roles:
                Membership.objects.get_or_create(
                    user=user, company=companies[slug], defaults={"role": role, "department": department}
                )
        self.stdout.write(self.style.SUCCESS("Demo data ready."))
