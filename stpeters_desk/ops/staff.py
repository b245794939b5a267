"""The head's changes to staff, and the session's own sign-in trail.

``core.staff.StaffDirectory`` already checks the role and the head-teacher PIN and
writes the change with its audit entry in one transaction. These operations put the
table of actions in front of it (the role the table names, checked first), run the
same ``validate_*`` checks a form runs before it asks for the PIN (so a refusal for
a typing mistake never costs the head a PIN), and turn every refusal into a typed
``Refused`` with a message the window can show as it is. No staff directory: every
operation is refused (fail closed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.pins import validate_new_pin
from stpeters_desk.core.refusals import HeadPinNeeded, InvalidInput, NotAllowed, NotSignedIn
from stpeters_desk.core.roles import Permission, Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import HeadCredentials, StaffDirectory, StaffMember, clean_name
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import ACTIONS, Action
from stpeters_desk.ops.session import Session

T = TypeVar("T")


@dataclass(frozen=True)
class NewMember:
    """A new member of staff as typed, already checked by ``validate_new_member``."""

    name: str
    role: Role
    pin: str
    approver: bool = False


@dataclass(frozen=True)
class PermissionChange:
    """One tick or untick in the Staff tab's table of what each role may do."""

    role: Role
    permission: Permission
    allowed: bool


# -- checks a form runs before it asks for the PIN (and the operation runs again) ---------
def validate_new_pin_choice(pin: str, again: str) -> str:
    """The new PIN, typed twice; raises ``InvalidInput`` saying why it cannot be used."""
    problem = validate_new_pin(pin)
    if problem:
        raise InvalidInput(problem)
    if pin != again:
        raise InvalidInput(translate("Operations", "The two PINs are different. Type the same "
                                                   "PIN twice."))
    return pin


def validate_head_set_up(name: str, pin: str, again: str) -> tuple[str, str]:
    """The first head teacher's name and PIN, tidied, or ``InvalidInput`` saying why not."""
    try:
        tidy = clean_name(name)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    return tidy, validate_new_pin_choice(pin, again)


def validate_new_member(staff: StaffDirectory | None, name: str, role: Role, pin: str,
                        again: str, approver: bool = False) -> NewMember:
    """Everything about a new member of staff that can be checked without the head's PIN."""
    try:
        tidy = clean_name(name)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    if staff is not None and any(m.name.lower() == tidy.lower() for m in staff.members()):
        raise InvalidInput(translate("Staff", "{name} is already on the staff list. Use a name "
                                              "that tells them apart, e.g. with a first name or "
                                              "initial.").format(name=tidy))
    return NewMember(tidy, Role(role), validate_new_pin_choice(pin, again), approver)


def validate_permission_changes(changes: Sequence[PermissionChange]) -> None:
    """The head teacher always keeps every permission: refused before the PIN is asked."""
    if any(change.role == Role.HEAD for change in changes):
        raise InvalidInput(translate("Staff", "The head teacher always keeps every "
                                              "permission."))


@contextmanager
def _refusals() -> Iterator[None]:
    """Core says "this cannot be done" with ``ValueError``: pass it on as a typed refusal."""
    try:
        yield
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


class StaffOperations:
    """Adding and changing staff, PINs and what each role may do (Staff tab, sign-in)."""

    def __init__(self, services: DeskServices) -> None:
        self._services = services

    @property
    def _staff(self) -> StaffDirectory:
        staff = self._services.staff
        if staff is None:
            raise NotAllowed(translate("Operations", "No staff accounts are set up, so nothing "
                                                     "can be done here. Set up the school "
                                                     "first."))
        return staff

    def _allowed(self, session: Session, action: Action) -> StaffMember:
        """The table's role check for ``action``; core then asks for the head's PIN."""
        if session.member is None:
            raise NotSignedIn(translate("Operations", "Sign in first."))
        return self._staff.authorise(session.member, ACTIONS[action].permission)

    def _perform(self, session: Session, action: Action, change: Callable[[StaffMember], T]
                 ) -> T:
        by = self._allowed(session, action)
        with _refusals():
            return change(by)

    # -- the staff list ------------------------------------------------------------------
    def add_member(self, session: Session, new: NewMember, head_pin: str) -> StaffMember:
        checked = validate_new_member(self._staff, new.name, new.role, new.pin, new.pin,
                                      new.approver)
        return self._perform(session, Action.ADD_STAFF, lambda by: self._staff.add_member(
            checked.name, checked.role, checked.pin, checked.approver, by=by,
            head_pin=head_pin))

    def change_role(self, session: Session, staff_id: int, role: Role,
                    head_pin: str) -> StaffMember:
        return self._perform(session, Action.CHANGE_ROLE, lambda by: self._staff.update_member(
            staff_id, role=Role(role), by=by, head_pin=head_pin))

    def set_approver(self, session: Session, staff_id: int, approver: bool,
                     head_pin: str) -> StaffMember:
        """The per-person "may approve" grant: part of someone's role, so CHANGE_ROLE."""
        return self._perform(session, Action.CHANGE_ROLE, lambda by: self._staff.update_member(
            staff_id, approver=approver, by=by, head_pin=head_pin))

    def set_active(self, session: Session, staff_id: int, active: bool,
                   head_pin: str) -> StaffMember:
        return self._perform(session, Action.DEACTIVATE, lambda by: self._staff.update_member(
            staff_id, active=active, by=by, head_pin=head_pin))

    def unlock_pin(self, session: Session, staff_id: int, head_pin: str) -> None:
        self._perform(session, Action.UNLOCK_PIN, lambda by: self._staff.unlock(
            staff_id, by=by, head_pin=head_pin))

    def reset_pin(self, session: Session, staff_id: int, new_pin: str, again: str,
                  head_pin: str) -> None:
        """Someone forgot their PIN: the head sets a new one, which also unlocks it."""
        pin = validate_new_pin_choice(new_pin, again)
        self._perform(session, Action.RESET_PIN, lambda by: self._staff.reset_pin(
            staff_id, pin, by=by, head_pin=head_pin))

    def change_permissions(self, session: Session, changes: Sequence[PermissionChange],
                           head_pin: str) -> int:
        """Several ticks saved at once, all or none; returns how many were saved.

        The PIN is checked once before the transaction (so a wrong PIN is counted, not
        rolled back with the changes), then each change is written with its entry.
        """
        if not changes:
            return 0
        validate_permission_changes(changes)
        by = self._allowed(session, Action.CHANGE_PERMISSIONS)
        staff = self._staff
        with _refusals():
            staff.require_head_pin(head_pin, by=by,
                                   permission=ACTIONS[Action.CHANGE_PERMISSIONS].permission,
                                   action="change what a role may do")
            db = self._services.db
            if db is None:
                raise NotAllowed(translate("Operations", "The school's database is not open, "
                                                         "so nothing was changed."))
            with db.transaction():
                for change in changes:
                    staff.set_permission(change.role, change.permission, change.allowed, by=by,
                                         head_pin=head_pin)
        return len(changes)

    def new_recovery_code(self, session: Session, head_pin: str) -> str:
        """A new recovery code when the written copy is lost; the old one stops working.

        Returned once, to be shown once and written down.
        """
        return self._perform(session, Action.NEW_RECOVERY_CODE,
                             lambda by: self._staff.replace_recovery_code(by=by,
                                                                          head_pin=head_pin))

    # -- the head teacher's own account ------------------------------------------------------
    def set_up_school(self, name: str, pin: str, again: str, *,
                      register_this_computer: bool) -> HeadCredentials:
        """First start: the head teacher's account (and this computer registered, with the
        PIN just chosen); the recovery code in the result is to be shown once."""
        tidy, pin = validate_head_set_up(name, pin, again)
        with _refusals():
            credentials = self._staff.create_head(tidy, pin)
        devices, device = self._services.devices, self._services.device
        if register_this_computer and devices is not None and device is not None:
            devices.register(device, by=credentials.member, head_pin=pin)
        return credentials

    def recover_head(self, recovery_code: str, new_pin: str, again: str) -> HeadCredentials:
        """A forgotten or locked head PIN: the recovery code sets a new one (and a new code)."""
        pin = validate_new_pin_choice(new_pin, again)
        with _refusals():
            return self._staff.recover_head(recovery_code, pin)

    # -- each person's own PIN ----------------------------------------------------------------
    def change_own_pin(self, session: Session, current_pin: str, new_pin: str,
                       again: str) -> None:
        """Someone signed in chooses a new PIN; their current PIN proves it is them."""
        pin = validate_new_pin_choice(new_pin, again)
        if session.member is None:
            raise NotSignedIn(translate("Operations", "Sign in first."))
        member = session.member
        with _refusals():
            self._staff.change_own_pin(member.staff_id, current_pin, pin)

    # -- the head-teacher PIN, before a guarded change -------------------------------------
    def confirm_head_pin(self, session: Session, head_pin: str, action: str) -> StaffMember:
        """Whether ``head_pin`` is a head's PIN now: the PIN dialog's check before it closes.

        Wrong tries count against the person signed in (or "no one signed in"), as the
        operation's own check does; the operation checks it again.
        """
        result = self._staff.check_head_pin(head_pin, by=session.member, action=action)
        if result.member is None:
            raise HeadPinNeeded(result.message, wait_until=result.wait_until,
                                locked=result.locked)
        return result.member

    # -- the session's own trail -----------------------------------------------------------
    def lock(self, session: Session) -> Session:
        """The window goes back to the sign-in screen: recorded as the person's lock."""
        if session.member is not None:
            self._services.audit.record(session.member.name, AuditAction.LOCK, "", "",
                                        device=session.computer or None)
        return session.signed_out()
