"""One database thread: every case-file call from the window runs here, in submission order.

``DbExecutor`` owns a single-thread ``QThreadPool`` whose one thread never expires, so the case
file's connection is only ever used from that thread. A job's result (or exception) comes back to
the GUI thread by a queued signal and is handed to the caller's callbacks there.

- ``call(fn, *args, on_result=..., on_error=..., owner=...)``: a short job.
- ``task(fn, *args, on_progress=..., ...)``: a long job; ``fn`` gets a :class:`TaskControl` first
  (a progress callback and a cancel flag).
- ``Ticket.cancel()`` drops a result nobody wants any more (a stale search) and asks a long job
  to stop; ``invalidate()`` drops every result of jobs submitted before it (used when locking).
- ``owner``: a QObject whose death cancels the delivery (a closed view gets no callbacks).

``SyncExecutor`` has the same interface and runs everything at once in the calling thread:
tests use it to stay fast and deterministic (Picard's trick).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[["Progress"], None]


class TaskCancelled(Exception):
    """Raised inside a long job by :meth:`TaskControl.check` when the DPO pressed Cancel."""


@dataclass(frozen=True)
class Progress:
    done: int
    total: int  # 0 = unknown (a busy indicator)
    text: str = ""


class Ticket:
    """A submitted job. ``cancel()`` drops its result and asks a long job to stop."""

    def __init__(self, epoch: int) -> None:
        self.epoch = epoch
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class TaskControl:
    """Given to a long job: report progress, look at (or raise on) the cancel flag."""

    def __init__(self, ticket: Ticket, report: Callable[[Progress], None]) -> None:
        self._ticket = ticket
        self._report = report

    @property
    def cancelled(self) -> bool:
        return self._ticket.cancelled

    def check(self) -> None:
        if self._ticket.cancelled:
            raise TaskCancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._report(Progress(done, total, text))


class Executor(Protocol):
    """What views and dialogs get (through the app context) to reach the case file."""

    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket: ...

    def task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket: ...

    def invalidate(self) -> None: ...

    def shutdown(self) -> None: ...


@dataclass
class _Envelope:
    ticket: Ticket
    owner: QObject | None
    on_result: ResultCallback | None
    on_error: ErrorCallback | None
    on_progress: ProgressCallback | None
    result: Any = None
    error: BaseException | None = None
    progress: Progress | None = None


def _owner_alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the DB thread reach it queued."""

    finished = Signal(object)
    progressed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


class DbExecutor(QObject):
    """The single database thread (see the module docstring)."""

    def __init__(self, error_handler: ErrorCallback, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._error_handler = error_handler
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)  # the one thread lives as long as the executor
        self._relay = _Relay(self)
        self._relay.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self._epoch = 0
        self._closed = False
        self._thread_ids: set[int] = set()

    # --- submitting ------------------------------------------------------------------------
    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket:
        ticket = Ticket(self._epoch)
        envelope = _Envelope(ticket, owner, on_result, on_error, None)
        return self._submit(envelope, lambda: fn(*args))

    def task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket:
        ticket = Ticket(self._epoch)
        envelope = _Envelope(ticket, owner, on_result, on_error, on_progress)

        def report(progress: Progress) -> None:
            if on_progress is not None and not ticket.cancelled:
                self._relay.progressed.emit(
                    _Envelope(ticket, owner, None, None, on_progress, progress=progress)
                )

        control = TaskControl(ticket, report)
        return self._submit(envelope, lambda: fn(control, *args))

    def _submit(self, envelope: _Envelope, work: Callable[[], Any]) -> Ticket:
        if self._closed:
            raise RuntimeError("the database executor is shut down")
        relay = self._relay

        def run() -> None:
            self._thread_ids.add(threading.get_ident())
            if envelope.ticket.cancelled:
                envelope.error = TaskCancelled()
            else:
                try:
                    envelope.result = work()
                except BaseException as exc:  # handed to the GUI thread, never lost
                    envelope.error = exc
            relay.finished.emit(envelope)

        self._pool.start(_Job(run))
        return envelope.ticket

    # --- delivering (GUI thread) -----------------------------------------------------------
    @Slot(object)
    def _deliver(self, envelope: _Envelope) -> None:
        _dispatch(envelope, self._closed, self._epoch, self._error_handler)

    @Slot(object)
    def _deliver_progress(self, envelope: _Envelope) -> None:
        if self._closed or envelope.ticket.cancelled or envelope.ticket.epoch != self._epoch:
            return
        if (
            envelope.on_progress is not None
            and envelope.progress is not None
            and _owner_alive(envelope.owner)
        ):
            envelope.on_progress(envelope.progress)

    # --- lifecycle -------------------------------------------------------------------------
    def invalidate(self) -> None:
        """Drop the results of every job submitted so far (the window was locked)."""
        self._epoch += 1

    def wait(self, msecs: int = -1) -> bool:
        """Block until the queue is empty (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Let queued jobs finish, then deliver nothing more."""
        self._pool.waitForDone()
        self._closed = True

    @property
    def thread_ids(self) -> frozenset[int]:
        """The threads jobs ran on (one, unless something is badly wrong)."""
        return frozenset(self._thread_ids)


def _dispatch(envelope: _Envelope, closed: bool, epoch: int, error_handler: ErrorCallback) -> None:
    ticket = envelope.ticket
    if closed or ticket.cancelled or ticket.epoch != epoch or not _owner_alive(envelope.owner):
        return
    if envelope.error is not None:
        if isinstance(envelope.error, TaskCancelled):
            return
        handler = envelope.on_error or error_handler
        handler(envelope.error)
        return
    if envelope.on_result is not None:
        envelope.on_result(envelope.result)


class SyncExecutor:
    """Runs every job at once in the calling thread (tests). Same interface as DbExecutor."""

    def __init__(self, error_handler: ErrorCallback | None = None) -> None:
        self._error_handler = error_handler or _reraise
        self._epoch = 0
        self._closed = False
        self.calls = 0

    def call(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket:
        ticket = Ticket(self._epoch)
        return self._run(_Envelope(ticket, owner, on_result, on_error, None), lambda: fn(*args))

    def task(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        owner: QObject | None = None,
    ) -> Ticket:
        ticket = Ticket(self._epoch)

        def report(progress: Progress) -> None:
            if on_progress is not None and not ticket.cancelled and _owner_alive(owner):
                on_progress(progress)

        control = TaskControl(ticket, report)
        envelope = _Envelope(ticket, owner, on_result, on_error, on_progress)
        return self._run(envelope, lambda: fn(control, *args))

    def _run(self, envelope: _Envelope, work: Callable[[], Any]) -> Ticket:
        if self._closed:
            raise RuntimeError("the database executor is shut down")
        self.calls += 1
        try:
            envelope.result = work()
        except Exception as exc:
            envelope.error = exc
        _dispatch(envelope, self._closed, self._epoch, self._error_handler)
        return envelope.ticket

    def invalidate(self) -> None:
        self._epoch += 1

    def wait(self, msecs: int = -1) -> bool:
        return True

    def shutdown(self) -> None:
        self._closed = True


def _reraise(exc: BaseException) -> None:
    raise exc.with_traceback(exc.__traceback__ or sys.exc_info()[2])
