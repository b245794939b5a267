"""Helpers for list and table items shared by the tabs."""

from __future__ import annotations

from PySide6 import QtCore


def id_role() -> QtCore.Qt.ItemDataRole:
    """Where list items keep the id of what they show (a post, a person, an outbox entry).

    A function rather than a constant: PySide6 builds the ``Qt`` namespace on
    first use, which costs milliseconds that start-up should not pay.
    """
    return QtCore.Qt.ItemDataRole.UserRole
