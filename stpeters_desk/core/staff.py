"""The staff directory: who works the account, their PINs, and the head teacher's guard.

Every member of staff signs in with a personal PIN, so every action in the
log is theirs. The school's policy puts the head teacher in charge of
passwords and permissions, so changes to staff, roles, devices and the X
account need the head-teacher PIN typed at the moment of the change, even
when the head is already signed in (``require_head_pin``): a kiosk left
signed in must not let a passer-by change anything that matters.

Wrong PINs are counted in the database, so waiting and locks survive a
restart. The head's own lock is lifted with the recovery code shown once at
set-up. Argon2 makes each PIN check take tens of milliseconds: call these
methods from a worker thread.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import NamedTuple

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.pins import (
    DEFAULT_LOCKOUT,
    LockoutPolicy,
    LockState,
    as_utc,
    describe_wait,
    hash_pin,
    needs_rehash,
    validate_new_pin,
    verify_pin,
)
from stpeters_desk.core.refusals import HeadPinNeeded, NotAllowed
from stpeters_desk.core.roles import (
    APPROVER_GRANT,
    PERMISSION_TITLES,
    ROLE_TITLES,
    Permission,
    Role,
    permission_title,
    role_title,
)
from stpeters_desk.core.storage.audit import AuditLog, NewAuditEntry, time_text
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.staff_store import NoActiveHeadLeft, StaffRecord, StaffStore
from stpeters_desk.i18n import translate

HEAD_PIN_SUBJECT = "head-pin"  # the head-teacher PIN typed with no one signed in (kiosk exit)
MAX_NAME_LENGTH = 60
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L or U/V mix-ups
RECOVERY_GROUPS, RECOVERY_GROUP_LENGTH = 5, 4


def _last_head_message() -> str:
    return translate("Staff", "The school must always have an active head teacher in the app. "
                              "Add or promote another head teacher first.")


SET_UP_HEAD_ACTION = AuditAction.SET_UP_HEAD  # in the audit log of every school set up
FAILED_ATTEMPT_ACTOR = "unknown"  # the actor of a failed attempt: never the person named

class PermissionDenied(NotAllowed):
    """The signed-in person's role does not allow this."""


HeadPinRequired = HeadPinNeeded  # the older name, used across core


class StaffMember(NamedTuple):
    staff_id: int
    name: str
    role: Role
    approver: bool
    active: bool

    @property
    def title(self) -> str:
        """'Teacher (approver)': how the Staff tab and sign-in list describe someone."""
        title = role_title(self.role)
        return translate("Staff", "{role} (approver)").format(role=title) if self.approver \
            else title


class SignInResult(NamedTuple):
    member: StaffMember | None
    message: str
    wait_until: datetime | None = None
    locked: bool = False


class HeadCredentials(NamedTuple):
    """The head's account and a recovery code to show once and never again."""

    member: StaffMember
    recovery_code: str


def _member(record: StaffRecord) -> StaffMember:
    return StaffMember(record.staff_id, record.name, Role(record.role), record.approver,
                       record.active)


def _subject(staff_id: int) -> str:
    return f"staff:{staff_id}"


def head_pin_subject(asking: StaffMember | None) -> str:
    """Whose counter a wrong head-teacher PIN goes on: the person asking, not the head.

    Otherwise a teacher typing ten wrong head PINs would lock the head out of
    every guarded action.
    """
    return HEAD_PIN_SUBJECT if asking is None else f"{HEAD_PIN_SUBJECT}:{_subject(asking.staff_id)}"


def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else as_utc(now)


def clean_name(name: str) -> str:
    """Tidy a typed name, or say in plain English why it cannot be used."""
    tidy = " ".join(name.split())
    if not tidy:
        raise ValueError(translate("Staff", "Type the person's name as the staff will recognise "
                                            "it, e.g. Mrs Patel."))
    if len(tidy) > MAX_NAME_LENGTH:
        raise ValueError(translate("Staff", "Keep the name under {count} characters.").format(
            count=MAX_NAME_LENGTH))
    if not tidy.isprintable():
        raise ValueError(translate("Staff", "The name contains characters that cannot be shown."))
    return tidy


def new_recovery_code() -> str:
    """About 98 random bits, in groups that are easy to copy onto paper: ABCD-EFGH-..."""
    import secrets  # needs hashlib (via hmac): only when a code is made, not at start-up

    chars = "".join(secrets.choice(RECOVERY_ALPHABET)
                    for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH))
    return "-".join(chars[i:i + RECOVERY_GROUP_LENGTH]
                    for i in range(0, len(chars), RECOVERY_GROUP_LENGTH))


def normalise_recovery_code(typed: str) -> str:
    """Forgive case, spaces and dashes when the head types the code back in."""
    return re.sub(r"[^A-Z0-9]", "", typed.upper())


class StaffDirectory:
    """Staff accounts and the checks around them; safe to share between threads."""

    def __init__(self, db: Database, audit: AuditLog, device: str,
                 lockout: LockoutPolicy = DEFAULT_LOCKOUT) -> None:
        self._store = StaffStore(db)
        self._audit = audit
        self._lockout = lockout
        self.device = device

    # -- who is on the staff ---------------------------------------------------------------
    def is_set_up(self) -> bool:
        return self._store.count() > 0

    def members(self, include_inactive: bool = False) -> list[StaffMember]:
        return [_member(r) for r in self._store.all(include_inactive)]

    def member(self, staff_id: int) -> StaffMember | None:
        record = self._store.get(staff_id)
        return _member(record) if record else None

    def create_head(self, name: str, pin: str,
                    now: datetime | None = None) -> HeadCredentials:
        """First run only: the head teacher's account and a one-time recovery code."""
        name = clean_name(name)
        self._require_good_pin(pin)
        moment = _now(now)
        code = new_recovery_code()
        staff_id = self._store.insert_first_head(
            name, hash_pin(pin), hash_pin(normalise_recovery_code(code)), moment,
            [self._entry(name, SET_UP_HEAD_ACTION, name, "first start of the app",
                         now=moment)])
        if staff_id is None:
            raise ValueError(translate("Staff", "The head teacher's account is already set up. "
                                                "Sign in instead."))
        return HeadCredentials(StaffMember(staff_id, name, Role.HEAD, False, True), code)

    # -- what they may do ----------------------------------------------------------------
    def role_permissions(self) -> dict[Role, frozenset[Permission]]:
        stored = self._store.role_permissions()
        table: dict[Role, frozenset[Permission]] = {}
        for role in Role:
            names = stored.get(role.value, set())
            table[role] = frozenset(p for p in Permission if p.value in names)
        table[Role.HEAD] = frozenset(Permission)  # the head can never lock themselves out
        return table

    def permissions(self, member: StaffMember) -> frozenset[Permission]:
        """Read afresh, so a change by the head applies even to someone already signed in."""
        record = self._store.get(member.staff_id)
        if record is None or not record.active:
            return frozenset()
        current = _member(record)
        allowed = self.role_permissions()[current.role]
        return allowed | APPROVER_GRANT if current.approver else allowed

    def can(self, member: StaffMember, permission: Permission) -> bool:
        return permission in self.permissions(member)

    # -- signing in ------------------------------------------------------------------------
    def lock_state(self, staff_id: int, now: datetime | None = None) -> LockState:
        """Whether this person must wait or is locked, to show before they type."""
        return self._lock_state(_subject(staff_id), _now(now))

    def sign_in(self, staff_id: int, pin: str, now: datetime | None = None) -> SignInResult:
        moment = _now(now)
        record = self._store.get(staff_id)
        if record is None or not record.active:
            return SignInResult(None, _not_on_staff_list())
        subject = _subject(staff_id)
        before = self._claim_attempt(subject, moment)
        if before is None:
            state = self._lock_state(subject, moment)
            return SignInResult(None, self._own_lock_message(record, state), state.wait_until,
                                state.locked)
        if not verify_pin(record.pin_hash, pin):
            # Whoever typed it is not known: the attempt is the computer's, against the
            # name chosen, never an action of the person named.
            return self._count_failure(subject, before + 1, FAILED_ATTEMPT_ACTOR,
                                       AuditAction.FAILED_SIGN_IN, record.name, moment,
                                       head=record.role == Role.HEAD)
        self._upgrade_hash(record, pin)
        self._store.clear_failures([subject], [self._entry(record.name, AuditAction.SIGN_IN,
                                                           now=moment)])
        return SignInResult(_member(record), translate("Staff", "Signed in as {name}.").format(
            name=record.name))

    def change_own_pin(self, staff_id: int, old_pin: str, new_pin: str,
                       now: datetime | None = None) -> None:
        moment = _now(now)
        record = self._store.get(staff_id)
        if record is None or not record.active:
            raise ValueError(_not_on_staff_list())
        subject = _subject(staff_id)
        state = self._lock_state(subject, moment)
        if not state.may_try:
            raise ValueError(self._own_lock_message(record, state))
        self._require_good_pin(new_pin)
        if new_pin == old_pin:
            raise ValueError(translate("Staff", "Choose a new PIN that is different from your "
                                                "current one."))
        before = self._claim_attempt(subject, moment)
        if before is None:
            raise ValueError(self._own_lock_message(record, self._lock_state(subject, moment)))
        if not verify_pin(record.pin_hash, old_pin):
            result = self._count_failure(subject, before + 1, record.name,
                                         AuditAction.FAILED_PIN_CHANGE,
                                         record.name, moment, head=record.role == Role.HEAD,
                                         current_pin=True)
            raise ValueError(result.message)
        self._store.set_pin_hash(staff_id, hash_pin(new_pin), moment,
                                 [self._entry(record.name, AuditAction.CHANGE_OWN_PIN, record.name,
                                              now=moment)], clear_lockouts=[subject])

    # -- the head-teacher PIN --------------------------------------------------------------
    def head_pin_lock_state(self, now: datetime | None = None, *,
                            by: StaffMember | None = None) -> LockState:
        """Whether ``by`` (None: no one signed in) may type the head-teacher PIN now."""
        return self._lock_state(head_pin_subject(by), _now(now))

    def check_head_pin(self, pin: str, now: datetime | None = None, *,
                       by: StaffMember | None = None, action: str = "") -> SignInResult:
        """Whether ``pin`` is the PIN of any active head teacher.

        Wrong tries are counted against ``by``, the person asking (or against "no one
        signed in"), each with its own lockout: a teacher who guesses locks
        themselves out of asking, never the head out of their own guarded actions.
        """
        moment = _now(now)
        heads = self._store.active_heads()
        if not heads:
            return SignInResult(None, translate("Staff", "No head teacher has been set up yet."))
        subject = head_pin_subject(by)
        refusal = self._head_pin_refusal(subject, by, moment)
        if refusal is not None:
            return refusal
        if not pin:
            return SignInResult(None, translate("Staff",
                                                "This needs the head teacher to type their PIN."))
        before = self._claim_attempt(subject, moment)
        if before is None:
            return self._head_pin_refusal(subject, by, moment) or SignInResult(
                None, translate("Staff", "That PIN is not right. Try again."))
        for head in heads:
            if verify_pin(head.pin_hash, pin):
                self._upgrade_hash(head, pin)
                self._store.clear_failures([subject])
                return SignInResult(_member(head), translate("Staff", "Head-teacher PIN accepted."))
        actor = by.name if by else FAILED_ATTEMPT_ACTOR
        return self._count_failure(subject, before + 1, actor, AuditAction.FAILED_HEAD_PIN, action,
                                   moment, head=by is None or by.role == Role.HEAD)

    def _head_pin_refusal(self, subject: str, by: StaffMember | None,
                          now: datetime) -> SignInResult | None:
        state = self._lock_state(subject, now)
        if state.locked and (by is None or by.role == Role.HEAD):
            return SignInResult(None, translate(
                "Staff", "The head-teacher PIN is locked after too many wrong tries. The head "
                         "teacher can unlock it with the recovery code."), None, True)
        if state.locked:
            return SignInResult(None, translate(
                "Staff", "Too many wrong head-teacher PINs were typed from your account, so it "
                         "cannot ask for the head-teacher PIN for now. Ask the head teacher to "
                         "unlock your PIN on the Staff tab."), None, True)
        if state.wait_until is not None:
            return SignInResult(None, state.message, state.wait_until, False)
        return None

    def require_head_pin(self, head_pin: str, *, by: StaffMember | None,
                         permission: Permission | None, action: str,
                         now: datetime | None = None) -> StaffMember:
        """The guard for every protected action: role first, then the head PIN, now.

        Returns the head whose PIN was typed; raises ``PermissionDenied`` or
        ``HeadPinRequired``. Kiosk exit, X credentials and unblocking use this too.
        """
        actor = None if by is None and permission is None else self._authorised(by, permission)
        return self._head_pin(head_pin, actor, action, _now(now))

    # -- the head's changes to staff -------------------------------------------------------
    def add_member(self, name: str, role: Role, pin: str, approver: bool = False, *,
                   by: StaffMember, head_pin: str, now: datetime | None = None) -> StaffMember:
        moment = _now(now)
        actor = self._authorised(by, Permission.MANAGE_STAFF)
        name = clean_name(name)
        role = Role(role)
        self._require_good_pin(pin)
        if self._store.name_in_use(name):
            raise ValueError(translate("Staff", "{name} is already on the staff list. Use a name "
                                                "that tells them apart, e.g. with a first name or "
                                                "initial.").format(name=name))
        head = self._head_pin(head_pin, actor, "add a member of staff", moment)
        approver_note = ", approver" if approver else ""
        staff_id = self._store.insert(name, role.value, approver, hash_pin(pin), moment, [
            self._entry(actor.name, AuditAction.ADD_STAFF, name,
                        f"{ROLE_TITLES[role]}{approver_note}; {_approved_by(head)}", now=moment)])
        return StaffMember(staff_id, name, role, approver, True)

    def update_member(self, staff_id: int, *, role: Role | None = None,
                      approver: bool | None = None, active: bool | None = None,
                      by: StaffMember, head_pin: str,
                      now: datetime | None = None) -> StaffMember:
        """Change someone's role, approver grant or whether they may sign in at all."""
        moment = _now(now)
        actor = self._authorised(by, Permission.MANAGE_STAFF)
        record = self._existing(staff_id)
        before = _member(record)
        after = StaffMember(staff_id, record.name, before.role if role is None else Role(role),
                            before.approver if approver is None else approver,
                            before.active if active is None else active)
        if after == before:
            return before
        if self._removes_last_head(before, after):
            raise ValueError(_last_head_message())
        if after.active and not before.active and self._store.name_in_use(record.name):
            raise ValueError(translate("Staff", "Someone called {name} is already active. Rename "
                                                "one first.").format(name=record.name))
        head = self._head_pin(head_pin, actor, f"change {record.name}'s account", moment)
        entries = self._change_entries(actor, before, after, _approved_by(head), moment)
        try:
            self._store.update(staff_id, after.role.value, after.approver, after.active, moment,
                               entries)
        except NoActiveHeadLeft:
            raise ValueError(_last_head_message()) from None
        return after

    def set_permission(self, role: Role, permission: Permission, allowed: bool, *,
                       by: StaffMember, head_pin: str, now: datetime | None = None) -> None:
        moment = _now(now)
        actor = self._authorised(by, Permission.MANAGE_STAFF)
        role, permission = Role(role), Permission(permission)
        if role == Role.HEAD:
            raise ValueError(translate("Staff", "The head teacher always keeps every permission."))
        if (permission in self.role_permissions()[role]) == allowed:
            return
        head = self._head_pin(head_pin, actor, "change what a role may do", moment)
        change = "now allowed" if allowed else "no longer allowed"
        self._store.set_permission(role.value, permission.value, allowed, [
            self._entry(actor.name, AuditAction.CHANGE_PERMISSIONS, ROLE_TITLES[role],
                        f"{change}: {PERMISSION_TITLES[permission]}; {_approved_by(head)}",
                        now=moment)])

    def unlock(self, staff_id: int, *, by: StaffMember, head_pin: str,
               now: datetime | None = None) -> None:
        """Lift a lock or wait after wrong PINs; the person keeps their PIN."""
        moment = _now(now)
        actor = self._authorised(by, Permission.MANAGE_STAFF)
        record = self._existing(staff_id)
        head = self._head_pin(head_pin, actor, f"unlock {record.name}'s PIN", moment)
        asking = _member(record)
        self._store.clear_failures([_subject(staff_id), head_pin_subject(asking)], [
            self._entry(actor.name, AuditAction.UNLOCK_PIN, record.name, _approved_by(head),
                        now=moment)])

    def reset_pin(self, staff_id: int, new_pin: str, *, by: StaffMember, head_pin: str,
                  now: datetime | None = None) -> None:
        """For someone who forgot their PIN: the head sets a new one, which also unlocks it."""
        moment = _now(now)
        actor = self._authorised(by, Permission.MANAGE_STAFF)
        record = self._existing(staff_id)
        self._require_good_pin(new_pin)
        head = self._head_pin(head_pin, actor, f"set a new PIN for {record.name}", moment)
        self._store.set_pin_hash(staff_id, hash_pin(new_pin), moment, [
            self._entry(actor.name, AuditAction.RESET_PIN, record.name, _approved_by(head),
                        now=moment)],
            clear_lockouts=[_subject(staff_id)])

    # -- the recovery code -----------------------------------------------------------------
    def recover_head(self, recovery_code: str, new_pin: str, now: datetime | None = None, *,
                     staff_id: int | None = None) -> HeadCredentials:
        """A forgotten or locked head PIN: set a new one and issue a fresh recovery code.

        The used code is spent (it may have been seen), so the result carries the
        new one, to show once like at set-up.
        """
        moment = _now(now)
        self._require_good_pin(new_pin)
        head = self._head_to_recover(staff_id)
        stored = self._store.recovery_hash()
        if stored is None:
            raise ValueError(translate("Staff",
                                       "No recovery code has been issued on this computer."))
        if not verify_pin(stored, normalise_recovery_code(recovery_code)):
            self._audit.record(FAILED_ATTEMPT_ACTOR, AuditAction.FAILED_RECOVERY_CODE, head.name,
                               device=self.device, now=moment)
            raise ValueError(translate("Staff", "That recovery code is not right. Check it "
                                                "against the copy written down when the app was "
                                                "set up."))
        code = new_recovery_code()
        self._store.recover_head(
            head.staff_id, hash_pin(new_pin), hash_pin(normalise_recovery_code(code)), moment,
            clear_lockouts=[_subject(head.staff_id), HEAD_PIN_SUBJECT,
                            head_pin_subject(_member(head))],
            audit=[self._entry(head.name, AuditAction.RECOVER_HEAD_PIN, head.name,
                               "new recovery code issued", now=moment)])
        return HeadCredentials(_member(head), code)

    def replace_recovery_code(self, *, by: StaffMember, head_pin: str,
                              now: datetime | None = None) -> str:
        """A new recovery code when the written copy is lost; the old one stops working."""
        moment = _now(now)
        actor = self._authorised(by, Permission.MANAGE_STAFF)
        head = self._head_pin(head_pin, actor, "issue a new recovery code", moment)
        code = new_recovery_code()
        self._store.replace_recovery_hash(hash_pin(normalise_recovery_code(code)), moment, [
            self._entry(actor.name, AuditAction.NEW_RECOVERY_CODE, "", _approved_by(head),
                        now=moment)])
        return code

    # -- helpers -----------------------------------------------------------------------------
    def _entry(self, actor: str, action: str, target: str = "", detail: str = "",
               reason: str = "", *, now: datetime) -> NewAuditEntry:
        return NewAuditEntry(actor=actor, action=action, target=target, detail=detail,
                             device=self.device, reason=reason, at=time_text(now))

    def _claim_attempt(self, subject: str, now: datetime) -> int | None:
        """Check the lockout and count this attempt at once; None when it must wait."""
        claimed = self._store.claim_attempt(
            subject, now,
            lambda count: self._lockout.state(count.failures, count.last_failure_at,
                                              now).may_try)
        return None if claimed is None else claimed.failures

    def _lock_state(self, subject: str, now: datetime) -> LockState:
        count = self._store.failures(subject)
        return self._lockout.state(count.failures, count.last_failure_at, now)

    def _own_lock_message(self, record: StaffRecord, state: LockState) -> str:
        if state.locked and record.role == Role.HEAD:
            return translate("Staff", "Your PIN is locked after too many wrong tries. Use "
                                      "“Forgotten PIN?” with the recovery code, or ask another "
                                      "head teacher to unlock it.")
        if state.locked:
            return translate("Staff", "Your PIN is locked after too many wrong tries. Ask the "
                                      "head teacher to unlock it.")
        return state.message

    def _count_failure(self, subject: str, failures: int, actor: str, action: str,
                       target: str, now: datetime, *, head: bool,
                       current_pin: bool = False) -> SignInResult:
        """Log a wrong PIN (already counted by ``_claim_attempt``) and say what happens next.

        ``current_pin``: the PIN was typed to change it, so the message says "Your current
        PIN" rather than "That PIN".
        """
        entries = [self._entry(actor, action, target, f"{failures} wrong in a row", now=now)]
        if failures >= self._lockout.lock_after:
            entries.append(self._entry(actor, AuditAction.PIN_LOCKED, target,
                                       f"after {failures} wrong tries", now=now))
        self._store.log(entries)
        state = self._lockout.state(failures, now, now)
        if state.locked:
            unlock = translate("Staff", "Use the recovery code to unlock it.") if head \
                else translate("Staff", "Ask the head teacher to unlock it.")
            return SignInResult(None, _now_locked(current_pin).format(count=failures,
                                                                      unlock=unlock),
                                None, True)
        if state.wait_until is not None:
            wait = describe_wait(state.wait_until - now)
            return SignInResult(None, _must_wait(current_pin).format(wait=wait),
                                state.wait_until, False)
        if current_pin:
            return SignInResult(None, translate("Staff",
                                                "Your current PIN is not right. Try again."))
        return SignInResult(None, translate("Staff", "That PIN is not right. Try again."))

    def _upgrade_hash(self, record: StaffRecord, pin: str) -> None:
        if needs_rehash(record.pin_hash):
            self._store.upgrade_pin_hash(record.staff_id, record.pin_hash, hash_pin(pin))

    def authorise(self, by: StaffMember | None, permission: Permission | None) -> StaffMember:
        """The operations layer's role check: the person as stored now, with ``permission``.

        Raises ``PermissionDenied`` (no one signed in, no longer active, or not allowed).
        """
        return self._authorised(by, permission)

    def _authorised(self, by: StaffMember | None,
                    permission: Permission | None) -> StaffMember:
        """The acting person as stored now (not as the UI remembers them), checked."""
        if by is None:
            raise PermissionDenied(translate("Staff", "Sign in first."))
        record = self._store.get(by.staff_id)
        if record is None or not record.active:
            raise PermissionDenied(translate("Staff", "Your account is no longer active. Ask the "
                                                      "head teacher."))
        actor = _member(record)
        if permission is not None and permission not in self.permissions(actor):
            raise PermissionDenied(translate(
                "Staff", "{role} accounts may not do this ({permission}). Ask the head teacher."
            ).format(role=role_title(actor.role),
                     permission=permission_title(permission).lower()))
        return actor

    def _head_pin(self, head_pin: str, actor: StaffMember | None, action: str,
                  now: datetime) -> StaffMember:
        result = self.check_head_pin(head_pin, now, by=actor, action=action)
        if result.member is None:
            raise HeadPinRequired(result.message, wait_until=result.wait_until,
                                  locked=result.locked)
        return result.member

    def _require_good_pin(self, pin: str) -> None:
        problem = validate_new_pin(pin)
        if problem:
            raise ValueError(problem)

    def _existing(self, staff_id: int) -> StaffRecord:
        record = self._store.get(staff_id)
        if record is None:
            raise ValueError(translate("Staff", "That person is not on the staff list."))
        return record

    def _removes_last_head(self, before: StaffMember, after: StaffMember) -> bool:
        was_head = before.active and before.role == Role.HEAD
        still_head = after.active and after.role == Role.HEAD
        return was_head and not still_head and self._store.active_head_count() <= 1

    def _head_to_recover(self, staff_id: int | None) -> StaffRecord:
        heads = self._store.active_heads()
        if staff_id is not None:
            heads = [h for h in heads if h.staff_id == staff_id]
        if not heads:
            raise ValueError(translate("Staff", "There is no active head teacher to recover."))
        return heads[0]

    def _change_entries(self, actor: StaffMember, before: StaffMember, after: StaffMember,
                        approval: str, now: datetime) -> list[NewAuditEntry]:
        entries: list[NewAuditEntry] = []
        name = before.name
        if after.role != before.role:
            entries.append(self._entry(
                actor.name, AuditAction.CHANGE_ROLE, name,
                f"{ROLE_TITLES[before.role]} → {ROLE_TITLES[after.role]}; {approval}", now=now))
        if after.approver != before.approver:
            action = AuditAction.MAKE_APPROVER if after.approver else AuditAction.REMOVE_APPROVER
            entries.append(self._entry(actor.name, action, name, approval, now=now))
        if after.active != before.active:
            action = (AuditAction.REACTIVATE_STAFF if after.active
                      else AuditAction.DEACTIVATE_STAFF)
            entries.append(self._entry(actor.name, action, name, approval, now=now))
        return entries


def _approved_by(head: StaffMember) -> str:
    return f"head-teacher PIN: {head.name}"


def _not_on_staff_list() -> str:
    return translate("Staff", "That name is not on the staff list. Ask the head teacher.")


def _now_locked(current_pin: bool) -> str:
    """A wrong PIN that locked it: {count} wrong tries, then what unlocks it ({unlock})."""
    if current_pin:
        return translate("Staff", "Your current PIN is not right, and it is now locked after "
                                  "{count} wrong tries. {unlock}")
    return translate("Staff", "That PIN is not right, and it is now locked after {count} wrong "
                              "tries. {unlock}")


def _must_wait(current_pin: bool) -> str:
    if current_pin:
        return translate("Staff", "Your current PIN is not right. Wait {wait} before trying "
                                  "again.")
    return translate("Staff", "That PIN is not right. Wait {wait} before trying again.")
