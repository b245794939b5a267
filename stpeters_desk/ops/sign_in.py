"""The sign-in screen's way in: who may sign in, whether they must wait, and the PIN check.

Kept small because the sign-in screen is drawn at every start. The directory records
a wrong PIN against this computer and the name chosen, as a failed attempt (never as
that person's action), and a right one as the person's sign-in.
"""

from __future__ import annotations

from stpeters_desk.core.pins import LockState
from stpeters_desk.core.staff import SignInResult, StaffDirectory, StaffMember


class SignInDesk:
    def __init__(self, staff: StaffDirectory) -> None:
        self._staff = staff

    def people(self) -> list[StaffMember]:
        """Everyone who may sign in (the inactive are not listed)."""
        return self._staff.members()

    def lock_state(self, staff_id: int) -> LockState:
        return self._staff.lock_state(staff_id)

    def sign_in(self, staff_id: int, pin: str) -> SignInResult:
        return self._staff.sign_in(staff_id, pin)
