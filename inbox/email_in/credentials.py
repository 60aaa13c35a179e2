"""Mailbox passwords at rest: Fernet tokens, never the password itself.

The key is derived (HKDF-SHA256) from SECRET_KEY with a purpose of its own, so the database
alone never reveals a password. SECRET_KEY_FALLBACKS are tried when decrypting, as Django
does for signatures: after a key rotation the passwords still work, and are re-encrypted
with the new key at the next save. A token no key can open means "enter the password again".
"""

import base64

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PURPOSE = b"staffetta.inbox.mailbox-credentials"


class CredentialsUnreadable(Exception):
    """No key of this installation opens the stored password."""


def _fernet_key(secret: str) -> bytes:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(secret.encode())
    return base64.urlsafe_b64encode(derived)


def _fernet() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([Fernet(_fernet_key(secret)) for secret in secrets])


def encrypt(password: str) -> str:
    return _fernet().encrypt(password.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError, UnicodeError) as exc:
        raise CredentialsUnreadable("The stored password cannot be decrypted with this installation's keys.") from exc
