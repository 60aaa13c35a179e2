"""Subscribers from a CSV file (a fair's forms typed into a spreadsheet): check every row first.

Columns, named in Italian or English in any case: email (required), name, organisation,
language, kind (customer or prospect), consent date, consent source. Every row needs a consent
source (its cell, or the default given on the page). One bad row and nothing is imported; the
report says row, column and problem. The file is read as `contentdesk.publishing.results_import`
reads its own: UTF-8 with or without BOM (or Excel's Windows-1252), semicolons or commas.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contentdesk.publishing.results_import import DELIMITERS, FileProblem, Problem, decode_upload, normalise_header
from inbox.models import Contact

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
OLDEST_CONSENT = datetime(2000, 1, 1)

HEADERS: dict[str, set[str]] = {
    "email": {"email", "e mail", "mail", "indirizzo email", "indirizzo e mail", "posta elettronica", "email address"},
    "name": {"name", "nome", "nome e cognome", "nominativo", "full name", "contatto", "referente"},
    "organisation": {"organisation", "organization", "organizzazione", "azienda", "ditta", "societa", "company", "ragione sociale"},
    "language": {"language", "lingua", "lang"},
    "kind": {"kind", "tipo", "tipologia", "cliente o prospect", "type", "customer or prospect"},
    "consent_date": {"consent date", "data consenso", "data del consenso", "consenso il", "data", "date"},
    "consent_source": {
        "consent source", "fonte consenso", "fonte del consenso", "origine consenso", "origine del consenso",
        "fonte", "origine", "source",
    },
}  # fmt: skip
COLUMN_LABELS = {
    "email": gettext_lazy("email"),
    "name": gettext_lazy("name"),
    "organisation": gettext_lazy("organisation"),
    "language": gettext_lazy("language"),
    "kind": gettext_lazy("kind"),
    "consent_date": gettext_lazy("consent date"),
    "consent_source": gettext_lazy("consent source"),
}
TEMPLATE_HEADERS = {
    "it": ["email", "nome", "azienda", "lingua", "tipo", "data consenso", "fonte consenso"],
    "en": ["email", "name", "organisation", "language", "kind", "consent date", "consent source"],
}
KINDS = {
    "cliente": Contact.Kind.CUSTOMER,
    "clienti": Contact.Kind.CUSTOMER,
    "customer": Contact.Kind.CUSTOMER,
    "client": Contact.Kind.CUSTOMER,
    "prospect": Contact.Kind.PROSPECT,
    "potenziale": Contact.Kind.PROSPECT,
    "potenziale cliente": Contact.Kind.PROSPECT,
    "lead": Contact.Kind.PROSPECT,
}
LANGUAGES = {
    "it": "it", "ita": "it", "italiano": "it", "italian": "it",
    "en": "en", "eng": "en", "inglese": "en", "english": "en",
    "de": "de", "tedesco": "de", "german": "de", "deutsch": "de",
    "fr": "fr", "francese": "fr", "french": "fr", "francais": "fr",
    "es": "es", "spagnolo": "es", "spanish": "es", "espanol": "es",
}  # fmt: skip
DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%H.%M")


@dataclass
class SubscriberRow:
    number: int
    email: str
    name: str
    organisation: str
    language: str
    kind: str
    consent_given_at: datetime | None  # None: the moment of the import
    consent_source: str


@dataclass
class ImportCheck:
    rows: list[SubscriberRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    read: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def valid_count(self) -> int:
        bad_rows = {p.row for p in self.problems if p.row is not None}
        return self.read - len(bad_rows) if self.read else 0


def _header_map(header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    found, problems = {}, []
    for index, name in enumerate(header):
        key = normalise_header(name)
        column = next((column for column, names in HEADERS.items() if key in names), None)
        if column is None:
            continue
        if column in found:
            problems.append(
                Problem(1, name, _("A second column for %(what)s: keep only one.") % {"what": COLUMN_LABELS[column]})
            )
        found.setdefault(column, index)
    return found, problems


def _rows(text: str):
    first_line, _newline, rest = text.partition("\n")
    hint = re.match(r"^sep=(.)\s*$", first_line)
    if hint:
        delimiter, text = hint.group(1), rest
    else:

        def score(delimiter):
            header = next(csv.reader([first_line.rstrip("\r")], delimiter=delimiter), [])
            return len(_header_map(header)[0]), len(header)

        delimiter = max(DELIMITERS, key=score)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise FileProblem(_("The file could not be read as CSV (%(error)s).") % {"error": error}) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise FileProblem(_("The file is empty."))
    columns, problems = _header_map(rows[0])
    return rows[1:], columns, rows[0], problems


def parse_consent_date(value: str, tz) -> datetime:
    """A date (and maybe a time) as typed in an Italian spreadsheet; ValueError with the reason."""
    text = " ".join(value.replace("T", " ").split())
    day_text, _space, time_text = text.partition(" ")
    day = None
    for fmt in DATE_FORMATS:
        try:
            day = datetime.strptime(day_text, fmt).date()
            break
        except ValueError:
            continue
    if day is None:
        raise ValueError(_("“%(value)s” is not a date: write it as 14/03/2026.") % {"value": value.strip()[:30]})
    moment = time(12)  # a date without time: midday, so that no time zone moves it to another day
    if time_text:
        for fmt in TIME_FORMATS:
            try:
                moment = datetime.strptime(time_text[:8], fmt).time()
                break
            except ValueError:
                continue
        else:
            raise ValueError(_("“%(value)s” is not a time: write it as 14:30.") % {"value": time_text[:20]})
    given = timezone.make_aware(datetime.combine(day, moment), tz)
    if given > timezone.now() + timedelta(minutes=5):
        raise ValueError(_("The consent date is in the future."))
    if given.replace(tzinfo=None) < OLDEST_CONSENT:
        raise ValueError(_("The consent date is too far in the past."))
    return given


def check_subscribers_file(company, uploaded, *, default_source: str = "") -> ImportCheck:
    """Read and check every row of `uploaded` (a Django UploadedFile); nothing is written."""
    check = ImportCheck()
    if uploaded.size > MAX_BYTES:
        check.problems.append(
            Problem(None, "", _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
        )
        return check
    try:
        rows, columns, header, problems = _rows(decode_upload(uploaded.read(MAX_BYTES + 1)))
    except FileProblem as problem:
        check.problems.append(Problem(None, "", str(problem)))
        return check
    check.problems += problems
    if "email" not in columns:
        check.problems.append(Problem(1, "", _("Missing column: “email”, the subscriber's address.")))
    if "consent_source" not in columns and not default_source.strip():
        check.problems.append(
            Problem(
                1,
                "",
                _(
                    "Missing column: “fonte consenso”, where each person agreed (e.g. “modulo fiera MECSPE 2026”). "
                    "Add it, or write the source for the whole file in the form."
                ),
            )
        )
    numbered = [(number, row) for number, row in enumerate(rows, start=2) if any(cell.strip() for cell in row)]
    check.read = len(numbered)
    if len(numbered) > MAX_ROWS:
        check.problems.append(
            Problem(None, "", _("Too many rows: at most %(max)s per file. Split it in parts.") % {"max": MAX_ROWS})
        )
        return check
    if check.problems:
        return check
    if not numbered:
        check.problems.append(Problem(None, "", _("The file has no subscribers under the header.")))
        return check
    seen: dict[str, int] = {}
    for number, row in numbered:
        values, row_problems = _check_row(row, number, columns, header, company.tzinfo, default_source)
        if values is not None and values.email in seen:
            row_problems.append(
                Problem(
                    number,
                    header[columns["email"]],
                    _("The same address as row %(row)s: give each person once.") % {"row": seen[values.email]},
                )
            )
        if row_problems:
            check.problems += row_problems
        else:
            seen[values.email] = number
            check.rows.append(values)
    return check


def _check_row(row, number, columns, header, tz, default_source) -> tuple[SubscriberRow | None, list[Problem]]:
    def cell(column):
        index = columns.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    def problem(column, message):
        problems.append(Problem(number, header[columns[column]] if column in columns else "", message))

    problems: list[Problem] = []
    email = cell("email").lower()
    if not email:
        problem("email", _("The email address is missing."))
    else:
        try:
            validate_email(email)
        except ValidationError:
            problem("email", _("“%(value)s” is not an email address.") % {"value": email[:80]})
    name, organisation = cell("name"), cell("organisation")
    if len(name) > 160:
        problem("name", _("The name is too long: at most 160 characters."))
    if len(organisation) > 160:
        problem("organisation", _("The organisation is too long: at most 160 characters."))
    language = ""
    if cell("language"):
        language = LANGUAGES.get(normalise_header(cell("language")), "")
        if not language:
            problem(
                "language",
                _("“%(value)s” is not a language we know: write it, en, de, fr or es.")
                % {"value": cell("language")[:30]},
            )
    kind = ""
    if cell("kind"):
        kind = KINDS.get(normalise_header(cell("kind")), "")
        if not kind:
            problem("kind", _("“%(value)s” is neither “cliente” nor “prospect”.") % {"value": cell("kind")[:30]})
    given_at = None
    if cell("consent_date"):
        try:
            given_at = parse_consent_date(cell("consent_date"), tz)
        except ValueError as error:
            problem("consent_date", str(error))
    source = cell("consent_source") or default_source.strip()
    if not source:
        problem("consent_source", _("Where did this person agree? The consent source is missing."))
    elif len(source) > 200:
        problem("consent_source", _("The consent source is too long: at most 200 characters."))
    if problems:
        return None, problems
    return SubscriberRow(number, email, name, organisation, language, kind, given_at, source), []
