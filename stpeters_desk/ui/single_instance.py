"""One window per data folder, in every mode: a second start brings the first forward.

Two windows on one data folder would both send the outbox and both save the
draft (a double tap on the icon, an autostart plus a shortcut, the kiosk
started twice). The first start takes a lock file in the data folder (Qt's
``QLockFile``, which a crashed run does not leave blocking: the lock of a
process that is gone is taken over) and listens on a local socket named after
the data folder; a later start finds the lock taken, asks the first to show
itself and exits. Only the window takes the lock: ``--screenshot`` and the
``audit`` and ``photos`` commands never send the outbox, so they need none.
"""

from __future__ import annotations

import getpass
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

SHOW_MESSAGE = b"show"
LOCK_FILE = "instance.lock"


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
    """Holds the data folder's lock and calls ``on_show`` for each later start."""

    def __init__(self, name: str, on_show: Callable[[], None] = lambda: None,
                 parent: QObject | None = None, lock: QLockFile | None = None) -> None:
        super().__init__(parent)
        self.on_show = on_show
        self.lock = lock
        self.server = QLocalServer(self)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # a crashed run left its socket behind
            self.server.listen(name)
        self.server.newConnection.connect(self._connection)

    @classmethod
    def claim(cls, data_dir: Path, parent: QObject | None = None) -> SingleInstance | None:
        """The lock of ``data_dir`` and its socket, or None when another window holds them
        (that window has been asked to come forward)."""
        name = instance_name(data_dir)
        lock = QLockFile(str(data_dir / LOCK_FILE))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if not lock.tryLock(0):
            ask_running_instance_to_show(name)
            return None
        return cls(name, parent=parent, lock=lock)

    def release(self) -> None:
        self.server.close()
        if self.lock is not None:
            self.lock.unlock()

    def _connection(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._read(socket))

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW_MESSAGE):
            self.on_show()
        socket.disconnectFromServer()
