"""Typed refusals: why an action was not done, in words a member of staff can act on.

Every guarded action refuses by raising one of these (never by returning False), so
a caller that forgets to look cannot carry on as if it had been allowed. The
message is translated and is what the window shows.
"""

from __future__ import annotations

from datetime import datetime


class Refused(Exception):
    """The action was not done; ``message`` says why and what to do next."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotSignedIn(Refused):
    """No one is signed in on this computer, and the action belongs to a person."""


class NotAllowed(Refused):
    """The person's role does not allow this (or the action is not in the table)."""


class HeadPinNeeded(Refused):
    """The head-teacher PIN was missing, wrong, or is locked for now."""

    def __init__(self, message: str, *, wait_until: datetime | None = None,
                 locked: bool = False) -> None:
        super().__init__(message)
        self.wait_until = wait_until
        self.locked = locked


class ReasonNeeded(Refused):
    """The action must say why (for the audit log and the governors), and did not."""


class InvalidInput(Refused):
    """What was typed cannot be used (a name too long, two PINs that differ...).

    Raised by the ``validate_*`` checks, which a form runs before it asks for the
    head-teacher PIN and the operation runs again before it changes anything.
    """
