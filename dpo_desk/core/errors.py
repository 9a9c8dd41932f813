"""Known error conditions. Services raise these; the UI and the CLI turn them into messages.

Anything that is not a ``KnownError`` is a bug.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .messages import Message


class KnownError(Exception):
    """An expected condition with a message fit to show the DPO (one clear sentence).

    ``message`` is the English sentence. Raised with a :class:`~dpo_desk.core.messages.Message`
    (or with ``template=`` and ``params=``), the error also carries the English ``template`` and
    its ``params``, so the window and the command line can say it in the user's language
    (:func:`dpo_desk.core.messages.translate`). ``str(exc)`` stays the English sentence.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        template: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> None:
        if template is not None:
            message = Message(template, **dict(params or {}))
        elif message is None:
            raise TypeError("KnownError needs a message or a template")
        super().__init__(message)
        self.message: str = message
        self.template: str | None = message.template if isinstance(message, Message) else None
        self.params: Mapping[str, Any] = (
            dict(message.params) if isinstance(message, Message) else {}
        )

    def __str__(self) -> str:
        return str.__str__(self.message)


class InvalidInput(KnownError):
    """A value given by the user or a file is not acceptable."""


class NotFound(KnownError):
    """A case, controller, attachment or letter does not exist."""


class InvalidTransition(KnownError):
    """A case cannot move from its status to the one asked for."""


class UnknownJurisdiction(InvalidInput):
    pass


class UnknownRequestKind(InvalidInput):
    pass


class NoRuleForKind(KnownError):
    """The jurisdiction has no rule for this request kind (the right does not exist there)."""


class ExtensionNotAllowed(KnownError):
    pass


# --- case file -------------------------------------------------------------------------------


class CaseFileError(KnownError):
    pass


class WrongKey(CaseFileError):
    """The key or passphrase does not open the file, or the file is not a case file."""


class CaseFileLocked(CaseFileError):
    """Another process holds the case file."""


class CaseFileNotFound(CaseFileError):
    pass


class CaseFileExists(CaseFileError):
    pass


class NewerSchema(CaseFileError):
    """The file was written by a newer DPO Desk."""


class UnsupportedSQLCipher(CaseFileError):
    pass


class KeyUnavailable(CaseFileError):
    """No key in the keyring and no passphrase given."""


class AttachmentTooLarge(InvalidInput):
    pass


class DiskFull(CaseFileError):
    pass


class ReadOnlyLocation(CaseFileError):
    pass


class DiskError(CaseFileError):
    """The disk reported an input/output error; the change in hand was not saved."""


class CaseFileDamaged(CaseFileError):
    """SQLite found the file malformed (damage that needs a backup)."""


class EvidenceStillNeeded(KnownError):
    """An attachment cannot be destroyed yet: an open case still relies on it."""


# --- services --------------------------------------------------------------------------------


class ImportRejected(KnownError):
    """An email or scan could not be imported (malformed, too large, hostile)."""


class TemplateError(KnownError):
    pass
