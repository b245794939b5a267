"""One window per data folder, in every mode: a second start brings the first forward.

Two windows on one data folder would both send the outbox and both save the
draft (a double tap on the icon, an autostart plus a shortcut, the kiosk
started twice). The first start takes a lock file in the data folder (Qt's
``QLockFile``, which a crashed run does not leave blocking: the lock of a
process that is gone is taken over) and listens on a local socket named after
the data folder; a later start finds the lock taken, asks the first to show
itself and exits. Only the window takes the lock: ``--screenshot`` and the
``audit`` and ``photos`` commands never send the outbox, so they need none.

The lock costs a millisecond; QtNetwork (for the socket) costs tens, so the
first start only takes the lock and listens once its window is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

SHOW_MESSAGE = b"show"
LOCK_FILE = "instance.lock"


def instance_name(data_dir: Path) -> str:
    import getpass  # here, not at start-up: only a second start or the listener needs it
    import hashlib

    digest = hashlib.sha256(f"{getpass.getuser()}|{data_dir.resolve()}".encode()).hexdigest()
    return f"stpeters-desk-{digest[:16]}"


def ask_running_instance_to_show(name: str, timeout_ms: int = 500) -> bool:
    """True if another instance answered (it will bring its window forward)."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(SHOW_MESSAGE)
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceLock:
    """The data folder's lock, held for as long as the window is open."""

    def __init__(self, data_dir: Path, lock: QLockFile) -> None:
        self._data_dir = data_dir
        self._lock = lock
        self._listener: SingleInstance | None = None

    @classmethod
    def claim(cls, data_dir: Path) -> InstanceLock | None:
        """The lock of ``data_dir``, or None when another window holds it (that window
        has been asked to come forward)."""
        lock = QLockFile(str(data_dir / LOCK_FILE))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if not lock.tryLock(0):
            cls.other_window_answered = ask_running_instance_to_show(instance_name(data_dir))
            return None
        return cls(data_dir, lock)

    other_window_answered = False
    """After a refused claim: whether the window holding the lock came forward (False when
    the lock's owner is some other program that reused its process number)."""

    def listen(self, on_show: Callable[[], None]) -> None:
        """Answer later starts by calling ``on_show`` (after the first frame: see above)."""
        self._listener = SingleInstance(instance_name(self._data_dir), on_show)

    def release(self) -> None:
        if self._listener is not None:
            self._listener.server.close()
        self._lock.unlock()


class SingleInstance(QObject):
    """Listens for later starts and calls ``on_show`` for each."""

    def __init__(self, name: str, on_show: Callable[[], None],
                 parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

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
