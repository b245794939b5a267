"""Creating the QApplication and the window, and the --screenshot mode."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from stpeters_desk import APP_NAME, __version__
from stpeters_desk.core.audit import AuditVerification
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import LANGUAGE, REAL_ACCOUNT_CONNECTED, THEME, read
from stpeters_desk.i18n import DEFAULT_LANGUAGE
from stpeters_desk.ui.first_frame import after_next_paint
from stpeters_desk.ui.main_window import MainWindow
from stpeters_desk.ui.styling import (
    DEFAULT_THEME,
    QT_STYLE,
    follow_system_text_size,
    start_appearance,
)
from stpeters_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from stpeters_desk.core.staff import StaffMember

LISTEN_AFTER_MS = 250  # a second start within this is told "already open", just not shown
# Tabs that show what only the head teacher (or the audit permission) may see.
# (Moderation, Followers and Approvals too: the school's replies, followers and waiting
# tweets are its own records, and --screenshot asks for no PIN.)
GUARDED_TABS = frozenset({"Audit", "Staff", "Settings", "Moderation", "Followers", "Approvals"})


def apply_style(app: QApplication, resources: Path, theme: str = DEFAULT_THEME) -> None:
    """One style sheet for the whole app, in the chosen theme (light, dark, high contrast,
    or "system": as the computer is set); a missing file just means Qt's default look."""
    start_appearance(app, resources, theme)
    _set_window_icon(app, resources)


def _set_window_icon(app: QApplication, resources: Path) -> None:
    icon = resources / "icons" / "app.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


def apply_language(services: DeskServices, resources: Path) -> None:
    """Welsh or English, as chosen in Settings, before any window is built."""
    language = read(services.settings, LANGUAGE)
    if language == DEFAULT_LANGUAGE:
        return  # English is the source language: nothing to load at start-up
    from stpeters_desk.ui.translations import install_language

    if not install_language(language, resources):
        print(f"The {language!r} translation could not be loaded; using English.",
              file=sys.stderr)


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication([*sys.argv[:1], "-style", QT_STYLE])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("St Peter's Desk")
    return app


def run_window(services: DeskServices, resources: Path, *, screenshot: str | None = None,
               tab: str | None = None, kiosk: bool = False, exit_when_shown: bool = False,
               size: tuple[int, int] | None = None) -> int:
    app = create_application()
    apply_language(services, resources)
    start_appearance(app, resources, read(services.settings, THEME),
                     text_size_now=False)
    _set_window_icon(app, resources)
    single = None
    if not screenshot:  # one window per data folder, whatever the mode
        from stpeters_desk.ui.single_instance import LOCK_FILE, InstanceLock

        single = InstanceLock.claim(services.data_dir)
        if single is None:
            if InstanceLock.other_window_answered:
                print(QCoreApplication.translate(
                    "Startup", "St Peter's Desk is already open for this data folder; that "
                               "window has been brought to the front."), flush=True)
                return 0
            print(QCoreApplication.translate(
                "Startup", "St Peter's Desk is already open for this data folder, but its "
                           "window did not answer: it may still be starting or showing a "
                           "dialog (such as the set-up window), so look for it on the screen. "
                           "If it is not open anywhere, the lock {path} belongs to a program "
                           "that stopped answering: restart the computer.").format(
                path=services.data_dir / LOCK_FILE), flush=True)
            return 0
        services.outbox.take_over_this_computers_leases()  # sent by a run that died
    tasks = TaskRunner()
    practice = bool(screenshot) and _practice_folder(services)  # before the preview's head
    if screenshot:
        _sign_in_preview(services, practice=practice)
    elif not _sound_before_set_up(services):
        return 2
    elif not _first_run_done(services, tasks):
        return 0
    window = MainWindow(services, tasks, kiosk=kiosk and not screenshot,
                        preview=bool(screenshot))
    if tab and not window.select_tab(tab):
        print(f"No tab called {tab!r}; tabs: {', '.join(window.tab_names())}", file=sys.stderr)
        tasks.wait_idle(15.0)
        tasks.shutdown()
        return 2
    if screenshot and _shown_tab(window) in GUARDED_TABS and not practice:
        print(f"The {_shown_tab(window)} tab shows the school's own records, so --screenshot "
              "draws it only from a practice data folder (a new --data-dir where no one has "
              "been set up). Sign in to see it.", file=sys.stderr)
        tasks.wait_idle(15.0)
        tasks.shutdown()
        _destroy(window)
        return 2
    if screenshot:
        _screenshot_size(window, kiosk, size)
        window.show()
        follow_system_text_size(app)
        return _save_screenshot(app, window, tasks, Path(screenshot))
    if kiosk:
        window.enter_kiosk()
    else:
        window.show()
    after_first_frame: list[Callable[[], object]] = [
        lambda: end_cleanly_on_signals(app, window), window.focus_start]
    if exit_when_shown:  # for benchmarks/startup.py: the first frame is on screen, and the
        # processor time it took (steadier than the clock on a busy machine)
        import time

        after_first_frame.append(lambda: (print(f"shown {time.process_time():.4f}",
                                                flush=True), app.quit()))
    else:
        after_first_frame.append(lambda: _check_integrity(services, window, tasks, app))
    after_first_frame.append(lambda: follow_system_text_size(app))
    after_next_paint(window, *after_first_frame)
    if single is not None:  # QtNetwork loads once the window is up: see single_instance
        lock = single
        QTimer.singleShot(LISTEN_AFTER_MS, lambda: lock.listen(lambda: _bring_forward(window)))
    code = app.exec()
    window.save_work()  # the last word, whatever ended the loop
    tasks.shutdown()
    if single is not None:
        single.release()
    return code


def end_cleanly_on_signals(app: QApplication, window: MainWindow) -> None:
    """Quit, SIGTERM (a log-out, a shut-down, a service manager) and the desktop session
    ending all save the draft first; SIGTERM then closes the window without the kiosk's
    PIN. Python sees a signal only when it runs, so the signal wakes Qt's loop through
    a pipe."""
    app.aboutToQuit.connect(window.save_work)
    app.commitDataRequest.connect(lambda _manager: window.save_work())
    if sys.platform == "win32":
        return
    import os
    import signal

    from PySide6.QtCore import QSocketNotifier

    reader, writer = os.pipe()  # a pipe, not a socket pair: the socket module is slow to load
    os.set_blocking(reader, False)
    os.set_blocking(writer, False)
    signal.set_wakeup_fd(writer)
    signal.signal(signal.SIGTERM, lambda _number, _frame: None)  # the wake-up does the work
    notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, window)

    def woken() -> None:
        try:
            received = os.read(reader, 64)
        except OSError:
            return
        if signal.SIGTERM in received:
            window.end_session()

    notifier.activated.connect(woken)
    _KEPT.append((reader, writer, notifier))


_KEPT: list[object] = []  # the wake-up sockets live as long as the process
def _sound_before_set_up(services: DeskServices) -> bool:
    """Before the set-up wizard lets someone become head teacher: is this really a new
    install? A computer that was set up before and finds its database empty or changed
    refuses (the message says what to do, with the recovery code)."""
    guard = services.integrity
    if services.staff is None:
        return True
    try:
        if services.staff.is_set_up():
            return True
        problem = ""
    except Exception as exc:  # a table dropped or the file damaged: the check says what
        problem = str(exc)
    if guard is not None:
        result = guard.result()
        if result.ok and not problem:
            return True
        problem = problem if result.ok else result.message
    if not problem:
        return True
    say_the_database_needs_attention(None, problem)
    return False


def say_the_database_needs_attention(parent: QWidget | None, message: str) -> None:
    """The one message a refused start shows (tests replace it to read what was said)."""
    QMessageBox.critical(parent, QCoreApplication.translate(
        "Startup", "The database needs attention"), message)


def _first_run_done(services: DeskServices, tasks: TaskRunner) -> bool:
    """On the very first start the head teacher creates their account; False if they cancel."""
    staff = services.staff
    if staff is None or staff.is_set_up():
        return True
    from stpeters_desk.ui.security_dialogs import SetupWizard

    wizard = SetupWizard(services, tasks)
    if wizard.exec() != SetupWizard.DialogCode.Accepted or wizard.head is None:
        return False
    services.sign_in(wizard.head)
    return True


def _check_integrity(services: DeskServices, window: MainWindow, tasks: TaskRunner,
                     app: QApplication) -> None:
    """The start-up integrity check, after the window is up; until it passes nothing can be
    saved (the database's guard waits for it), and if it fails the app says why and closes."""
    guard = services.integrity
    if guard is None:
        return

    def checked(result: AuditVerification) -> None:
        if result.ok:
            if guard.notice:
                window.statusBar().showMessage(guard.notice)
            return
        if guard.not_joined and services.db is not None:  # a new computer on the server
            from stpeters_desk.ui.join_dialog import ask_to_join

            if ask_to_join(services, tasks, window):
                from stpeters_desk.core.integrity import IntegrityGuard

                services.integrity = IntegrityGuard(services.db)
                _check_integrity(services, window, tasks, app)
                return
        say_the_database_needs_attention(window, result.message)
        app.exit(2)

    tasks.run(guard.result, checked)


def _shown_tab(window: MainWindow) -> str:
    return window.tab_names()[window.tabs.currentIndex()]


def _practice_folder(services: DeskServices) -> bool:
    """No one set up and no real X account: nothing in it belongs to the school."""
    staff_set_up = services.staff is not None and services.staff.is_set_up()
    return not staff_set_up and not read(services.settings, REAL_ACCOUNT_CONNECTED)


PREVIEW_NAME = "Screenshot preview"


def _sign_in_preview(services: DeskServices, *, practice: bool) -> None:
    """--screenshot draws the window as the head would see it.

    It draws from a private copy of the data (``app._private_copy``). In a practice
    folder, where no one is set up, the copy gets a head teacher of its own, so what a
    tab does when first opened (the Followers tab syncs, Moderation reads the replies)
    is done as a person the operations know, as in school; a person who is not on the
    staff list is refused ("Your account is no longer active"). A school's folder is
    drawn for a head who is not stored, and only its unguarded tabs are drawn.
    """
    if services.staff is None:
        return
    if practice:
        member = _preview_head(services)
        if member is not None:
            services.sign_in(member)
            return
    from stpeters_desk.core.roles import Role
    from stpeters_desk.core.staff import StaffMember

    services.sign_in(StaffMember(0, PREVIEW_NAME, Role.HEAD, False, True))


def _preview_head(services: DeskServices) -> StaffMember | None:
    """A head teacher set up in the screenshot's copy, with a PIN no one is told."""
    import secrets

    from stpeters_desk.core.refusals import Refused
    from stpeters_desk.ops.staff import StaffOperations

    operations = StaffOperations(services)
    for _attempt in range(20):  # a random PIN is refused only if it looks guessable
        pin = f"{secrets.randbelow(10 ** 8):08d}"
        try:
            return operations.set_up_school(PREVIEW_NAME, pin, pin,
                                            register_this_computer=False).member
        except Refused:
            continue
    return None


def _screenshot_size(window: MainWindow, kiosk: bool, size: tuple[int, int] | None) -> None:
    """--screenshot draws a window, never a full screen: in kiosk mode with the kiosk's
    touch sizes at the screen's size (what full screen gives), else at ``size`` if given."""
    if kiosk:
        window.use_touch_sizes()
        if size is None:
            screen = window.screen().geometry()
            size = (screen.width(), screen.height())
    if size is not None:
        window.resize(*size)


def _bring_forward(window: MainWindow) -> None:
    window.showFullScreen() if window.kiosk else window.showNormal()
    window.raise_()
    window.activateWindow()


def _save_screenshot(app: QApplication, window: MainWindow, tasks: TaskRunner,
                     path: Path) -> int:
    tasks.wait_idle(15.0)
    app.processEvents()
    path.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(path), "PNG")
    window.composer.save_draft()
    window.close()
    tasks.shutdown()
    _destroy(window)
    if not ok:
        print(f"Could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0


def _destroy(window: MainWindow) -> None:
    """Delete the window's Qt objects now, while Python is still whole.

    Left to the interpreter's final clean-up, PySide6 can free widgets in an
    order that crashes the process at exit (seen with the Moderation tab).
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
