"""Work that waits until a window has been drawn: reading the account, listening for
signals, checking the records.

``QTimer.singleShot(0, ...)`` called after ``show()`` is not "after the first frame":
Qt runs zero timers before it paints, so work queued that way (and any worker thread it
starts, which then holds Python's lock) delays the first picture of the window. Here the
work waits for the window's next paint event instead, then runs once the paint is done.
A window that is never painted (minimised at start, or never shown in a test) still
gets its work done, a little later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 500  # if no paint comes (a minimised or hidden window), run the work anyway


class AfterNextPaint(QObject):
    """Runs its callbacks, in order and once, after the widget's next paint event."""

    def __init__(self, widget: QWidget, latest_ms: int = LATEST_MS) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callbacks: list[Callable[[], object]] = []
        self._latest = QTimer(self)
        self._latest.setSingleShot(True)
        self._latest.setInterval(latest_ms)
        self._latest.timeout.connect(self._run)
        widget.installEventFilter(self)
        # counted from when the event loop runs: a window built before the loop starts (a
        # slow computer building the first tab) still gets its paint first
        QTimer.singleShot(0, self, self._start_the_wait)

    def _start_the_wait(self) -> None:
        if self._callbacks:  # not run yet
            self._latest.start()

    def add(self, callback: Callable[[], object]) -> None:
        self._callbacks.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self._latest.stop()
            QTimer.singleShot(0, self, self._run)  # once this paint has finished
        return False

    def _run(self) -> None:
        self._widget.removeEventFilter(self)
        self._latest.stop()
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()
        self.deleteLater()


def after_next_paint(widget: QWidget, *callbacks: Callable[[], object],
                     latest_ms: int = LATEST_MS) -> None:
    """Run ``callbacks`` once ``widget`` has next been drawn (at the latest after
    ``latest_ms``), so that they do not hold up the picture a person is waiting for."""
    waiting = AfterNextPaint(widget, latest_ms)
    for callback in callbacks:
        waiting.add(callback)
