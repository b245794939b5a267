"""Who is acting, on which computer: the one way every operation names its actor."""

from __future__ import annotations

from typing import NamedTuple

from stpeters_desk.core.staff import StaffMember

PRACTICE_ACTOR = "Office"  # the actor's name in a practice set-up without staff accounts


class Session(NamedTuple):
    """The person signed in on this computer (None before sign-in or after a lock).

    ``practice`` is True only for a sandbox set-up without staff accounts (tests,
    trials, ``--screenshot``): there, actions that need only a role are allowed to
    the practice actor, and actions that need the head-teacher PIN are still refused.
    """

    member: StaffMember | None
    computer: str = ""
    practice: bool = False

    @property
    def actor(self) -> str:
        """The name the audit log records for this session's actions."""
        if self.member is not None:
            return self.member.name
        return PRACTICE_ACTOR if self.practice else ""

    @property
    def signed_in(self) -> bool:
        return self.member is not None

    def signed_out(self) -> Session:
        """The same computer with no one signed in (after sign-out or an idle lock)."""
        return Session(None, self.computer, self.practice)
