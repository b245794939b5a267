"""The gate every operation passes: the table's rule, checked against the session.

``Gate.clear`` refuses (raises) unless the session's person has the action's
permission as stored now, the head-teacher PIN was typed where the table asks for
it and a reason was given where one is required. ``Gate.perform`` clears the action,
then runs the change and writes its audit entry in one transaction: both are kept
or neither. Everything not positively allowed is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypeVar

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.refusals import HeadPinNeeded, NotAllowed, NotSignedIn, ReasonNeeded
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.audit import NewAuditEntry, append_entries
from stpeters_desk.core.storage.db import Database
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import ACTIONS, Action, ActionRule
from stpeters_desk.ops.session import Session

T = TypeVar("T")


class Clearance(NamedTuple):
    """What the gate established: who acts, which head's PIN allowed it, and why."""

    action: Action
    actor: str
    member: StaffMember | None
    head: StaffMember | None
    reason: str

    @property
    def audit(self) -> AuditAction | None:
        return ACTIONS[self.action].audit


def removed_computer_message() -> str:
    return translate("Operations", "This computer was removed from the school by the head "
                                   "teacher, so nothing can be done on it. If that was a "
                                   "mistake, the head teacher can make an enrolment code for it "
                                   "again.")


class Gate:
    def __init__(self, db: Database, staff: StaffDirectory | None, computer: str = "",
                 device_id: str = "") -> None:
        self._db = db
        self._staff = staff
        self._computer = computer
        self._device_id = device_id  # this computer: refused once removed from the school

    def rule(self, action: Action) -> ActionRule:
        rule = ACTIONS.get(action)
        if rule is None:
            raise NotAllowed(translate("Operations", "This action is not in the app's table of "
                                                     "actions, so it is refused."))
        return rule

    def clear(self, session: Session, action: Action, *, head_pin: str | None = None,
              reason: str = "") -> Clearance:
        rule = self.rule(action)
        self._refuse_a_removed_computer()
        reason = reason.strip()
        if rule.reason and not reason:
            raise ReasonNeeded(translate("Operations", "Say why, in a few words: it goes in "
                                                       "the audit log."))
        if self._staff is None:
            return self._practice(session, action, rule, reason)
        if rule.signed_in and session.member is None:
            raise NotSignedIn(translate("Operations", "Sign in first."))
        if rule.head_pin:
            return self._with_head_pin(session, action, rule, head_pin or "", reason)
        member = self._staff.authorise(session.member, rule.permission)
        return Clearance(action, member.name, member, None, reason)

    def perform(self, session: Session, action: Action, change: Callable[[Clearance], T], *,
                target: str = "", detail: Callable[[T], str] | str = "",
                head_pin: str | None = None, reason: str = "") -> T:
        """Clear ``action``, then ``change`` and its audit entry in one transaction.

        ``change`` receives the clearance (who acts, which head allowed it) and may call
        stores: their transactions join this one. ``detail`` may be worked out from the
        change's result (an id it created).
        """
        clearance = self.clear(session, action, head_pin=head_pin, reason=reason)
        with self._db.transaction():
            result = change(clearance)
            text = detail(result) if callable(detail) else detail
            self.record(clearance, target, text)
        return result

    def record(self, clearance: Clearance, target: str = "", detail: str = "") -> None:
        """The audit entry for a cleared action (inside the caller's transaction if any)."""
        if clearance.audit is None:
            raise ValueError(f"{clearance.action} only reads: it has no audit entry")
        if clearance.head is not None and clearance.head.name != clearance.actor:
            detail = "; ".join(part for part in (detail, f"head PIN: {clearance.head.name}")
                               if part)
        entry = NewAuditEntry(actor=clearance.actor, action=clearance.audit.value,
                              target=target, detail=detail, device=self._computer,
                              reason=clearance.reason)
        with self._db.transaction() as conn:
            append_entries(conn, [entry])

    def _refuse_a_removed_computer(self) -> None:
        from stpeters_desk.core.storage.school_store import SchoolStore

        if self._device_id and SchoolStore(self._db).is_removed(self._device_id):
            raise NotAllowed(removed_computer_message())

    def _with_head_pin(self, session: Session, action: Action, rule: ActionRule,
                       head_pin: str, reason: str) -> Clearance:
        assert self._staff is not None
        by = session.member
        if by is None and rule.permission is not None:
            raise NotSignedIn(translate("Operations", "Sign in first."))
        head = self._staff.require_head_pin(head_pin, by=by, permission=rule.permission,
                                            action=str(rule.audit or action))
        actor = by if by is not None else head
        return Clearance(action, actor.name, actor, head, reason)

    def _practice(self, session: Session, action: Action, rule: ActionRule,
                  reason: str) -> Clearance:
        """No staff accounts: only a sandbox practice session, and never a head-PIN action."""
        if not session.practice:
            raise NotAllowed(translate("Operations", "No staff accounts are set up, so nothing "
                                                     "can be done here. Set up the school "
                                                     "first."))
        if rule.head_pin:
            raise HeadPinNeeded(translate("Operations", "This needs the head teacher's PIN, and "
                                                        "this practice set-up has no head "
                                                        "teacher."))
        return Clearance(action, session.actor, None, None, reason)
