"""Noticing that nobody has touched the kiosk for a while, so it can lock itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


def _input_events() -> frozenset[QEvent.Type]:
    return frozenset({
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
        QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    })


class IdleWatcher(QObject):
    """Restarts a timer on any keyboard, mouse or touch input anywhere in the app."""

    def __init__(self, minutes: int, on_idle: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._inputs = _input_events()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(minutes * 60_000)
        self.timer.timeout.connect(on_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self._inputs:
            self.timer.start()
        return False
