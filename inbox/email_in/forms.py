"""The email channel's settings and its IMAP mailbox, checked against the real server."""

from django import forms
from django.db.models.functions import Lower
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from inbox.email_in.fetch import FIRST_SYNC_DAYS
from inbox.email_in.imap import ImapProblem, imap_check
from inbox.email_in.models import Mailbox
from inbox.mail.compose import inbound_domain
from inbox.models import IntakeChannel

Problem = Mailbox.Problem
# Which field an IMAP problem is about, so the message sits next to it.
PROBLEM_FIELDS = {
    Problem.CONNECT: "host",
    Problem.TLS: "security",
    Problem.LOGIN: "password",
    Problem.FOLDER: "folder",
}
PROBLEM_MESSAGES = {
    Problem.CONNECT: _(
        "We could not reach the IMAP server at this address and port: check the server name, the port and the security."
    ),
    Problem.TLS: _("The secure connection to the server failed: check the port and the kind of security."),
    Problem.LOGIN: _("The server refused the user name or the password: check them and try again."),
    Problem.FOLDER: _("This folder does not exist on the server: leave INBOX if unsure."),
    Problem.OTHER: _("The server answered in an unexpected way: check the settings or try again later."),
}


class EmailChannelForm(forms.ModelForm):
    class Meta:
        model = IntakeChannel
        fields = ["name", "address", "auto_acknowledge", "is_active"]
        help_texts = {
            "address": _("The address your customers write to, e.g. info@yourcompany.it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["address"].required = True
        if self.instance.pk is None:
            del self.fields["is_active"]

    def clean_address(self):
        address = self.cleaned_data["address"].strip().lower()
        if address.endswith("@" + inbound_domain().lower()):
            raise forms.ValidationError(
                _("Addresses at %(domain)s are reserved for the replies to our emails: choose another one."),
                params={"domain": inbound_domain()},
            )
        taken = (
            IntakeChannel.objects.alias(address_lower=Lower("address"))
            .filter(address_lower=address)
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError(_("This address is already used by another channel."))
        return address


class MailboxForm(forms.Form):
    """Optional: fetch the channel's mail from an IMAP mailbox. Saved only if the server lets us in."""

    use_imap = forms.BooleanField(label=_("Fetch the mail from an IMAP mailbox"), required=False)
    host = forms.CharField(label=_("IMAP server"), max_length=255, required=False)
    security = forms.ChoiceField(
        label=_("Security"), choices=Mailbox.Security.choices, initial=Mailbox.Security.SSL, required=False
    )
    port = forms.IntegerField(label=_("Port"), min_value=1, max_value=65535, initial=993, required=False)
    username = forms.CharField(label=_("User name"), max_length=255, required=False)
    password = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    folder = forms.CharField(label=_("Folder"), max_length=200, initial="INBOX", required=False)
    is_active = forms.BooleanField(label=_("Fetch periodically"), required=False, initial=True)

    def __init__(self, *args, mailbox: Mailbox | None = None, check_server: bool = True, **kwargs):
        self.mailbox = mailbox
        self.check_server = check_server
        if mailbox is not None and not args and "initial" not in kwargs:
            kwargs["initial"] = {
                "use_imap": True,
                "host": mailbox.host,
                "security": mailbox.security,
                "port": mailbox.port,
                "username": mailbox.username,
                "folder": mailbox.folder,
                "is_active": mailbox.is_active,
            }
        super().__init__(*args, **kwargs)
        self.fields["use_imap"].help_text = gettext(
            "Every minute Staffetta reads the new messages of the folder and marks them as read once stored. "
            "The first time, it takes the messages of the last %(days)s days."
        ) % {"days": FIRST_SYNC_DAYS}
        if mailbox is not None:
            self.fields["password"].help_text = _("Leave it empty to keep the stored password.")

    def clean(self):
        data = super().clean()
        if not data.get("use_imap"):
            return data
        for name in ("host", "username"):
            if not (data.get(name) or "").strip():
                self.add_error(name, _("Needed to fetch the mail."))
        if not data.get("password") and self.mailbox is None:
            self.add_error("password", _("Needed to fetch the mail."))
        if self.errors or not self.check_server:
            return data
        data["security"] = data.get("security") or Mailbox.Security.SSL
        data["port"] = data.get("port") or (993 if data["security"] == Mailbox.Security.SSL else 143)
        data["host"] = data["host"].strip()
        data["username"] = data["username"].strip()
        data["folder"] = (data.get("folder") or "INBOX").strip() or "INBOX"
        if not data.get("password"):
            from inbox.email_in.credentials import CredentialsUnreadable, decrypt

            try:
                data["password"] = decrypt(self.mailbox.password_encrypted)
            except CredentialsUnreadable:
                self.add_error("password", _("The stored password can no longer be read: enter it again."))
                return data
        try:
            imap_check(
                host=data["host"],
                port=data["port"],
                security=data["security"],
                username=data["username"],
                password=data["password"],
                folder=data["folder"],
            )
        except ImapProblem as problem:
            self.add_error(PROBLEM_FIELDS.get(problem.code), PROBLEM_MESSAGES.get(problem.code, problem.detail))
        return data
