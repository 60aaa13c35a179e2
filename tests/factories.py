import factory
from django.utils.text import slugify

from engagements.models import Company, Invitation, Membership, User
from engagements.roles import Role
from engagements.services import company_create

PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name", locale="it_IT")
    last_name = factory.Faker("last_name", locale="it_IT")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CompanyFactory(factory.django.DjangoModelFactory):
    """A company with the default business hours, as `company_create` makes it."""

    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Azienda {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    sector = "Meccanica"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return company_create(
            name=kwargs["name"],
            slug=kwargs["slug"],
            sector=kwargs.get("sector", ""),
            language=kwargs.get("language", "it"),
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    company = factory.SubFactory(CompanyFactory)
    role = Role.DIGITAL_MANAGER
    department = factory.LazyAttribute(lambda o: "sales" if o.role == Role.COLLEAGUE else "")


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    company = factory.SubFactory(CompanyFactory)
    email = factory.Sequence(lambda n: f"invited{n}@example.com")
    role = Role.DIGITAL_MANAGER
    language = "it"
