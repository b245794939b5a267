"""Work that waits for a window's first picture: after its paint, in order, once, and still
done for a window that is never drawn."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from stpeters_desk.ui.first_frame import after_next_paint


class PaintLog(QObject):
    """Notes each paint event the widget receives, in the same list as the work."""

    def __init__(self, widget: QWidget, log: list[str]) -> None:
        super().__init__(widget)
        self._log = log
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._log.append("painted")
        return False


def test_the_work_runs_after_the_first_paint_in_order_and_once(qtbot: QtBot) -> None:
    log: list[str] = []
    widget = QLabel("St Peter's Desk")
    qtbot.addWidget(widget)
    PaintLog(widget, log)
    after_next_paint(widget, lambda: log.append("first"), lambda: log.append("second"))
    QTimer.singleShot(0, lambda: log.append("zero timer"))  # what the app used to rely on
    widget.show()
    qtbot.waitUntil(lambda: "second" in log)
    assert log.index("zero timer") < log.index("painted") < log.index("first")
    assert log[log.index("first"):log.index("first") + 2] == ["first", "second"]
    widget.update()
    qtbot.wait(50)
    assert log.count("first") == 1 and log.count("second") == 1


def test_a_window_never_drawn_still_gets_its_work_done(qtbot: QtBot) -> None:
    done: list[str] = []
    widget = QWidget()  # never shown: no paint event ever comes
    qtbot.addWidget(widget)
    after_next_paint(widget, lambda: done.append("read the account"), latest_ms=30)
    qtbot.waitUntil(lambda: done == ["read the account"], timeout=2000)
    qtbot.wait(60)
    assert done == ["read the account"]
