"""Qt-free use cases shared by the window and the command line.

One module per use-case family (cases, intake, identity, letters, reports, trust, breaches). Each
rule (may this deadline be extended? may this case close? is this letter final?) is decided here
once; ``ui/`` and ``cli/`` only show its answer. Services take their collaborators (an open
``CaseFile``, a clock's ``today``, progress and cancel callables) as arguments, return dataclasses
and raise :class:`~dpo_desk.core.errors.KnownError` subclasses.
"""
