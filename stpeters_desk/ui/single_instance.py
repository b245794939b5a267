"""One kiosk window per person and data folder: a second start brings the first forward.

A kiosk started twice (a double tap on the icon, an autostart plus a
shortcut) would otherwise show two windows that both lock and post. The
first instance listens on a local socket named after the user and the data
folder; a later start sends it "show" and exits.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW_MESSAGE = b"show"


def instance_name(data_dir: Path) -> str:
    digest = hashlib.sha256(f"{getpass.getuser()}|{data_dir.resolve()}".encode()).hexdigest()
    return f"stpeters-desk-{digest[:16]}"


def ask_running_instance_to_show(name: str, timeout_ms: int = 500) -> bool:
    """True if another instance answered (it will bring its window forward)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(SHOW_MESSAGE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class SingleInstance(QObject):
    """Listens for later starts and calls ``on_show`` for each."""

    def __init__(self, name: str, on_show: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_show = on_show
        self.server = QLocalServer(self)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a crashed run left its socket behind
            self.server.listen(name)
        self.server.newConnection.connect(self._connection)

    def _connection(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW_MESSAGE):
            self._on_show()
        socket.disconnectFromServer()
