from dateutil.relativedelta import relativedelta
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from contentdesk.newsletter.demo import seed_demo_newsletter
from contentdesk.publishing.demo import seed_demo_content
from engagements.budgets.demo import seed_demo_budgets
from engagements.demo import DEMO_COMPANIES, DEMO_PASSWORD, DEMO_USERS, seed_demo_second_factor
from engagements.handover.demo import seed_demo_handover
from engagements.manual.demo import seed_demo_manual
from engagements.models import Company, Membership, User
from engagements.plan.demo import seed_demo_engagement
from engagements.readiness.demo import seed_demo_readiness
from engagements.reviews.demo import seed_demo_reviews
from engagements.schedule.demo import seed_demo_schedule
from engagements.services import company_create
from inbox.demo import seed_demo_inbox
from inbox.mentions.demo import seed_demo_mentions
from inbox.services import channels_ensure_defaults
from reports.baseline_demo import seed_demo_baseline
from reports.demo import seed_demo_reports
from training.demo import seed_demo_training


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

        users = {}
        for email, first_name, last_name, roles in DEMO_USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email=email, password=DEMO_PASSWORD, first_name=first_name, last_name=last_name
                )
                self.stdout.write(f"Created login {email}")
            users[email] = user
            for slug, role, department in roles:
                Membership.objects.get_or_create(
                    user=user, company=companies[slug], defaults={"role": role, "department": department}
                )

        self._seed_engagements(companies, users)
        # Owners and the consultant sign in with a second factor (rundemo prints a code for each).
        seed_demo_second_factor()
        # The operations manual: whys and owners of what the demos above set up.
        seed_demo_manual(companies["officine-berica"])
        self.stdout.write(self.style.SUCCESS("Demo data ready."))

    def _seed_engagements(self, companies, users):
        consultant = users["consulente@staffetta.example"]
        berica, astico = companies["officine-berica"], companies["tessiture-astico"]
        owner = users["titolare@officine-berica.example"]
        trainee = users["digital@officine-berica.example"]
        today = timezone.localdate(timezone=berica.tzinfo)

        # Officine Berica: month 4 of a 7-month engagement, with everything it has produced.
        engagement = seed_demo_engagement(berica, consultant=consultant, trainee=trainee, today=today, month=4)
        seed_demo_schedule(berica, trainee=trainee, start=engagement.starts_on)
        seed_demo_readiness(
            berica, consultant=consultant, taken_on=engagement.starts_on - relativedelta(years=3), scores="earlier"
        )
        seed_demo_readiness(
            berica, consultant=consultant, taken_on=engagement.starts_on + relativedelta(days=10), scores="initial"
        )
        seed_demo_handover(engagement, consultant=consultant, today=today)
        seed_demo_budgets(berica, digital_manager=trainee, owner=owner, today=today)

        # The inbox: channels for both companies, six months of enquiries for Officine Berica.
        for company in (berica, astico):
            for channel in channels_ensure_defaults(company):
                if channel.kind == channel.Kind.FORM and not channel.allowed_origins:
                    channel.allowed_origins = f"https://www.{company.slug}.example"
                    channel.save(update_fields=["allowed_origins"])
        seed_demo_inbox(
            berica,
            digital_manager=trainee,
            consultant=consultant,
            colleague_sales=users["vendite@officine-berica.example"],
            today=today,
        )
        seed_demo_mentions(berica)
        # The content calendar; after the inbox, whose website enquiries it attributes to posts.
        seed_demo_content(berica)
        seed_demo_content(astico)
        seed_demo_newsletter(berica)
        # The trainee's plan; after the inbox and the calendar, whose work its rules read.
        seed_demo_training(berica)

        # Tessiture Astico: month 1, the audit has just begun (no digital manager yet).
        seed_demo_engagement(astico, consultant=consultant, trainee=None, today=today, month=1)

        # Last: the past reviews and monthly reports freeze the figures every demo above has made
        # (before the budgets and the inbox were seeded, October's review showed no spend at all).
        seed_demo_reviews(engagement, consultant=consultant, owner=owner, trainee=trainee, today=today)
        seed_demo_reports(berica, today=today)
        seed_demo_baseline(berica)
