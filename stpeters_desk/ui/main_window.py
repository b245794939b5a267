"""The main window: the account bar, one tab per job, and a status bar.

Only tabs that work are shown; later features add theirs here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from stpeters_desk import APP_NAME, __version__
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.account_bar import AccountBar
from stpeters_desk.ui.composer_tab import ComposerTab, describe_error
from stpeters_desk.ui.tasks import TaskRunner
from stpeters_desk.x.models import Account

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent


class MainWindow(QMainWindow):
    def __init__(self, services: DeskServices, tasks: TaskRunner) -> None:
        super().__init__()
        self._services = services
        self._tasks = tasks
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.resize(1180, 760)
        self.account_bar = AccountBar()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("MainTabs")
        self.tabs.setDocumentMode(True)
        self.composer = ComposerTab(services, tasks)
        self.tabs.addTab(self.composer, "Compose")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.account_bar)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.signed_in_label = QLabel(f"Signed in: {services.signed_in}")
        self.statusBar().addPermanentWidget(self.signed_in_label)
        self.composer.status.connect(self.show_status)
        self.composer.posted.connect(self.refresh_account)
        if services.notice:
            self.show_status(services.notice)
        self.refresh_account()
        self.composer.refresh_posts()
        self.composer.send_due()

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    def refresh_account(self) -> None:
        gateway = self._services.gateway
        self._tasks.run(gateway.account, self._account_loaded, self._account_failed)

    def _account_loaded(self, account: Account) -> None:
        self.account_bar.show_account(account)

    def _account_failed(self, error: Exception) -> None:
        self.account_bar.show_unavailable(describe_error(error))

    def select_tab(self, name: str) -> bool:
        for index in range(self.tabs.count()):
            if self.tabs.tabText(index).replace("&", "").lower() == name.lower():
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def tab_names(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.composer.save_draft()
        super().closeEvent(event)
