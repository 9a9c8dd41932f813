"""The database executor: one thread, queued results, stale and cancelled results dropped."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from dpo_desk.ui.tasks import DbExecutor, Progress, SyncExecutor, TaskCancelled


def test_every_job_runs_on_one_thread_that_is_not_the_gui_thread(qtbot) -> None:
    errors: list[BaseException] = []
    executor = DbExecutor(errors.append)
    results: list[int] = []
    threads: list[int] = []
    for i in range(20):
        executor.call(
            lambda i=i: (threads.append(threading.get_ident()), i)[1], on_result=results.append
        )
    qtbot.waitUntil(lambda: len(results) == 20, timeout=3000)
    assert results == list(range(20))  # in submission order
    assert len(set(threads)) == 1
    assert threads[0] != threading.get_ident()
    assert executor.thread_ids == frozenset(threads)
    executor.shutdown()
    assert not errors


def test_errors_come_back_to_the_gui_thread(qtbot) -> None:
    executor = DbExecutor(lambda exc: None)
    seen: list[tuple[str, int]] = []

    def boom() -> None:
        raise ValueError("no")

    executor.call(boom, on_error=lambda exc: seen.append((str(exc), threading.get_ident())))
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [("no", threading.get_ident())]
    executor.shutdown()


def test_invalidate_cancel_and_a_dead_owner_drop_results(qtbot) -> None:
    executor = DbExecutor(lambda exc: None)
    gate = threading.Event()
    delivered: list[str] = []
    executor.call(gate.wait, on_result=lambda _r: delivered.append("before lock"))
    ticket = executor.call(lambda: "x", on_result=lambda _r: delivered.append("cancelled"))
    ticket.cancel()
    owner = QObject()
    executor.call(lambda: "x", on_result=lambda _r: delivered.append("owner gone"), owner=owner)
    executor.invalidate()
    owner.deleteLater()
    qtbot.wait(1)
    done: list[str] = []
    executor.call(lambda: "after", on_result=done.append)
    gate.set()
    qtbot.waitUntil(lambda: done == ["after"], timeout=3000)
    assert delivered == []
    executor.shutdown()


def test_a_long_task_reports_progress_and_can_be_cancelled(qtbot) -> None:
    executor = DbExecutor(lambda exc: None)
    steps: list[Progress] = []
    started = threading.Event()
    proceed = threading.Event()
    results: list[str] = []

    def job(control) -> str:  # noqa: ANN001
        control.progress(1, 3, "one")
        started.set()
        proceed.wait(2)
        control.check()
        return "finished"

    ticket = executor.task(job, on_progress=steps.append, on_result=results.append)
    assert started.wait(2)
    qtbot.waitUntil(lambda: bool(steps), timeout=3000)
    assert steps[0] == Progress(1, 3, "one")
    ticket.cancel()
    proceed.set()
    executor.wait(3000)
    qtbot.wait(20)
    assert results == []
    executor.shutdown()


def test_the_synchronous_executor_has_the_same_interface() -> None:
    executor = SyncExecutor()
    got: list[int] = []
    executor.call(lambda a, b: a + b, 2, 3, on_result=got.append)
    progress: list[Progress] = []
    executor.task(
        lambda control, n: (control.progress(n, n), n)[1],
        7,
        on_result=got.append,
        on_progress=progress.append,
    )
    assert got == [5, 7]
    assert progress == [Progress(7, 7)]
    errors: list[BaseException] = []
    executor.call(lambda: 1 / 0, on_error=errors.append)
    assert isinstance(errors[0], ZeroDivisionError)

    def cancelled(control) -> None:  # noqa: ANN001
        raise TaskCancelled()

    executor.task(cancelled, on_result=got.append, on_error=errors.append)
    assert len(errors) == 1 and got == [5, 7]
