"""The one way the UI runs slow work (X calls, exports) without freezing.

Work runs on a ``QThreadPool``; its result comes back to the UI thread by a
queued signal and is handed to the callback given with the task. Tests swap
in ``SyncTaskRunner``, which runs everything at once on the calling thread.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


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


class TaskRunner(QObject):
    """Runs callables on a thread pool and calls back on the UI thread."""

    delivered = Signal(int, object, object)
    busy_changed = Signal(bool)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Done, Failed | None]] = {}
        self.delivered.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def run(self, work: Callable[[], T], on_done: Callable[[T], None],
            on_error: Failed | None = None) -> None:
        task_id = next(self._ids)
        was_busy = self.busy
        self._callbacks[task_id] = (on_done, on_error)
        if not was_busy:
            self.busy_changed.emit(True)
        self._start(task_id, work)

    def _start(self, task_id: int, work: Callable[[], Any]) -> None:
        self._pool.start(_Job(task_id, work, self))

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, error: Exception | None) -> None:
        on_done, on_error = self._callbacks.pop(task_id)
        try:
            if error is None:
                on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                _log_unhandled(error)
        finally:
            if not self.busy:
                self.busy_changed.emit(False)

    def wait_idle(self, timeout_s: float = 10.0, settle_s: float = 0.3) -> bool:
        """Let queued results arrive, until nothing has run for ``settle_s`` (work that
        comes in steps, like a follower sync, starts its next step from a timer)."""
        deadline = time.monotonic() + timeout_s
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            QCoreApplication.processEvents()
            if self.busy:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= settle_s:
                break
            time.sleep(0.005)
        QCoreApplication.processEvents()
        return not self.busy

    def shutdown(self, timeout_ms: int = 5000) -> None:
        self._pool.waitForDone(timeout_ms)


class SyncTaskRunner(TaskRunner):
    """Runs work at once on the calling thread: deterministic tests, no waiting."""

    def _start(self, task_id: int, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Exception as exc:
            self._deliver(task_id, None, exc)
            return
        self._deliver(task_id, result, None)


def _log_unhandled(error: Exception) -> None:
    """Rare, so logging is imported only here and stays off the start-up path."""
    import logging

    logging.getLogger(__name__).error("Background task failed", exc_info=error)
