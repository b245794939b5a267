"""Connecting or replacing the school's X account (head teacher only).

Two ways in: sign in on x.com and type the PIN X shows (nothing to copy by
hand), or paste the four keys from the X developer portal. Either way the
keys are checked with X first, refused if they allow direct messages (the
policy rules out private conversations), and then kept only in this
computer's secure password store.
"""

from __future__ import annotations

from collections.abc import Callable

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
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.school import SchoolOperations
from stpeters_desk.ui.messages import name_standard_buttons
from stpeters_desk.ui.security_dialogs import HeadPinAsker, hidden_field, run_guarded
from stpeters_desk.ui.tasks import TaskRunner
from stpeters_desk.x.credentials import XCredentials
from stpeters_desk.x.models import Account


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
        self.tabs.addTab(self._paste_page(), self.tr("Paste keys"))
        self.tabs.setTabToolTip(0, self.tr("Easiest: sign in on x.com and type the PIN it shows"))
        self.tabs.setTabToolTip(1, self.tr("Paste all four keys from the X developer portal"))
        self.message = QLabel()
        self.message.setObjectName("FormMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The keys come from the school's X developer app. Give it “Read "
                               "and write” permission only: never direct messages."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _sign_in_page(self) -> QWidget:
        page = QWidget()
        self.app_key = hidden_field(self.tr("API key"))
        self.app_secret = hidden_field(self.tr("API key secret"))
        for field in (self.app_key, self.app_secret):
            field.setToolTip(self.tr("From the “Keys and tokens” page of the school's app in "
                                     "the X developer portal"))
        self.open_button = QPushButton(self.tr("Open the x.com sign-in page"))
        self.open_button.setToolTip(self.tr("Opens x.com in your web browser: sign in as the "
                                            "school's account and X shows a PIN to type below"))
        self.open_button.clicked.connect(self.open_sign_in)
        self.pin_field = QLineEdit()
        self.pin_field.setAccessibleName(self.tr("PIN shown by x.com"))
        self.pin_field.setToolTip(self.tr("The number x.com shows after you sign in; it is not "
                                          "your own PIN for this app"))
        self.finish_button = QPushButton(self.tr("Check and save"))
        self.finish_button.setToolTip(self._save_tip())
        self.finish_button.setProperty("primary", True)
        self.finish_button.setEnabled(False)
        self.finish_button.clicked.connect(self.finish_sign_in)
        form = QFormLayout(page)
        form.addRow(self.tr("API key"), self.app_key)
        form.addRow(self.tr("API key secret"), self.app_secret)
        form.addRow(self.open_button)
        form.addRow(self.tr("PIN from x.com"), self.pin_field)
        form.addRow(self.finish_button)
        return page

    def _save_tip(self) -> str:
        return self.tr("Checks the keys with X, refuses keys that allow direct messages, then "
                       "keeps them only in this computer's secure password store")

    def _paste_page(self) -> QWidget:
        page = QWidget()
        self.paste_fields = [hidden_field(name) for name in
                             (self.tr("API key"), self.tr("API key secret"),
                              self.tr("Access token"), self.tr("Access token secret"))]
        for field in self.paste_fields:
            field.setToolTip(self.tr("From the “Keys and tokens” page of the school's app in "
                                     "the X developer portal"))
        self.paste_button = QPushButton(self.tr("Check and save"))
        self.paste_button.setToolTip(self._save_tip())
        self.paste_button.setProperty("primary", True)
        self.paste_button.clicked.connect(self.save_pasted)
        form = QFormLayout(page)
        for field in self.paste_fields:
            form.addRow(field.accessibleName(), field)
        form.addRow(self.paste_button)
        return page

    # -- sign in on x.com ------------------------------------------------------------
    def open_sign_in(self) -> None:
        from stpeters_desk.x.connect import start_pin_sign_in

        key, secret = self.app_key.text().strip(), self.app_secret.text().strip()
        if not key or not secret:
            self.message.setText(self.tr("Type the developer app's API key and secret first."))
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
                                     "PIN it shows. If no browser opened, go to: {url}").format(
                                         url=url))

    def finish_sign_in(self) -> None:
        from stpeters_desk.x.connect import PinSignIn, finish_pin_sign_in

        sign_in, pin = self._sign_in, self.pin_field.text().strip()
        if not isinstance(sign_in, PinSignIn) or not pin:
            self.message.setText(self.tr("Open the sign-in page and type the PIN x.com shows."))
            return
        self._check_and_save(lambda: finish_pin_sign_in(sign_in, pin))

    # -- pasted keys -----------------------------------------------------------------
    def save_pasted(self) -> None:
        values = [field.text().strip() for field in self.paste_fields]
        if not all(values):
            self.message.setText(self.tr("All four keys are needed."))
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
                self.message.setText(self.tr("Checking the keys with X…"))
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
