"""Results of published items from a CSV file: read, check every row, and only then apply.

The file comes from a spreadsheet or a network's export, so it is read the way Italian
offices write it: UTF-8 with or without BOM (or Excel's Windows-1252), columns separated by
semicolons or commas, numbers with thousands separators ("1.234"), header names in Italian
or English in any case. Each row names a published item by its address or by its code
(``sf-<id>``, the utm_content of its tracked link). One bad row and nothing is imported.
"""

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import filetype
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contentdesk.models import ContentItem

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
# PositiveIntegerField holds up to 2,147,483,647; a reach beyond this is a typo.
MAX_NUMBER = 2_000_000_000
RESULT_FIELDS = ("reach", "clicks", "enquiries")
DELIMITERS = (";", ",", "\t")

# Header names as people write them, compared without case, accents, "_" or "-".
HEADERS: dict[str, set[str]] = {
    "url": {
        "url", "published url", "url pubblicato", "url pubblicazione", "url del post", "indirizzo",
        "indirizzo pubblicato", "indirizzo del post", "link", "link del post", "permalink", "post url", "post link",
    },
    "code": {"codice", "code", "utm content", "utmcontent", "id", "id staffetta", "codice staffetta", "staffetta id"},
    "reach": {"reach", "copertura", "persone raggiunte", "utenti raggiunti", "raggiunti", "portata"},
    "clicks": {"clicks", "click", "clic", "clic sul link", "clic sui link", "link clicks", "clics"},
    "enquiries": {
        "enquiries", "enquiries reported", "inquiries", "leads", "lead", "richieste", "richieste segnalate",
        "richieste di contatto", "contatti",
    },
}  # fmt: skip
COLUMN_LABELS = {
    "url": gettext_lazy("address"),
    "code": gettext_lazy("code"),
    "reach": gettext_lazy("reach"),
    "clicks": gettext_lazy("clicks"),
    "enquiries": gettext_lazy("enquiries"),
}
CODE_PATTERN = re.compile(r"^(?:sf-?)?(\d{1,10})$", re.IGNORECASE)
PLAIN = re.compile(r"^\d+$")
ITALIAN_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,0+)?$")
ENGLISH_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.0+)?$")
ZERO_DECIMALS = re.compile(r"^\d+[.,]0+$")
SPACES = re.compile(r"[\s\u00a0\u202f']+")


@dataclass
class Problem:
    row: int | None  # the spreadsheet's row number (the header is row 1); None for the whole file
    column: str
    message: str


@dataclass
class ImportCheck:
    rows: list[dict] = field(default_factory=list)  # valid rows: item_id and the results given
    problems: list[Problem] = field(default_factory=list)
    read: int = 0  # data rows read (blank lines skipped)
    columns: list[str] = field(default_factory=list)  # what was recognised: "url", "reach"…

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def valid_count(self) -> int:
        bad_rows = {p.row for p in self.problems if p.row is not None}
        return self.read - len(bad_rows) if self.read else 0


class FileProblem(Exception):
    pass


def normalise_header(value: str) -> str:
    text = unicodedata.normalize("NFKD", value.strip().lstrip("\ufeff")).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[_\-./:]+", " ", text.lower()).split())


def normalise_url(value: str) -> str:
    """Addresses compared the way people copy them: case of the host, a final "/", UTM tags."""
    parts = urlsplit(value.strip())
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")]
    )
    path = parts.path.rstrip("/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def parse_number(value: str) -> int:
    """A whole, non-negative number as typed in a spreadsheet; ValueError with the reason."""
    text = SPACES.sub("", value)
    if text.startswith("-") or text.startswith("\u2212"):
        raise ValueError(_("A negative number is not allowed."))
    if PLAIN.match(text):
        number = int(text)
    elif ITALIAN_THOUSANDS.match(text):
        number = int(text.split(",")[0].replace(".", ""))
    elif ENGLISH_THOUSANDS.match(text):
        number = int(text.split(".")[0].replace(",", ""))
    elif ZERO_DECIMALS.match(text):
        number = int(re.split(r"[.,]", text)[0])
    elif re.match(r"^\d+[.,]\d+$", text):
        raise ValueError(_("Give a whole number, without decimals."))
    else:
        raise ValueError(_("“%(value)s” is not a number.") % {"value": value.strip()[:30]})
    if number > MAX_NUMBER:
        raise ValueError(_("The number is too large."))
    return number


def decode_upload(data: bytes) -> str:
    """The text of a CSV upload. The content decides: a spreadsheet, PDF or picture named .csv is
    refused with a message saying so, before cp1252 (which decodes nearly any byte) turns it into noise."""
    head = data[:8192]
    kind = filetype.guess(head)
    if kind is not None or b"\x00" in head:
        raise FileProblem(
            _("The file is not a CSV but a binary file (%(kind)s): save it as “CSV UTF-8” and try again.")
            % {"kind": kind.extension.upper() if kind else _("unknown kind")}
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel's "CSV" on Italian Windows; decodes nearly any byte, so it is the last resort.
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise FileProblem(_("The file is not readable text: save it as “CSV UTF-8” and try again.")) from None


def _header_map(header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    found: dict[str, int] = {}
    problems = []
    for index, name in enumerate(header):
        key = normalise_header(name)
        column = next((column for column, names in HEADERS.items() if key in names), None)
        if column is None:
            continue  # exports carry many other columns: they are ignored
        if column in found:
            problems.append(
                Problem(1, name, _("A second column for %(what)s: keep only one.") % {"what": COLUMN_LABELS[column]})
            )
        found.setdefault(column, index)
    return found, problems


def _delimiter(first_line: str) -> str:
    """The separator under which the header has the most known columns (then the most columns)."""

    def score(delimiter):
        header = next(csv.reader([first_line], delimiter=delimiter), [])
        return len(_header_map(header)[0]), len(header)

    return max(DELIMITERS, key=score)


def _rows(text: str) -> tuple[list[list[str]], dict[str, int], list[str], list[Problem]]:
    """The rows, the recognised columns and the header, read with the separator that fits best."""
    first_line, _newline, rest = text.partition("\n")
    hint = re.match(r"^sep=(.)\s*$", first_line)
    if hint:
        # Excel's own hint ("sep=;") on a line of its own, which Excel hides: the header follows.
        delimiter, text = hint.group(1), rest
    else:
        delimiter = _delimiter(first_line.rstrip("\r"))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise FileProblem(_("The file could not be read as CSV (%(error)s).") % {"error": error}) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise FileProblem(_("The file is empty."))
    header = rows[0]
    columns, problems = _header_map(header)
    return rows[1:], columns, header, problems


def _missing_columns(columns: dict[str, int]) -> list[Problem]:
    problems = []
    if "url" not in columns and "code" not in columns:
        problems.append(
            Problem(
                1,
                "",
                _("Missing column: the item's address (“url”) or its code (“codice”, e.g. sf-123)."),
            )
        )
    if not any(name in columns for name in RESULT_FIELDS):
        problems.append(Problem(1, "", _("Missing columns: at least one of “copertura”, “clic”, “richieste”.")))
    return problems


class _Items:
    """The company's items, loaded once: by id (all statuses) and by published address."""

    def __init__(self, company, codes: set[int]):
        items = ContentItem.objects.for_company(company).only("pk", "title", "status", "published_url")
        self.by_id = {item.pk: item for item in items.filter(pk__in=codes)} if codes else {}
        self.by_url = {
            normalise_url(item.published_url): item
            for item in items.filter(status=ContentItem.Status.PUBLISHED).exclude(published_url="")
        }


def check_results_file(company, uploaded) -> ImportCheck:
    """Read and check every row of `uploaded` (a Django UploadedFile) against `company`'s items."""
    check = ImportCheck()
    if uploaded.size > MAX_BYTES:
        check.problems.append(
            Problem(None, "", _("The file is too large: at most %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)})
        )
        return check
    try:
        text = decode_upload(uploaded.read(MAX_BYTES + 1))
        rows, columns, header, problems = _rows(text)
    except FileProblem as problem:
        check.problems.append(Problem(None, "", str(problem)))
        return check
    check.columns = list(columns)
    check.problems += problems + _missing_columns(columns)
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
        check.problems.append(Problem(None, "", _("The file has no rows of results under the header.")))
        return check

    def cell(row, column):
        index = columns.get(column)
        return row[index].strip() if index is not None and index < len(row) else ""

    codes = set()
    for _number, row in numbered:
        match = CODE_PATTERN.match(cell(row, "code"))
        if match:
            codes.add(int(match.group(1)))
    items = _Items(company, codes)
    seen: dict[int, int] = {}
    for number, row in numbered:
        values, row_problems = _check_row(row, number, columns, header, items, cell)
        if not row_problems and values["item_id"] in seen:
            row_problems.append(
                Problem(
                    number,
                    header[columns.get("code", columns.get("url", 0))],
                    _("The same item as row %(row)s: give each item once.") % {"row": seen[values["item_id"]]},
                )
            )
        if row_problems:
            check.problems += row_problems
        else:
            seen[values["item_id"]] = number
            check.rows.append(values)
    return check


def _check_row(row, number, columns, header, items: _Items, cell) -> tuple[dict, list[Problem]]:
    problems = []
    item = None
    code, url = cell(row, "code"), cell(row, "url")
    if code:
        match = CODE_PATTERN.match(code)
        if not match:
            problems.append(
                Problem(
                    number,
                    header[columns["code"]],
                    _("“%(value)s” is not an item code such as sf-123.") % {"value": code[:40]},
                )
            )
        else:
            item = items.by_id.get(int(match.group(1)))
            if item is None:
                problems.append(
                    Problem(
                        number,
                        header[columns["code"]],
                        _("No item of the company has code %(code)s.") % {"code": code[:40]},
                    )
                )
    if url and not problems:
        by_url = items.by_url.get(normalise_url(url))
        if by_url is None and item is None:
            problems.append(
                Problem(
                    number,
                    header[columns["url"]],
                    _("No published item has this address: %(url)s") % {"url": url[:120]},
                )
            )
        elif by_url is not None and item is not None and by_url.pk != item.pk:
            problems.append(
                Problem(number, header[columns["url"]], _("The address and the code name two different items."))
            )
        item = item or by_url
    if not code and not url:
        column = "code" if "code" in columns else "url"
        problems.append(Problem(number, header[columns[column]], _("Give the item's address or its code.")))
    if item is not None and not problems and item.status != ContentItem.Status.PUBLISHED:
        problems.append(
            Problem(
                number,
                header[columns.get("code", columns.get("url"))],
                _("“%(title)s” is not published yet: results are recorded for published items.")
                % {"title": item.title[:80]},
            )
        )
    values = {"item_id": item.pk if item is not None else None}
    for name in RESULT_FIELDS:
        if name not in columns:
            continue
        raw = cell(row, name)
        if not raw:
            continue  # an empty cell keeps what is recorded
        try:
            values[name] = parse_number(raw)
        except ValueError as error:
            problems.append(Problem(number, header[columns[name]], str(error)))
    return values, problems
