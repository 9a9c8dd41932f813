"""The only door to the encrypted case file (SQLCipher under sqlite-utils)."""

from .connection import Key
from .store import BackupInfo, CaseFile, Created, restore

__all__ = ["BackupInfo", "CaseFile", "Created", "Key", "restore"]
