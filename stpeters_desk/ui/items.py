"""Helpers for list and table items shared by the tabs."""

from __future__ import annotations

USER_ROLE = 0x0100  # Qt::UserRole; item roles are plain numbers to Qt


def id_role() -> int:
    """Where list items keep the id of what they show (a post, a person, an outbox entry).

    The number rather than ``Qt.ItemDataRole.UserRole``: PySide6 builds the whole ``Qt``
    namespace when one of its enums is first named, which costs the head teacher's first
    frame tens of milliseconds (the Compose tab's list of tweets is filled by then).
    """
    return USER_ROLE
