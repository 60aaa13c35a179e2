"""An email's attachments under the inbox's limits (size, kind, number: inbox.attachments).

A file over a limit is not stored, and the message says so in the company's language:
nothing disappears without a word.
"""

from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inbox.attachments import MAX_FILES, attachment_problem


def prepare_attachments(parsed) -> tuple[list[ContentFile], list[str]]:
    """(files to store, notes about the ones left out); call in the company's language."""
    files, notes = [], []
    for attachment in parsed.attachments:
        upload = ContentFile(attachment.data, name=attachment.filename)
        problem = attachment_problem(upload)
        if problem is None and len(files) >= MAX_FILES:
            problem = _("“%(name)s” was not saved: at most %(count)s attachments are kept per message.") % {
                "name": attachment.filename,
                "count": MAX_FILES,
            }
        if problem is not None:
            notes.append(_("Attachment not saved: %(problem)s") % {"problem": problem})
            continue
        files.append(upload)
    if parsed.unread_parts:
        notes.append(
            ngettext(
                "%(count)s part of this email could not be read (too deeply nested or too many parts).",
                "%(count)s parts of this email could not be read (too deeply nested or too many parts).",
                parsed.unread_parts,
            )
            % {"count": parsed.unread_parts}
        )
    return files, notes
