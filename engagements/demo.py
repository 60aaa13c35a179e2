"""The demo's companies and logins, shared by `seed_demo` and the login page."""

from django.utils.translation import gettext_lazy as _

DEMO_PASSWORD = "staffetta-demo"

DEMO_COMPANIES = [
    {
        "slug": "officine-berica",
        "name": "Officine Berica",
        "sector": "Componenti tecnici B2B, Vicenza",
    },
    {
        "slug": "tessiture-astico",
        "name": "Tessiture Astico",
        "sector": "Tessuti tecnici, Alto Vicentino",
    },
]

# (email, first name, last name, [(company slug, role, department)])
DEMO_USERS = [
    ("titolare@officine-berica.example", "Giovanni", "Berica", [("officine-berica", "owner", "")]),
    ("digital@officine-berica.example", "Chiara", "Dal Lago", [("officine-berica", "digital_manager", "")]),
    (
        "consulente@staffetta.example",
        "Marco",
        "Soffiato",
        [("officine-berica", "consultant", ""), ("tessiture-astico", "consultant", "")],
    ),
    ("vendite@officine-berica.example", "Luca", "Zanon", [("officine-berica", "colleague", "sales")]),
    ("titolare@tessiture-astico.example", "Elena", "Astico", [("tessiture-astico", "owner", "")]),
]

DEMO_LOGIN_LABELS = {
    "titolare@officine-berica.example": _("Owner, Officine Berica"),
    "digital@officine-berica.example": _("Digital manager, Officine Berica"),
    "consulente@staffetta.example": _("Consultant, both companies"),
    "vendite@officine-berica.example": _("Sales colleague, Officine Berica"),
    "titolare@tessiture-astico.example": _("Owner, Tessiture Astico"),
}


def demo_logins_if_loaded() -> list[dict]:
    """The demo logins, shown on the login page only while the demo data is present."""
    from engagements.models import Company

    if not Company.objects.filter(slug=DEMO_COMPANIES[0]["slug"]).exists():
        return []
    return [{"email": email, "label": DEMO_LOGIN_LABELS[email]} for email, *_rest in DEMO_USERS]


def seed_demo_second_factor() -> None:
    """Demo logins who must use two-factor sign-in get an authenticator device (its codes are
    out of reach of a newcomer: `rundemo` prints a fresh recovery code for each of them)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from engagements.models import User
    from engagements.twofactor import DEVICE_NAME, two_factor_required

    for user in User.objects.filter(email__in=[email for email, *_rest in DEMO_USERS]):
        if two_factor_required(user) and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)


def demo_recovery_codes() -> dict[str, str]:
    """A fresh single-use recovery code for each demo login with a device (new at each start)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from engagements.twofactor import recovery_codes_renew

    emails = [email for email, *_rest in DEMO_USERS]
    codes = {}
    for device in TOTPDevice.objects.filter(user__email__in=emails, confirmed=True).select_related("user"):
        codes[device.user.email] = recovery_codes_renew(device.user, announce=False)[0]
    return codes
