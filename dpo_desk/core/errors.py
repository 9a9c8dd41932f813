"""Known error conditions. Services raise these; the UI and the CLI turn them into messages.

Anything that is not a ``KnownError`` is a bug.
"""

from __future__ import annotations


class KnownError(Exception):
    """An expected condition with a message fit to show the DPO (one clear sentence)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


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
