"""Creating the QApplication and the window, and the --screenshot mode."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from stpeters_desk import APP_NAME, __version__
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import TaskRunner


def apply_style(app: QApplication, resources: Path) -> None:
    """One style sheet for the whole app; a missing file just means Qt's default look."""
    sheet = resources / "style.qss"
    if sheet.is_file():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    icon = resources / "icons" / "app.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("St Peter's Desk")
    return app


def run_window(services: DeskServices, resources: Path, *, screenshot: str | None = None,
               tab: str | None = None, exit_when_shown: bool = False) -> int:
    app = create_application()
    apply_style(app, resources)
    tasks = TaskRunner()
    window = MainWindow(services, tasks)
    if tab and not window.select_tab(tab):
        print(f"No tab called {tab!r}; tabs: {', '.join(window.tab_names())}", file=sys.stderr)
        return 2
    window.show()
    if screenshot:
        return _save_screenshot(app, window, tasks, Path(screenshot))
    QTimer.singleShot(0, window.composer.editor.setFocus)
    if exit_when_shown:  # for benchmarks/startup.py: the first frame is on screen
        QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    code = app.exec()
    tasks.shutdown()
    return code


def _save_screenshot(app: QApplication, window: MainWindow, tasks: TaskRunner,
                     path: Path) -> int:
    tasks.wait_idle(15.0)
    app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(path), "PNG")
    window.composer.save_draft()
    window.close()
    tasks.shutdown()
    if not ok:
        print(f"Could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0
