"""The session and gate for the services a window was given.

``core`` must not import ``ops`` (the layers contract), so these live here rather
than as methods of ``DeskServices``.
"""

from __future__ import annotations

from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.session import Session


def session_of(services: DeskServices) -> Session:
    """Who is acting on this computer now: the one way operations name the actor."""
    computer = services.device.label if services.device is not None else ""
    return Session(services.member, computer, practice=services.staff is None)


def gate_of(services: DeskServices) -> Gate:
    """The gate over this school's staff directory and database.

    Fails closed: services without a database cannot clear anything.
    """
    if services.db is None:
        raise RuntimeError("the operations gate needs the school's database")
    computer = services.device.label if services.device is not None else ""
    return Gate(services.db, services.staff, computer)
