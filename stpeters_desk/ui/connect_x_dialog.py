"""Connecting or replacing the school's X account (head teacher only).

Two ways in: sign in on x.com and type the code x.com shows (two codes to copy
by hand), or type the four codes from X's "Keys and tokens" page. The words are
plain ones, each field says under it what X calls it, and "How do I get these?"
opens the step-by-step guide shipped with the app (docs/CONNECT-X.md). Either way the
keys are checked with X first, refused if they allow direct messages (the
policy rules out private conversations), and then kept only in this
computer's secure password store.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.school import SchoolOperations
from stpeters_desk.ui.messages import name_standard_buttons
from stpeters_desk.ui.security_dialogs import HeadPinAsker, hidden_field, run_guarded
from stpeters_desk.ui.tasks import TaskRunner
from stpeters_desk.x.credentials import XCredentials
from stpeters_desk.x.models import Account

GUIDE = ("guides", "CONNECT-X.md")  # under the resources folder; a copy of docs/CONNECT-X.md
GUIDE_LINK = "guide:connect-x"


class ConnectXDialog(QDialog):
    """The keys are typed first and checked for completeness; the head-teacher PIN is
    asked only when they are sent to X, and a refusal leaves them in their fields."""

    def __init__(self, services: DeskServices, tasks: TaskRunner, ask_head_pin: HeadPinAsker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect the school's X account"))
        self.setMinimumWidth(560)
        self._services = services
        self._tasks = tasks
        self._ask_head_pin = ask_head_pin
        self._sign_in: object | None = None
        self.connected: Account | None = None
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(False)  # two short tabs; the tab bar never scrolls
        self.tabs.addTab(self._sign_in_page(), self.tr("Sign in on x.com"))
        self.tabs.addTab(self._paste_page(), self.tr("Type all four codes"))
        self.tabs.setTabToolTip(0, self.tr("Easiest: sign in on x.com and type the code it "
                                           "shows"))
        self.tabs.setTabToolTip(1, self.tr("Type the four codes from the “Keys and tokens” "
                                           "page of the school's app on X"))
        self.message = QLabel()
        self.message.setObjectName("FormMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The codes come from the school's own app on X (X calls it a "
                               "“developer app”), with permission to read and write only: never "
                               "direct messages."))
        intro.setWordWrap(True)
        self.guide_link = QLabel(f"<a href=\"{GUIDE_LINK}\">"
                                 + self.tr("How do I get these?") + "</a>")
        self.guide_link.setToolTip(self.tr("Step by step: creating the school's app on X, its "
                                           "permissions, where the codes are, what X charges"))
        self.guide_link.linkActivated.connect(lambda _link: self.show_guide())
        layout.addWidget(intro)
        layout.addWidget(self.guide_link)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _sign_in_page(self) -> QWidget:
        page = QWidget()
        self.app_key = hidden_field(self.tr("School app's key"))
        self.app_secret = hidden_field(self.tr("School app's secret"))
        self.open_button = QPushButton(self.tr("Open the x.com sign-in page"))
        self.open_button.setToolTip(self.tr("Opens x.com in your web browser: sign in as the "
                                            "school's account and x.com shows a code to type "
                                            "below"))
        self.open_button.clicked.connect(self.open_sign_in)
        self.pin_field = QLineEdit()
        self.pin_field.setAccessibleName(self.tr("The code x.com shows"))
        self.pin_field.setToolTip(self.tr("The number x.com shows after you sign in; it is not "
                                          "anyone's PIN for this app"))
        self.finish_button = QPushButton(self.tr("Check and save"))
        self.finish_button.setToolTip(self._save_tip())
        self.finish_button.setProperty("primary", True)
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish_sign_in)
        form = QFormLayout(page)
        _add_field(form, self.app_key, self.tr("On X's “Keys and tokens” page: “API Key” "
                                               "(or “Consumer Key”)."))
        _add_field(form, self.app_secret, self.tr("On the same page: “API Key Secret”."))
        form.addRow(self.open_button)
        _add_field(form, self.pin_field, self.tr(
            "After you sign in on x.com as the school, x.com shows a number: type it here. "
            "It is not a staff PIN."))
        form.addRow(self.finish_button)
        return page

    def _save_tip(self) -> str:
        return self.tr("Checks the keys with X, refuses keys that allow direct messages, then "
                       "keeps them only in this computer's secure password store")

    def _paste_page(self) -> QWidget:
        page = QWidget()
        names = (self.tr("School app's key"), self.tr("School app's secret"),
                 self.tr("Account access code"), self.tr("Account access secret"))
        explanations = (
            self.tr("On X's “Keys and tokens” page: “API Key” (or “Consumer Key”)."),
            self.tr("On the same page: “API Key Secret”."),
            self.tr("“Access Token”, made for the school's account after the app was set to "
                    "read and write."),
            self.tr("“Access Token Secret”, shown beside it."))
        self.paste_fields = [hidden_field(name) for name in names]
        self.paste_button = QPushButton(self.tr("Check and save"))
        self.paste_button.setToolTip(self._save_tip())
        self.paste_button.setProperty("primary", True)
        self.paste_button.clicked.connect(self.save_pasted)
        form = QFormLayout(page)
        for field, explanation in zip(self.paste_fields, explanations, strict=True):
            _add_field(form, field, explanation)
        form.addRow(self.paste_button)
        return page

    def show_guide(self) -> None:
        """The step-by-step guide, shipped with the app, in a window of its own."""
        GuideDialog(self).exec()

    # -- sign in on x.com ------------------------------------------------------------
    def open_sign_in(self) -> None:
        from stpeters_desk.x.connect import start_pin_sign_in

        key, secret = self.app_key.text().strip(), self.app_secret.text().strip()
        if not key or not secret:
            self.message.setText(self.tr("Type the school app's key and secret first."))
            return
        self.message.setText(self.tr("Asking X for a sign-in page…"))
        self._tasks.run(lambda: start_pin_sign_in(key, secret), self._sign_in_ready,
                        self._failed)

    def _sign_in_ready(self, sign_in: object) -> None:
        self._sign_in = sign_in
        url = str(getattr(sign_in, "url", ""))
        QDesktopServices.openUrl(QUrl(url))
        self.finish_button.setEnabled(True)
        self.message.setText(self.tr("Sign in on x.com as the school's account, then type the "
                                     "code x.com shows. If no browser opened, go to: {url}").format(
                                         url=url))

    def finish_sign_in(self) -> None:
        from stpeters_desk.x.connect import PinSignIn, finish_pin_sign_in

        sign_in, pin = self._sign_in, self.pin_field.text().strip()
        if not isinstance(sign_in, PinSignIn) or not pin:
            self.message.setText(self.tr("Open the sign-in page and type the code x.com "
                                         "shows."))
            return
        self._check_and_save(lambda: finish_pin_sign_in(sign_in, pin))

    # -- pasted keys -----------------------------------------------------------------
    def save_pasted(self) -> None:
        values = [field.text().strip() for field in self.paste_fields]
        if not all(values):
            self.message.setText(self.tr("All four codes are needed."))
            return
        credentials = XCredentials(*values)
        self._check_and_save(lambda: credentials)

    # -- checking and saving ---------------------------------------------------------
    def _check_and_save(self, get_credentials: Callable[[], XCredentials]) -> None:
        services = self._services
        operations, session = SchoolOperations(services), session_of(services)

        def ask(action: str) -> str | None:
            head_pin = self._ask_head_pin(action)
            if head_pin is not None:
                self.message.setText(self.tr("Checking the codes with X…"))
            return head_pin

        run_guarded(ask, self._tasks, self.tr("connect or replace the school's X account"),
                    lambda head_pin: operations.connect_x(session, get_credentials, head_pin),
                    self._saved, self.message.setText)

    def _saved(self, account: Account) -> None:
        self.connected = account
        self.message.setText(self.tr("Connected as @{handle}. Restart the app to switch from "
                                     "the practice account to the real one.").format(
                                         handle=account.handle))

    def _failed(self, error: Exception) -> None:
        text = getattr(error, "user_text", None)
        self.message.setText(text() if callable(text) else str(error))


def _add_field(form: QFormLayout, field: QLineEdit, explanation: str) -> None:
    """A plain label beside the field and, under it, where X shows that code."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    note = QLabel(explanation)
    note.setObjectName("FieldHint")
    note.setWordWrap(True)
    field.setAccessibleDescription(explanation)
    if not field.toolTip():
        field.setToolTip(explanation)
    column.addWidget(field)
    column.addWidget(note)
    form.addRow(field.accessibleName(), box)


def guide_path() -> Path:
    return resources_dir().joinpath(*GUIDE)


class GuideDialog(QDialog):
    """docs/CONNECT-X.md as the app ships it, readable on a computer with no Markdown viewer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connecting the school's X account: the guide"))
        self.resize(760, 600)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        try:
            self.text.setMarkdown(guide_path().read_text(encoding="utf-8"))
        except OSError:
            self.text.setPlainText(self.tr("The guide is missing from this installation. It "
                                           "is docs/CONNECT-X.md in the app's source."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
