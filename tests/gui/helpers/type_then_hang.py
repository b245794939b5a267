"""Child process for the crash tests: starts the real app, types, then waits for a signal.

Run as ``python type_then_hang.py DATA_DIR TEXT [--no-wait]``. Prints SAVED once
the draft is in the database (or TYPED right after typing, with ``--no-wait``),
then keeps the event loop running until the parent test kills it with SIGKILL,
the way a power cut would, or ends it with SIGTERM, the way a log-out does.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from stpeters_desk.app import build_services, parse_args
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.posting import ComposerDrafts
from stpeters_desk.ui.application import create_application, end_cleanly_on_signals
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.tasks import TaskRunner

HEAD_PIN = "480516"


def signed_in_services(data_dir: str) -> DeskServices:
    """The app's services with an invented head teacher signed in: drafts belong to a
    person, so someone must be signed in to type one."""
    services = build_services(parse_args(["--data-dir", data_dir]))
    assert services.staff is not None
    heads = services.staff.members()
    head = heads[0] if heads else services.staff.create_head("Mrs Invented Head", HEAD_PIN)[0]
    services.sign_in(head)
    return services


def saved_draft(services: DeskServices) -> str:
    return ComposerDrafts(services).load(session_of(services)).text


def main() -> None:
    data_dir, text = sys.argv[1], sys.argv[2]
    services = signed_in_services(data_dir)
    app = create_application()
    window = MainWindow(services, TaskRunner())
    end_cleanly_on_signals(app, window)
    window.show()
    QTest.keyClicks(window.composer.editor, text)
    if "--no-wait" in sys.argv:
        print("TYPED", flush=True)
        app.exec()
        return

    def report_when_saved() -> None:
        if saved_draft(services) == text:
            print("SAVED", flush=True)
            return
        QTimer.singleShot(50, report_when_saved)

    QTimer.singleShot(50, report_when_saved)
    app.exec()


if __name__ == "__main__":
    main()
