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
