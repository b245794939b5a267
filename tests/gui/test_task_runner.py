"""The task runner: progress in order, Cancel that stops the work cleanly, an owner whose
destruction drops the callbacks, timers it keeps, and what it reports as left running."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThreadPool
from pytestqt.qtbot import QtBot
from shiboken6 import delete

from stpeters_desk.ui.tasks import (
    SyncTaskRunner,
    TaskCancelled,
    TaskRunner,
    TaskToken,
    clean_up_leftovers,
    leftovers,
)

WAIT_S = 10


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A runner over its own pool of two threads, shut down after the test."""
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    tasks = TaskRunner(pool)
    yield tasks
    tasks.shutdown()


def test_the_old_call_still_works(runner: TaskRunner) -> None:
    got: list[object] = []
    runner.run(lambda: 6 * 7, got.append, got.append)
    runner.run(lambda: 1 // 0, got.append, lambda error: got.append(type(error)))
    assert runner.wait_idle(WAIT_S)
    assert sorted(map(str, got)) == sorted(["42", str(ZeroDivisionError)])


def test_progress_arrives_on_the_ui_thread_in_order_and_before_the_result(
        runner: TaskRunner) -> None:
    ui_thread = threading.get_ident()
    seen: list[tuple[object, ...]] = []
    token = TaskToken()

    def work() -> str:
        for step in range(1, 21):
            token.report(step, 20, f"photo {step}")
        return "finished"

    def progress(done: int, total: int, message: str) -> None:
        assert threading.get_ident() == ui_thread
        seen.append((done, total, message))

    runner.run(work, lambda result: seen.append(("done", result)), progress=progress,
               cancel=token)
    assert runner.wait_idle(WAIT_S)
    assert seen == [(step, 20, f"photo {step}") for step in range(1, 21)] + [
        ("done", "finished")]


def test_cancel_stops_the_work_between_steps_and_nothing_is_half_written(
        runner: TaskRunner) -> None:
    written: list[str] = []
    next_step = threading.Event()
    outcome: list[str] = []
    token = TaskToken()

    def work() -> int:
        for step in range(100):
            token.check()  # only between whole steps
            written.append(f"step {step} complete")
            token.report(step + 1, 100, "")
            next_step.wait(WAIT_S)
            next_step.clear()
        return len(written)

    def progress(done: int, _total: int, _message: str) -> None:
        if done == 3:
            token.cancel()  # as Cancel in the UI does
        next_step.set()

    runner.run(work, lambda _n: outcome.append("done"), lambda e: outcome.append(repr(e)),
               progress=progress, cancel=token, on_cancelled=lambda: outcome.append("stopped"))
    assert runner.wait_idle(WAIT_S)
    assert outcome == ["stopped"]
    assert written == ["step 0 complete", "step 1 complete", "step 2 complete"]
    assert token.cancelled


def test_a_cancelled_task_without_on_cancelled_goes_to_on_error(runner: TaskRunner) -> None:
    token, errors = TaskToken(), []
    token.cancel()
    runner.run(token.check, lambda _r: None, errors.append, cancel=token)
    assert runner.wait_idle(WAIT_S)
    assert [type(error) for error in errors] == [TaskCancelled]


def test_when_the_owner_is_destroyed_its_callbacks_are_dropped_and_the_work_stops(
        runner: TaskRunner) -> None:
    owner = QObject()
    started, release = threading.Event(), threading.Event()
    heard: list[object] = []

    def work() -> str:
        started.set()
        release.wait(WAIT_S)
        token.report(1, 1, "late")
        return "result for a closed window"

    token = runner.run(work, heard.append, heard.append,
                       progress=lambda *report: heard.append(report), owner=owner,
                       on_cancelled=lambda: heard.append("cancelled"))
    assert started.wait(WAIT_S)
    delete(owner)  # the window closes while the work runs
    assert token.cancelled
    release.set()
    assert runner.wait_idle(WAIT_S)
    assert heard == []
    assert not runner.busy


def test_another_owner_still_hears_its_result(runner: TaskRunner) -> None:
    closing, staying = QObject(), QObject()
    heard: list[str] = []
    release = threading.Event()
    runner.run(lambda: release.wait(WAIT_S) and "one", heard.append, owner=closing)
    runner.run(lambda: "two", heard.append, owner=staying)
    delete(closing)
    release.set()
    assert runner.wait_idle(WAIT_S)
    assert heard == ["two"]


def test_the_sync_runner_reports_progress_and_honours_cancel(qtbot: QtBot) -> None:
    tasks = SyncTaskRunner()
    token = TaskToken()
    reports: list[int] = []

    def work() -> int:
        for step in range(5):
            token.check()
            token.report(step, 5, "")
        return 5

    def progress(done: int, _total: int, _message: str) -> None:
        reports.append(done)
        if done == 1:
            token.cancel()

    results: list[object] = []
    tasks.run(work, results.append, progress=progress, cancel=token,
              on_cancelled=lambda: results.append("stopped"))
    assert reports == [0, 1] and results == ["stopped"]


def test_a_timer_of_the_runner_fires_unless_its_owner_is_gone(qtbot: QtBot) -> None:
    tasks = SyncTaskRunner()
    owner, fired = QObject(), []
    tasks.later(0, lambda: fired.append("kept"))
    tasks.later(0, lambda: fired.append("dropped"), owner=owner)
    assert tasks.pending_timers == 2
    delete(owner)
    qtbot.waitUntil(lambda: tasks.pending_timers == 0, timeout=2000)
    assert fired == ["kept"]


def test_a_thread_or_a_timer_left_running_is_reported(qtbot: QtBot) -> None:
    pool = QThreadPool()
    tasks = TaskRunner(pool)
    release = threading.Event()
    tasks.run(lambda: release.wait(WAIT_S), lambda _r: None)
    tasks.later(60_000, lambda: None)
    found = leftovers()
    assert any("thread" in line for line in found)
    assert any("timer" in line for line in found)
    release.set()
    clean_up_leftovers()
    tasks.wait_idle(WAIT_S, settle_s=0)
    assert leftovers() == []


def test_parts_are_handed_over_in_order_with_the_reports(runner: TaskRunner) -> None:
    token = TaskToken()
    heard: list[object] = []

    def work() -> str:
        for number in range(1, 4):
            token.hand_over(f"photo {number}")
            token.report(number, 3)
        return "batch done"

    runner.run(work, heard.append, progress=lambda done, _t, _m: heard.append(done),
               cancel=token, on_item=heard.append)
    assert runner.wait_idle(WAIT_S)
    assert heard == ["photo 1", 1, "photo 2", 2, "photo 3", 3, "batch done"]
