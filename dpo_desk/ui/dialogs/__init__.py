"""Dialogs: first run, unlock, recovery key, new postal request, settings, crash, about."""
