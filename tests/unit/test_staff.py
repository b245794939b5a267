"""The staff directory: set-up, sign-in and lockout, the head-teacher PIN guard, recovery."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from argon2 import PasswordHasher, Type

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.pins import LockoutPolicy
from stpeters_desk.core.roles import DEFAULT_PERMISSIONS, Permission, Role
from stpeters_desk.core.staff import (
    HEAD_PIN_SUBJECT,
    HeadPinRequired,
    PermissionDenied,
    StaffDirectory,
    StaffMember,
    normalise_recovery_code,
)
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.staff_store import StaffStore
from tests.conftest import reopen_database

HEAD_PIN = "482915"
TEACHER_PIN = "731904"
NEW_PIN = "590127"
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def audit(db: Database) -> AuditTrail:
    return AuditTrail(db)


@pytest.fixture
def staff(db: Database, audit: AuditTrail) -> StaffDirectory:
    return StaffDirectory(db, audit, "Office PC (test)")


@pytest.fixture
def head_and_code(staff: StaffDirectory) -> tuple[StaffMember, str]:
    head, code = staff.create_head("Mrs Amberley", HEAD_PIN, now=T0)
    return head, code


@pytest.fixture
def head(head_and_code: tuple[StaffMember, str]) -> StaffMember:
    return head_and_code[0]


@pytest.fixture
def teacher(staff: StaffDirectory, head: StaffMember) -> StaffMember:
    return staff.add_member("Mr Quill", Role.TEACHER, TEACHER_PIN, False, by=head,
                            head_pin=HEAD_PIN, now=T0)


def fail_sign_ins(staff: StaffDirectory, staff_id: int, times: int,
                  start: datetime = T0) -> datetime:
    """Type a wrong PIN ``times`` times, each after any wait is over; returns the last time."""
    moment = start
    for _ in range(times):
        moment += timedelta(minutes=16)
        result = staff.sign_in(staff_id, "999000", moment)
        assert result.member is None
    return moment


# -- set-up --------------------------------------------------------------------------------
def test_first_start_creates_the_head_with_a_one_time_recovery_code(
        staff: StaffDirectory, audit: AuditTrail) -> None:
    assert not staff.is_set_up()
    head, code = staff.create_head("  Mrs   Amberley ", HEAD_PIN, now=T0)
    assert staff.is_set_up()
    assert head.name == "Mrs Amberley" and head.role == Role.HEAD and head.active
    assert len(normalise_recovery_code(code)) == 20
    assert staff.members() == [head]
    assert audit.recent()[0].action == "set up head teacher"
    with pytest.raises(ValueError, match="already set up"):
        staff.create_head("Mr Someone", NEW_PIN)


def test_set_up_refuses_a_weak_pin_or_no_name(staff: StaffDirectory) -> None:
    with pytest.raises(ValueError, match="run of digits"):
        staff.create_head("Mrs Amberley", "123456")
    with pytest.raises(ValueError, match="name"):
        staff.create_head("   ", HEAD_PIN)
    assert not staff.is_set_up()


@pytest.mark.sqlite_only  # reads the database file's bytes
def test_pins_and_recovery_code_are_never_stored_in_plain_text(
        staff: StaffDirectory, head_and_code: tuple[StaffMember, str], data_dir: Path) -> None:
    head, code = head_and_code
    staff.add_member("Mr Quill", Role.TEACHER, TEACHER_PIN, False, by=head, head_pin=HEAD_PIN,
                     now=T0)
    secrets = [HEAD_PIN, TEACHER_PIN, code, normalise_recovery_code(code)]
    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in data, f"{secret} found in {path.name}"


# -- permissions ---------------------------------------------------------------------------
def test_the_permissions_table_starts_from_the_policy_defaults(staff: StaffDirectory) -> None:
    assert staff.role_permissions() == dict(DEFAULT_PERMISSIONS)


def test_approver_grant_adds_approve_and_changes_apply_to_someone_signed_in(
        staff: StaffDirectory, head: StaffMember, teacher: StaffMember) -> None:
    assert staff.permissions(teacher) == {Permission.SUBMIT}
    staff.update_member(teacher.staff_id, approver=True, by=head, head_pin=HEAD_PIN)
    assert staff.permissions(teacher) == {Permission.SUBMIT, Permission.APPROVE}
    staff.update_member(teacher.staff_id, role=Role.SECRETARY, by=head, head_pin=HEAD_PIN)
    assert staff.can(teacher, Permission.POST)  # the old StaffMember object is read afresh
    staff.update_member(teacher.staff_id, active=False, by=head, head_pin=HEAD_PIN)
    assert staff.permissions(teacher) == frozenset()


def test_the_head_can_change_the_table_but_not_the_heads_own_row(
        staff: StaffDirectory, head: StaffMember, teacher: StaffMember,
        audit: AuditTrail, db: Database) -> None:
    staff.set_permission(Role.TEACHER, Permission.POST, True, by=head, head_pin=HEAD_PIN)
    assert staff.can(teacher, Permission.POST)
    assert audit.recent()[0].action == "change permissions"
    reopened = StaffDirectory(db, audit, "elsewhere")
    assert Permission.POST in reopened.role_permissions()[Role.TEACHER]
    staff.set_permission(Role.TEACHER, Permission.POST, False, by=head, head_pin=HEAD_PIN)
    assert not staff.can(teacher, Permission.POST)
    with pytest.raises(ValueError, match="head teacher always keeps"):
        staff.set_permission(Role.HEAD, Permission.MANAGE_STAFF, False, by=head,
                             head_pin=HEAD_PIN)


# -- signing in and lockout ------------------------------------------------------------------
def test_sign_in_with_the_right_pin_is_logged(staff: StaffDirectory, teacher: StaffMember,
                                              audit: AuditTrail) -> None:
    result = staff.sign_in(teacher.staff_id, TEACHER_PIN, T0)
    assert result.member == teacher and not result.locked and result.wait_until is None
    entry = audit.recent()[0]
    assert (entry.actor, entry.action, entry.device) == ("Mr Quill", "sign in",
                                                         "Office PC (test)")


def test_wrong_pins_escalate_to_waits_that_refuse_even_the_right_pin(
        staff: StaffDirectory, teacher: StaffMember, audit: AuditTrail) -> None:
    for _ in range(3):
        result = staff.sign_in(teacher.staff_id, "999000", T0)
        assert result.member is None and result.wait_until is None
        assert "not right" in result.message
    fourth = staff.sign_in(teacher.staff_id, "999000", T0)
    assert fourth.wait_until is not None and fourth.wait_until > T0
    assert "Wait 30 seconds" in fourth.message
    early = staff.sign_in(teacher.staff_id, TEACHER_PIN, T0 + timedelta(seconds=10))
    assert early.member is None and early.wait_until == fourth.wait_until
    assert "Try again in 20 seconds" in early.message
    assert staff.lock_state(teacher.staff_id, T0 + timedelta(seconds=10)).wait_until
    later = staff.sign_in(teacher.staff_id, TEACHER_PIN, fourth.wait_until)
    assert later.member == teacher
    assert staff.lock_state(teacher.staff_id, fourth.wait_until).may_try
    assert [e.action for e in audit.recent(5)] == ["sign in"] + ["failed sign-in"] * 4


def test_waits_grow_with_each_failure(staff: StaffDirectory, teacher: StaffMember) -> None:
    waits = []
    moment = T0
    for _ in range(9):
        moment += timedelta(minutes=16)
        result = staff.sign_in(teacher.staff_id, "999000", moment)
        if result.wait_until:
            waits.append(result.wait_until - moment)
    assert waits == sorted(waits) and waits[-1] == timedelta(minutes=15) and len(waits) == 6


def test_ten_failures_lock_the_pin_across_a_reopened_database(
        data_dir: Path, staff: StaffDirectory, head: StaffMember, teacher: StaffMember,
        db: Database) -> None:
    last = fail_sign_ins(staff, teacher.staff_id, 10)
    db.close()
    reopened_db = reopen_database(db)
    try:
        reopened = StaffDirectory(reopened_db, AuditTrail(reopened_db), "Office PC (test)")
        result = reopened.sign_in(teacher.staff_id, TEACHER_PIN, last + timedelta(days=7))
        assert result.member is None and result.locked
        assert "Ask the head teacher" in result.message
        reopened.unlock(teacher.staff_id, by=head, head_pin=HEAD_PIN)
        assert reopened.sign_in(teacher.staff_id, TEACHER_PIN).member is not None
        actions = [e.action for e in AuditTrail(reopened_db).recent(4)]
        assert actions == ["sign in", "unlock PIN", "PIN locked", "failed sign-in"]
    finally:
        reopened_db.close()


def test_a_locked_head_is_pointed_to_the_recovery_code(staff: StaffDirectory,
                                                       head: StaffMember) -> None:
    last = fail_sign_ins(staff, head.staff_id, 10)
    result = staff.sign_in(head.staff_id, HEAD_PIN, last + timedelta(hours=1))
    assert result.locked and "recovery code" in result.message


def test_sign_in_upgrades_a_hash_made_with_older_parameters(
        staff: StaffDirectory, teacher: StaffMember, db: Database) -> None:
    store = StaffStore(db)
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1,
                          type=Type.ID).hash(TEACHER_PIN)
    store.set_pin_hash(teacher.staff_id, weak, T0)
    assert staff.sign_in(teacher.staff_id, TEACHER_PIN).member == teacher
    upgraded = store.get(teacher.staff_id)
    assert upgraded is not None and upgraded.pin_hash != weak
    assert ",t=3," in upgraded.pin_hash
    assert staff.sign_in(teacher.staff_id, TEACHER_PIN).member == teacher


def test_deactivated_staff_cannot_sign_in_or_act(staff: StaffDirectory, head: StaffMember,
                                                 teacher: StaffMember) -> None:
    staff.update_member(teacher.staff_id, active=False, by=head, head_pin=HEAD_PIN)
    assert staff.sign_in(teacher.staff_id, TEACHER_PIN).member is None
    assert staff.members() == [head]
    assert [m.name for m in staff.members(include_inactive=True)] == ["Mr Quill", "Mrs Amberley"]
    with pytest.raises(PermissionDenied, match="no longer active"):
        staff.require_head_pin(HEAD_PIN, by=teacher, permission=None, action="anything")


def test_concurrent_wrong_pins_are_all_counted(db: Database, audit: AuditTrail,
                                               head: StaffMember, teacher: StaffMember) -> None:
    lenient = StaffDirectory(db, audit, "kiosk", LockoutPolicy(free_failures=100,
                                                               lock_after=1000))
    errors: list[BaseException] = []

    def hammer() -> None:
        try:
            for _ in range(3):
                lenient.sign_in(teacher.staff_id, "999000", T0)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert StaffStore(db).failures(f"staff:{teacher.staff_id}").failures == 12
    assert audit.verify().ok


# -- changing your own PIN -------------------------------------------------------------------
def test_change_own_pin(staff: StaffDirectory, teacher: StaffMember) -> None:
    with pytest.raises(ValueError, match="same digit"):
        staff.change_own_pin(teacher.staff_id, TEACHER_PIN, "111111")
    with pytest.raises(ValueError, match="different"):
        staff.change_own_pin(teacher.staff_id, TEACHER_PIN, TEACHER_PIN)
    with pytest.raises(ValueError, match="current PIN is not right"):
        staff.change_own_pin(teacher.staff_id, "999000", NEW_PIN, T0)
    assert staff.lock_state(teacher.staff_id, T0).may_try  # one failure: no wait yet
    staff.change_own_pin(teacher.staff_id, TEACHER_PIN, NEW_PIN, T0)
    assert staff.sign_in(teacher.staff_id, TEACHER_PIN, T0).member is None
    assert staff.sign_in(teacher.staff_id, NEW_PIN, T0).member == teacher


# -- the head-teacher PIN guard ----------------------------------------------------------------
Guarded = Callable[[StaffDirectory, StaffMember, StaffMember, str], Any]

GUARDED_ACTIONS: dict[str, Guarded] = {
    "add a member": lambda s, by, t, pin: s.add_member(
        "Miss Fenwick", Role.TEACHER, NEW_PIN, False, by=by, head_pin=pin),
    "change a role": lambda s, by, t, pin: s.update_member(
        t.staff_id, role=Role.SECRETARY, by=by, head_pin=pin),
    "grant approver": lambda s, by, t, pin: s.update_member(
        t.staff_id, approver=True, by=by, head_pin=pin),
    "deactivate": lambda s, by, t, pin: s.update_member(
        t.staff_id, active=False, by=by, head_pin=pin),
    "change the permissions table": lambda s, by, t, pin: s.set_permission(
        Role.TEACHER, Permission.POST, True, by=by, head_pin=pin),
    "unlock a PIN": lambda s, by, t, pin: s.unlock(t.staff_id, by=by, head_pin=pin),
    "reset a PIN": lambda s, by, t, pin: s.reset_pin(t.staff_id, NEW_PIN, by=by, head_pin=pin),
    "new recovery code": lambda s, by, t, pin: s.replace_recovery_code(by=by, head_pin=pin),
}


def snapshot(staff: StaffDirectory, db: Database, teacher: StaffMember) -> object:
    store = StaffStore(db)
    return (store.all(include_inactive=True), staff.role_permissions(), store.recovery_hash(),
            store.failures(f"staff:{teacher.staff_id}"))


@pytest.fixture
def teacher_with_a_failure(staff: StaffDirectory, teacher: StaffMember) -> StaffMember:
    staff.sign_in(teacher.staff_id, "999000", T0)  # so that "unlock" has something to do
    return teacher


@pytest.mark.parametrize("action", list(GUARDED_ACTIONS))
@pytest.mark.parametrize("typed", ["", "999000", TEACHER_PIN])
def test_every_guarded_action_needs_the_head_pin_at_that_moment(
        action: str, typed: str, staff: StaffDirectory, head: StaffMember,
        teacher_with_a_failure: StaffMember, db: Database, audit: AuditTrail) -> None:
    before = snapshot(staff, db, teacher_with_a_failure)
    with pytest.raises(HeadPinRequired) as refused:
        GUARDED_ACTIONS[action](staff, head, teacher_with_a_failure, typed)
    assert str(refused.value)
    assert snapshot(staff, db, teacher_with_a_failure) == before
    if typed:
        assert audit.recent()[0].action == "failed head-teacher PIN"


@pytest.mark.parametrize("action", list(GUARDED_ACTIONS))
def test_every_guarded_action_works_with_the_head_pin_and_is_logged(
        action: str, staff: StaffDirectory, head: StaffMember,
        teacher_with_a_failure: StaffMember, db: Database, audit: AuditTrail) -> None:
    before = snapshot(staff, db, teacher_with_a_failure)
    last_id = audit.recent()[0].entry_id
    GUARDED_ACTIONS[action](staff, head, teacher_with_a_failure, HEAD_PIN)
    assert snapshot(staff, db, teacher_with_a_failure) != before
    newest = audit.recent()[0]
    assert newest.entry_id > last_id and newest.actor == head.name
    assert "head-teacher PIN: Mrs Amberley" in newest.detail
    assert audit.verify().ok


@pytest.mark.parametrize("action", list(GUARDED_ACTIONS))
def test_staff_without_the_permission_are_refused_before_the_pin_is_checked(
        action: str, staff: StaffDirectory, teacher_with_a_failure: StaffMember,
        db: Database, audit: AuditTrail) -> None:
    before = snapshot(staff, db, teacher_with_a_failure)
    with pytest.raises(PermissionDenied, match="Teacher accounts may not"):
        GUARDED_ACTIONS[action](staff, teacher_with_a_failure, teacher_with_a_failure, HEAD_PIN)
    assert snapshot(staff, db, teacher_with_a_failure) == before
    assert StaffStore(db).failures(HEAD_PIN_SUBJECT).failures == 0


def test_a_teacher_can_ask_the_head_to_type_the_pin_for_an_unguarded_role(
        staff: StaffDirectory, head: StaffMember, teacher: StaffMember) -> None:
    approving = staff.require_head_pin(HEAD_PIN, by=teacher, permission=None,
                                       action="allow tweets from the trip laptop")
    assert approving == head
    assert staff.require_head_pin(HEAD_PIN, by=None, permission=None,
                                  action="leave kiosk mode") == head
    with pytest.raises(PermissionDenied, match="Sign in"):
        staff.require_head_pin(HEAD_PIN, by=None, permission=Permission.CHANGE_CREDENTIALS,
                               action="connect the X account")


def test_the_head_pin_prompt_has_its_own_lockout(staff: StaffDirectory, head: StaffMember,
                                                  head_and_code: tuple[StaffMember, str]) -> None:
    for _ in range(4):
        assert staff.check_head_pin("999000", T0).member is None
    waiting = staff.check_head_pin(HEAD_PIN, T0 + timedelta(seconds=5))
    assert waiting.member is None and waiting.wait_until is not None
    with pytest.raises(HeadPinRequired, match="Try again in"):
        staff.require_head_pin(HEAD_PIN, by=None, permission=None, action="leave kiosk mode",
                               now=T0 + timedelta(seconds=5))
    moment = T0
    for _ in range(6):
        moment += timedelta(minutes=16)
        staff.check_head_pin("999000", moment)
    locked = staff.check_head_pin(HEAD_PIN, moment + timedelta(days=1))
    assert locked.locked and "recovery code" in locked.message
    # the head's own sign-in is a separate counter and still works
    assert staff.sign_in(head.staff_id, HEAD_PIN, moment).member == head
    staff.recover_head(head_and_code[1], NEW_PIN, moment)
    assert staff.check_head_pin(NEW_PIN, moment).member == head


def test_the_right_head_pin_resets_the_prompt_counter(staff: StaffDirectory,
                                                       head: StaffMember) -> None:
    for _ in range(3):
        staff.check_head_pin("999000", T0)
    assert staff.check_head_pin(HEAD_PIN, T0).member == head
    staff.check_head_pin("999000", T0)
    assert staff.head_pin_lock_state(T0).may_try  # back to one failure, not four


def test_a_teacher_guessing_the_head_pin_locks_only_themselves(
        staff: StaffDirectory, head: StaffMember, teacher: StaffMember,
        head_and_code: tuple[StaffMember, str]) -> None:
    moment = T0
    for _ in range(10):
        moment += timedelta(minutes=16)
        staff.check_head_pin("999000", moment, by=teacher, action="register a laptop")
    later = moment + timedelta(days=1)
    refused = staff.check_head_pin(HEAD_PIN, later, by=teacher)
    assert refused.member is None and refused.locked and "your account" in refused.message
    # the head's own guarded actions, and the kiosk's, are untouched
    assert staff.require_head_pin(HEAD_PIN, by=head, permission=Permission.MANAGE_STAFF,
                                  action="add staff", now=later) == head
    assert staff.check_head_pin(HEAD_PIN, later).member == head
    staff.unlock(teacher.staff_id, by=head, head_pin=HEAD_PIN, now=later)
    assert staff.check_head_pin(HEAD_PIN, later, by=teacher).member == head


def test_parallel_guesses_are_checked_and_counted_in_one_step(
        staff: StaffDirectory, teacher: StaffMember, monkeypatch: pytest.MonkeyPatch) -> None:
    """40 guesses at once: only those the lockout allows are checked at all."""
    import stpeters_desk.core.staff as staff_module

    checked: list[str] = []
    real_verify = staff_module.verify_pin

    def counting_verify(stored: str, pin: str) -> bool:
        checked.append(pin)
        return real_verify(stored, pin)

    monkeypatch.setattr(staff_module, "verify_pin", counting_verify)
    guesses = [f"{100000 + n * 7919:06d}" for n in range(39)] + [TEACHER_PIN]
    start = threading.Barrier(len(guesses))
    results: list[StaffMember | None] = []

    def guess(pin: str) -> None:
        start.wait()
        results.append(staff.sign_in(teacher.staff_id, pin, T0).member)

    threads = [threading.Thread(target=guess, args=(pin,)) for pin in guesses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == len(guesses)
    assert len(checked) <= LockoutPolicy().free_failures + 1
    assert sum(member is not None for member in results) <= (TEACHER_PIN in checked)


def test_any_active_heads_pin_is_accepted(staff: StaffDirectory, head: StaffMember) -> None:
    second = staff.add_member("Mr Okafor", Role.HEAD, NEW_PIN, False, by=head,
                              head_pin=HEAD_PIN)
    assert staff.check_head_pin(NEW_PIN).member == second
    assert staff.check_head_pin(HEAD_PIN).member == head


# -- the last head ---------------------------------------------------------------------------
def test_the_last_active_head_cannot_be_demoted_or_removed(
        staff: StaffDirectory, head: StaffMember, audit: AuditTrail) -> None:
    for change in ({"role": Role.TEACHER}, {"active": False}):
        with pytest.raises(ValueError, match="always have an active head"):
            staff.update_member(head.staff_id, by=head, head_pin=HEAD_PIN, **change)
    assert staff.member(head.staff_id) == head


def test_with_two_heads_one_may_step_down_but_not_both(staff: StaffDirectory,
                                                       head: StaffMember) -> None:
    second = staff.add_member("Mr Okafor", Role.HEAD, NEW_PIN, False, by=head,
                              head_pin=HEAD_PIN)
    staff.update_member(head.staff_id, role=Role.TEACHER, by=second, head_pin=NEW_PIN)
    with pytest.raises(ValueError, match="always have an active head"):
        staff.update_member(second.staff_id, active=False, by=second, head_pin=NEW_PIN)
    with pytest.raises(PermissionDenied):  # the former head is a teacher now
        staff.update_member(second.staff_id, active=False, by=head, head_pin=NEW_PIN)


def test_names_must_tell_people_apart(staff: StaffDirectory, head: StaffMember,
                                      teacher: StaffMember) -> None:
    with pytest.raises(ValueError, match="already on the staff list"):
        staff.add_member("mr  quill", Role.SECRETARY, NEW_PIN, False, by=head,
                         head_pin=HEAD_PIN)


# -- the recovery code -----------------------------------------------------------------------
def test_recovery_code_resets_a_locked_head_and_is_then_replaced(
        staff: StaffDirectory, head_and_code: tuple[StaffMember, str],
        audit: AuditTrail) -> None:
    head, code = head_and_code
    last = fail_sign_ins(staff, head.staff_id, 10)
    with pytest.raises(ValueError, match="run of digits"):
        staff.recover_head(code, "123456")
    with pytest.raises(ValueError, match="recovery code is not right"):
        staff.recover_head("AAAA-BBBB-CCCC-DDDD-EEEE", NEW_PIN)
    assert audit.recent()[0].action == "failed recovery code"
    typed = code.lower().replace("-", " ")  # forgiving about case, spaces and dashes
    member, new_code = staff.recover_head(typed, NEW_PIN, last)
    assert member == head and new_code != code
    assert staff.sign_in(head.staff_id, HEAD_PIN, last).member is None
    assert staff.sign_in(head.staff_id, NEW_PIN, last).member == head
    with pytest.raises(ValueError, match="not right"):
        staff.recover_head(code, "604418")  # the used code is spent
    again = staff.recover_head(new_code, "604418")
    assert again.member == head and again.recovery_code != new_code
    assert "reset head PIN with recovery code" in audit.actions()


def test_a_lost_recovery_code_can_be_replaced_by_the_head(
        staff: StaffDirectory, head_and_code: tuple[StaffMember, str]) -> None:
    head, old_code = head_and_code
    new_code = staff.replace_recovery_code(by=head, head_pin=HEAD_PIN)
    with pytest.raises(ValueError, match="not right"):
        staff.recover_head(old_code, NEW_PIN)
    assert staff.recover_head(new_code, NEW_PIN).member == head


# -- a real restart ------------------------------------------------------------------------
CHILD = """
import sys
from datetime import datetime, timedelta
from pathlib import Path

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.roles import Role
from stpeters_desk.core.staff import StaffDirectory
from stpeters_desk.core.storage.db import open_database

step, data_dir, start = sys.argv[1], Path(sys.argv[2]), datetime.fromisoformat(sys.argv[3])
db = open_database(data_dir)
staff = StaffDirectory(db, AuditTrail(db), "process test")
if step == "fail":
    tries, gap = int(sys.argv[4]), timedelta(minutes=int(sys.argv[5]))
    head, _ = staff.create_head("Mrs Amberley", "482915", now=start)
    teacher = staff.add_member("Mr Quill", Role.TEACHER, "731904", False, by=head,
                               head_pin="482915", now=start)
    for i in range(tries):
        result = staff.sign_in(teacher.staff_id, "999000", start + gap * i)
    print(teacher.staff_id)
else:
    result = staff.sign_in(int(sys.argv[4]), "731904", start)
    print("signed in" if result.member else ("locked" if result.locked else "waiting"))
db.close()
"""


def run_child(*args: str) -> str:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    result = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.fixture
def child_data_dir(tmp_path: Path) -> Path:
    return tmp_path / "restart"


@pytest.mark.slow
def test_a_lock_survives_restarting_the_app(child_data_dir: Path) -> None:
    start = T0.isoformat()
    staff_id = run_child("fail", str(child_data_dir), start, "10", "20")
    much_later = (T0 + timedelta(days=3)).isoformat()
    assert run_child("try", str(child_data_dir), much_later, staff_id) == "locked"


@pytest.mark.slow
def test_a_wait_survives_restarting_the_app(child_data_dir: Path) -> None:
    staff_id = run_child("fail", str(child_data_dir), T0.isoformat(), "4", "0")
    soon = (T0 + timedelta(seconds=10)).isoformat()
    assert run_child("try", str(child_data_dir), soon, staff_id) == "waiting"
    after = (T0 + timedelta(minutes=1)).isoformat()
    assert run_child("try", str(child_data_dir), after, staff_id) == "signed in"
