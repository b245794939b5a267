"""Reading the school's settings: how windows read them.

Changing a setting is an operation (``ops.school``: permission, audit entry). Reading
one needs neither, and lives here apart so that a window checking one setting at sign-in
(has this person had the guided tour?) does not load every school operation first.
"""

from __future__ import annotations

from typing import TypeVar

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import Setting, read

T = TypeVar("T")


def read_setting(services: DeskServices, setting: Setting[T]) -> T:
    """A setting's value now (its default when unset)."""
    return read(services.settings, setting)
