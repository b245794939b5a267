"""The session and gate for the services a window was given.

``core`` must not import ``ops`` (the layers contract), so these live here rather
than as methods of ``DeskServices``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.session import Session

if TYPE_CHECKING:
    from stpeters_desk.core.photo_library import PhotoLibrary


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
    device_id = services.device.device_id if services.device is not None else ""
    return Gate(services.db, services.staff, computer, device_id)


def photo_library_of(services: DeskServices) -> PhotoLibrary | None:
    """The school's prepared photos; None in a set-up without a database (then nothing
    with a photo can pass the pre-flight: unknown photos are refused)."""
    return services.photo_library() if services.db is not None else None
