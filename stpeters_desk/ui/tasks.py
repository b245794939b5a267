"""The one way the UI runs slow work (X calls, exports, a batch of photos) without freezing.

Work runs on a ``QThreadPool``; its result comes back to the UI thread by a queued signal
and is handed to the callback given with the task. Three things come with a task when
asked for:

- **progress**: the work reports ``done, total, message`` through its ``TaskToken``; each
  report reaches the ``progress`` callback on the UI thread, in the order it was made and
  always before the result.
- **cancel**: the ``TaskToken`` is what Cancel in the UI sets and what the work checks
  between its steps (``token.check()`` raises ``TaskCancelled``). The work stops where it
  checks, so it must check only where stopping leaves nothing half-written (between two
  photos, between two saved pages). ``on_cancelled`` then runs instead of ``on_error``.
- **parts**: work that finishes in pieces (a batch of photos) hands each over with
  ``token.hand_over(item)``; ``on_item`` receives it on the UI thread, in order with the
  progress reports, so the window can show each piece as soon as it is ready.
- **owner**: a ``QObject`` (the tab or dialog that asked). When it is destroyed its
  task's callbacks are dropped and its token is set: a closed window never receives a
  result, and work that checks its token stops.

``later`` starts a single-shot timer owned by the runner, dropped with its owner too.
Tests swap in ``SyncTaskRunner``, which runs everything at once on the calling thread; the
GUI tests' fixture fails a test that leaves a thread or one of these timers running
(``leftovers``).
"""

from __future__ import annotations

import itertools
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from shiboken6 import isValid

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]
Progress = Callable[[int, int, str], None]  # done, total, message
Item = Callable[[Any], None]  # a part of the result the work hands over as it goes


# The two messages a worker sends while it works. Named tuples, not dataclasses: Python
# 3.11 compiles a dataclass's methods as the module loads, and this one loads before the
# sign-in screen.
class _Report(NamedTuple):
    done: int
    total: int
    message: str


class _Part(NamedTuple):
    item: Any


_Sink = Callable[["_Report | _Part"], None]


class TaskCancelled(Exception):
    """The work saw its token set and stopped where stopping leaves nothing half-written."""


class TaskToken:
    """What a task's work holds: Cancel sets it, the work checks it and reports through it.

    Plain Python and safe to use from any thread, so the work (and the Qt-free code it
    calls) needs nothing from Qt: pass ``token.report`` as a progress callback and
    ``token.check`` (or ``lambda: token.cancelled``) as a stop check.
    """

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._sink: _Sink | None = None

    def cancel(self) -> None:
        """Ask the work to stop at its next check (Cancel pressed, or its window gone)."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Called by the work between its steps: raises ``TaskCancelled`` once cancelled."""
        if self._cancelled.is_set():
            raise TaskCancelled()

    def report(self, done: int, total: int, message: str = "") -> None:
        """The work's progress: delivered to the task's ``progress`` callback on the UI thread
        (nothing happens when the task asked for no progress)."""
        sink = self._sink
        if sink is not None:
            sink(_Report(done, total, message))

    def hand_over(self, item: object) -> None:
        """A part of the result, ready before the rest (one photo of a batch): delivered to
        the task's ``on_item`` on the UI thread, in order with the reports."""
        sink = self._sink
        if sink is not None:
            sink(_Part(item))

    def _attach(self, sink: _Sink | None) -> None:
        self._sink = sink


class _Task:
    """One task's callbacks, owner and token. (A plain class: a dataclass's generated
    methods would cost the start-up half a millisecond.)"""

    __slots__ = (
        "on_cancelled",
        "on_done",
        "on_error",
        "on_item",
        "owner",
        "owner_key",
        "progress",
        "token",
    )

    def __init__(self, on_done: Done, on_error: Failed | None, progress: Progress | None,
                 on_cancelled: Callable[[], None] | None, on_item: Item | None,
                 owner: Callable[[], QObject | None] | None, owner_key: int,
                 token: TaskToken) -> None:
        self.on_done = on_done
        self.on_error = on_error
        self.progress = progress
        self.on_cancelled = on_cancelled
        self.on_item = on_item
        self.owner = owner
        self.owner_key = owner_key
        self.token = token

    def owner_gone(self) -> bool:
        if self.owner is None:
            return False
        owner = self.owner()
        return owner is None or not isValid(owner)


def _gone() -> QObject | None:
    return None


_GONE: Callable[[], QObject | None] = _gone  # an owner reference that no longer resolves


class _Job(QRunnable):
    def __init__(self, task_id: int, work: Callable[[], Any], runner: TaskRunner) -> None:
        super().__init__()
        self._task_id = task_id
        self._work = work
        self._runner = runner

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the UI, which explains it to the user
            self._deliver(None, exc)
            return
        self._deliver(result, None)

    def _deliver(self, result: Any, error: Exception | None) -> None:
        try:
            self._runner.delivered.emit(self._task_id, result, error)
        except RuntimeError:  # the window closed while the work ran: nobody to tell
            return


_RUNNERS: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


class TaskRunner(QObject):
    """Runs callables on a thread pool and calls back on the UI thread."""

    delivered = Signal(int, object, object)
    updated = Signal(int, object)  # a report or a part, from the worker, in order
    busy_changed = Signal(bool)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._tasks: dict[int, _Task] = {}
        self._timers: set[QTimer] = set()
        self._watched: set[int] = set()  # owners whose destruction cancels their tasks
        self.delivered.connect(self._deliver)
        self.updated.connect(self._update)
        _RUNNERS.add(self)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    @property
    def pool(self) -> QThreadPool:
        return self._pool

    def run(self, work: Callable[[], T], on_done: Callable[[T], None],
            on_error: Failed | None = None, *, progress: Progress | None = None,
            cancel: TaskToken | None = None, owner: QObject | None = None,
            on_cancelled: Callable[[], None] | None = None,
            on_item: Item | None = None) -> TaskToken:
        """Run ``work`` on the pool; ``on_done`` or ``on_error`` follows on the UI thread.

        ``cancel`` is the token the work closes over (one is made if not given); the
        token is returned, so the caller can cancel later. ``progress`` receives what
        the work reports through the token, ``on_item`` what it hands over. Once ``owner``
        is destroyed nothing more is delivered and the token is set.
        """
        task_id = next(self._ids)
        token = cancel if cancel is not None else TaskToken()
        owner_ref = weakref.ref(owner) if owner is not None else None
        if owner is not None:
            self._watch(owner)
        was_busy = self.busy
        self._tasks[task_id] = _Task(on_done, on_error, progress, on_cancelled, on_item,
                                     owner_ref, id(owner) if owner is not None else 0, token)
        wanted = progress is not None or on_item is not None
        token._attach(self._reporter(task_id) if wanted else None)
        if not was_busy:
            self.busy_changed.emit(True)
        self._start(task_id, work)
        return token

    def _watch(self, owner: QObject) -> None:
        """Once per owner: its destruction sets the tokens of its tasks."""
        key = id(owner)
        if key in self._watched:
            return
        self._watched.add(key)
        runner = weakref.ref(self)  # never the last reference: see ``later``

        def destroyed(*_args: object) -> None:
            alive = runner()
            if alive is not None:
                alive._owner_destroyed(key)

        owner.destroyed.connect(destroyed)

    def _owner_destroyed(self, key: int) -> None:
        """Plain Python only: this may run after the runner's own C++ half is gone."""
        self._watched.discard(key)
        for task in list(self._tasks.values()):
            if task.owner_key == key:
                task.token.cancel()
                task.owner = None if task.owner is None else _GONE

    def _reporter(self, task_id: int) -> _Sink:
        """Called on the worker: a queued signal carries the report to the UI thread."""
        runner = weakref.ref(self)  # a worker must never drop the runner's last reference

        def report(update: _Report | _Part) -> None:
            alive = runner()
            try:
                if alive is None:
                    raise RuntimeError("the runner is gone")
                alive.updated.emit(task_id, update)
            except RuntimeError:  # the runner is gone with its window: stop the work
                raise TaskCancelled() from None
        return report

    def _start(self, task_id: int, work: Callable[[], Any]) -> None:
        self._pool.start(_Job(task_id, work, self))

    @Slot(int, object)
    def _update(self, task_id: int, update: _Report | _Part) -> None:
        task = self._tasks.get(task_id)
        if task is None or task.owner_gone():
            return
        if isinstance(update, _Report) and task.progress is not None:
            task.progress(update.done, update.total, update.message)
        elif isinstance(update, _Part) and task.on_item is not None:
            task.on_item(update.item)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, error: Exception | None) -> None:
        task = self._tasks.pop(task_id, None)
        if task is None:
            return
        task.token._attach(None)
        try:
            if task.owner_gone():
                return  # its window closed: the result is nobody's any more
            if isinstance(error, TaskCancelled) and task.on_cancelled is not None:
                task.on_cancelled()
            elif error is None:
                task.on_done(result)
            elif task.on_error is not None:
                task.on_error(error)
            elif not isinstance(error, TaskCancelled):
                _log_unhandled(error)
        finally:
            if not self.busy:
                self.busy_changed.emit(False)

    # -- timers -----------------------------------------------------------------------------
    def later(self, delay_ms: int, callback: Callable[[], None], *,
              owner: QObject | None = None) -> QTimer:
        """``callback`` on the UI thread after ``delay_ms``, unless ``owner`` is gone by then.

        The timer belongs to the runner, so ``wait_idle`` waits for it and the tests can
        see one left running.
        """
        timer = QTimer(self)
        timer.setSingleShot(True)
        owner_ref = weakref.ref(owner) if owner is not None else None
        # Weak: the timer's connection holds ``fire``; were it to hold the runner, deleting the
        # timer could delete its own parent, and the timer twice.
        runner, timer_ref = weakref.ref(self), weakref.ref(timer)

        def fire() -> None:
            alive, fired = runner(), timer_ref()
            if alive is None or fired is None:
                return
            alive._timers.discard(fired)
            fired.deleteLater()
            gone = owner_ref is not None and ((owner_now := owner_ref()) is None
                                              or not isValid(owner_now))
            if not gone:
                callback()

        timer.timeout.connect(fire)
        self._timers.add(timer)
        timer.start(max(0, delay_ms))
        return timer

    @property
    def pending_timers(self) -> int:
        return sum(1 for timer in self._timers if isValid(timer) and timer.isActive())

    def stop_timers(self) -> None:
        for timer in list(self._timers):
            if isValid(timer):
                timer.stop()
                timer.deleteLater()
        self._timers.clear()

    # -- waiting ----------------------------------------------------------------------------
    def wait_idle(self, timeout_s: float = 10.0, settle_s: float = 0.3) -> bool:
        """Let queued results arrive, until nothing has run for ``settle_s`` (work that
        comes in steps, like a follower sync, starts its next step from a timer)."""
        deadline = time.monotonic() + timeout_s
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if self.busy or self.pending_timers:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= settle_s:
                break
            time.sleep(0.005)
        QCoreApplication.processEvents()
        return not self.busy

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """At the end: ask every task to stop, wait for the pool and stop the timers."""
        for task in list(self._tasks.values()):
            task.token.cancel()
        self._pool.waitForDone(timeout_ms)
        self.stop_timers()


class SyncTaskRunner(TaskRunner):
    """Runs work at once on the calling thread: deterministic tests, no waiting."""

    def _start(self, task_id: int, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Exception as exc:
            self._deliver(task_id, None, exc)
            return
        self._deliver(task_id, result, None)


def leftovers() -> list[str]:
    """What is still running: threads of the global pool or a runner's pool, a runner's
    tasks and timers. The GUI tests fail when a test leaves any of it behind."""
    found = []
    pools = {id(QThreadPool.globalInstance()): QThreadPool.globalInstance()}
    for runner in list(_RUNNERS):
        if not isValid(runner):
            continue
        pools.setdefault(id(runner.pool), runner.pool)
        if runner.pending_timers:
            found.append(f"{type(runner).__name__} has {runner.pending_timers} timer(s) "
                         "still running")
    for pool in pools.values():
        if pool.activeThreadCount():
            found.append(f"a thread pool has {pool.activeThreadCount()} thread(s) still "
                         "running")
    return found


def clean_up_leftovers(timeout_ms: int = 5000) -> None:
    """After ``leftovers`` found some: stop them, so the next test starts clean."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)
    for runner in list(_RUNNERS):
        if isValid(runner):
            runner.shutdown(timeout_ms)


def _log_unhandled(error: Exception) -> None:
    """Rare, so logging is imported only here and stays off the start-up path."""
    import logging

    logging.getLogger(__name__).error("Background task failed", exc_info=error)
