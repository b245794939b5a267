"""The staff operations: the table's role first, the head-teacher PIN, the change and
its audit entry together, nothing written when refused, and the checks a form runs
before it asks for the PIN."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.refusals import (
    HeadPinNeeded,
    InvalidInput,
    NotAllowed,
    NotSignedIn,
    Refused,
)
from stpeters_desk.core.roles import Permission, Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import FAILED_ATTEMPT_ACTOR, StaffMember
from stpeters_desk.ops.session import Session
from stpeters_desk.ops.staff import (
    NewMember,
    PermissionChange,
    StaffOperations,
    validate_new_member,
    validate_new_pin_choice,
    validate_permission_changes,
)
from tests.unit.school_people import (
    HEAD_PIN,
    STAFF_PIN,
    WRONG_PIN,
    people,
    quick_pin_hashes,
    school,
)

NEW_PIN = "604219"
COMPUTER = "Office PC (test)"

__all__ = ["people", "quick_pin_hashes", "school"]  # fixtures shared with the school tests


@pytest.fixture
def operations(school: DeskServices) -> StaffOperations:
    return StaffOperations(school)


def actions(school: DeskServices) -> list[str]:
    return [entry.action for entry in school.audit.recent(1000)]


Change = Callable[[StaffOperations, Session, dict[Role, StaffMember], str], object]

CHANGES: dict[str, tuple[Change, AuditAction]] = {
    "add staff": (lambda ops, s, p, pin: ops.add_member(
        s, NewMember("Mr Newcomer", Role.TEACHER, NEW_PIN), pin), AuditAction.ADD_STAFF),
    "change role": (lambda ops, s, p, pin: ops.change_role(
        s, p[Role.TEACHER].staff_id, Role.SECRETARY, pin), AuditAction.CHANGE_ROLE),
    "approver": (lambda ops, s, p, pin: ops.set_approver(
        s, p[Role.TEACHER].staff_id, True, pin), AuditAction.MAKE_APPROVER),
    "deactivate": (lambda ops, s, p, pin: ops.set_active(
        s, p[Role.TEACHER].staff_id, False, pin), AuditAction.DEACTIVATE_STAFF),
    "unlock": (lambda ops, s, p, pin: ops.unlock_pin(
        s, p[Role.TEACHER].staff_id, pin), AuditAction.UNLOCK_PIN),
    "reset PIN": (lambda ops, s, p, pin: ops.reset_pin(
        s, p[Role.TEACHER].staff_id, NEW_PIN, NEW_PIN, pin), AuditAction.RESET_PIN),
    "permissions": (lambda ops, s, p, pin: ops.change_permissions(
        s, [PermissionChange(Role.TEACHER, Permission.POST, True),
            PermissionChange(Role.TEACHER, Permission.MODERATE, True)], pin),
        AuditAction.CHANGE_PERMISSIONS),
    "recovery code": (lambda ops, s, p, pin: ops.new_recovery_code(s, pin),
                      AuditAction.NEW_RECOVERY_CODE),
}


@pytest.mark.parametrize("name", CHANGES)
def test_the_head_with_the_head_pin_makes_the_change_and_its_audit_entry(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember],
        name: str) -> None:
    change, audit = CHANGES[name]
    change(operations, Session(people[Role.HEAD], COMPUTER), people, HEAD_PIN)
    entry = school.audit.recent(1)[0]
    assert (entry.actor, entry.action) == ("Mrs Amberley", audit.value)


@pytest.mark.parametrize("role", [Role.ESAFETY, Role.TEACHER, Role.SECRETARY])
@pytest.mark.parametrize("name", CHANGES)
def test_other_roles_are_refused_even_with_the_head_pin_and_nothing_is_written(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember],
        name: str, role: Role) -> None:
    change, _audit = CHANGES[name]
    before = actions(school)
    with pytest.raises(NotAllowed) as refused:
        change(operations, Session(people[role], COMPUTER), people, HEAD_PIN)
    assert refused.value.message
    assert actions(school) == before


@pytest.mark.parametrize("name", CHANGES)
def test_a_wrong_head_pin_changes_nothing(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember],
        name: str) -> None:
    change, audit = CHANGES[name]
    assert school.staff is not None
    staff_before = school.staff.members(include_inactive=True)
    table_before = school.staff.role_permissions()
    with pytest.raises(HeadPinNeeded):
        change(operations, Session(people[Role.HEAD], COMPUTER), people, WRONG_PIN)
    assert school.staff.members(include_inactive=True) == staff_before
    assert school.staff.role_permissions() == table_before
    assert actions(school)[0] == AuditAction.FAILED_HEAD_PIN  # the wrong try, not the change
    assert audit.value not in actions(school)[:1]


@pytest.mark.parametrize("name", CHANGES)
def test_no_one_signed_in_is_refused(operations: StaffOperations,
                                     people: dict[Role, StaffMember], name: str) -> None:
    change, _audit = CHANGES[name]
    with pytest.raises(NotSignedIn):
        change(operations, Session(None, COMPUTER), people, HEAD_PIN)


def test_without_staff_accounts_every_staff_change_is_refused(services: DeskServices) -> None:
    with pytest.raises(NotAllowed):
        StaffOperations(services).add_member(
            Session(None, practice=True), NewMember("Mr X", Role.TEACHER, NEW_PIN), HEAD_PIN)


def test_the_change_and_its_audit_entry_are_kept_together(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from stpeters_desk.core.storage import staff_store

    def no_disk(*_args: object) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(staff_store, "append_entries", no_disk)
    with pytest.raises(OSError):
        operations.add_member(Session(people[Role.HEAD], COMPUTER),
                              NewMember("Mr Newcomer", Role.TEACHER, NEW_PIN), HEAD_PIN)
    assert school.staff is not None
    assert "Mr Newcomer" not in [m.name for m in school.staff.members()]


def test_several_permission_changes_are_saved_all_or_none(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember]
        ) -> None:
    assert school.staff is not None
    before = school.staff.role_permissions()
    with pytest.raises(Refused):
        operations.change_permissions(Session(people[Role.HEAD]), [
            PermissionChange(Role.TEACHER, Permission.POST, True),
            PermissionChange(Role.HEAD, Permission.POST, False)], HEAD_PIN)  # the second fails
    assert school.staff.role_permissions() == before


# -- the checks a form runs before the PIN ---------------------------------------------------
def test_a_203_character_name_is_refused_before_any_pin_is_asked(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember]
        ) -> None:
    long_name = "Mr " + "A" * 200
    with pytest.raises(InvalidInput, match="under 60 characters"):
        validate_new_member(school.staff, long_name, Role.TEACHER, NEW_PIN, NEW_PIN)
    before = actions(school)
    with pytest.raises(InvalidInput):  # and again inside the operation, before the PIN
        operations.add_member(Session(people[Role.HEAD]),
                              NewMember(long_name, Role.TEACHER, NEW_PIN), WRONG_PIN)
    assert actions(school) == before  # no failed head-PIN try was counted


@pytest.mark.parametrize(("name", "pin", "again", "problem"), [
    ("", NEW_PIN, NEW_PIN, "name"),
    ("Staff 1", NEW_PIN, NEW_PIN, "already on the staff list"),
    ("Mr Newcomer", "123456", "123456", "run"),
    ("Mr Newcomer", NEW_PIN, "604218", "different"),
])
def test_a_new_member_is_checked_before_the_pin(
        school: DeskServices, people: dict[Role, StaffMember], name: str, pin: str, again: str,
        problem: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_new_member(school.staff, name, Role.TEACHER, pin, again)
    assert problem in refused.value.message.lower()


def test_a_good_new_member_is_tidied() -> None:
    new = validate_new_member(None, "  Mr   Newcomer ", Role.TEACHER, NEW_PIN, NEW_PIN, True)
    assert new == NewMember("Mr Newcomer", Role.TEACHER, NEW_PIN, True)
    assert validate_new_pin_choice(NEW_PIN, NEW_PIN) == NEW_PIN


def test_a_reset_pin_lets_them_sign_in_with_the_new_one(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember]
        ) -> None:
    assert school.staff is not None
    teacher = people[Role.TEACHER]
    with pytest.raises(InvalidInput):
        operations.reset_pin(Session(people[Role.HEAD]), teacher.staff_id, NEW_PIN, "999999",
                             HEAD_PIN)
    operations.reset_pin(Session(people[Role.HEAD]), teacher.staff_id, NEW_PIN, NEW_PIN,
                         HEAD_PIN)
    assert school.staff.sign_in(teacher.staff_id, STAFF_PIN).member is None
    assert school.staff.sign_in(teacher.staff_id, NEW_PIN).member == teacher


# -- the session -----------------------------------------------------------------------------
def test_a_failed_sign_in_is_the_computers_failed_attempt_not_the_persons_action(
        school: DeskServices, people: dict[Role, StaffMember]) -> None:
    assert school.staff is not None
    teacher = people[Role.TEACHER]
    school.staff.sign_in(teacher.staff_id, WRONG_PIN)
    entry = school.audit.recent(1)[0]
    assert entry.action == AuditAction.FAILED_SIGN_IN
    assert entry.target == teacher.name  # the name chosen
    assert entry.actor == FAILED_ATTEMPT_ACTOR != teacher.name
    assert entry.device == school.staff.device  # the computer
    assert school.audit.query(person=teacher.name, action=AuditAction.FAILED_SIGN_IN) == []


def test_a_lock_after_wrong_pins_is_not_the_persons_action_either(
        school: DeskServices, people: dict[Role, StaffMember]) -> None:
    assert school.staff is not None
    teacher = people[Role.TEACHER]
    moment = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    for _ in range(10):  # an hour apart: each try is allowed, until the lock
        result = school.staff.sign_in(teacher.staff_id, WRONG_PIN, now=moment)
        moment += timedelta(hours=1)
    assert result.locked
    locked = school.audit.query(action=AuditAction.PIN_LOCKED)
    assert [(e.actor, e.target) for e in locked] == [(FAILED_ATTEMPT_ACTOR, teacher.name)]
    assert school.audit.query(person=teacher.name) == []  # nothing of theirs at all


def test_the_pin_dialogs_check_counts_wrong_tries_against_the_person_asking(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember]
        ) -> None:
    assert school.staff is not None
    teacher = Session(people[Role.TEACHER], COMPUTER)
    for _ in range(4):
        with pytest.raises(HeadPinNeeded):
            operations.confirm_head_pin(teacher, WRONG_PIN, "add a member of staff")
    assert not school.staff.head_pin_lock_state(by=people[Role.TEACHER]).may_try
    assert school.staff.head_pin_lock_state(by=None).may_try  # the kiosk's exit still works
    assert school.audit.recent(1)[0].actor == people[Role.TEACHER].name
    head = Session(people[Role.HEAD], COMPUTER)
    assert operations.confirm_head_pin(head, HEAD_PIN, "add").name == "Mrs Amberley"


def test_a_lock_is_recorded_as_the_persons_own(school: DeskServices, operations: StaffOperations,
                                               people: dict[Role, StaffMember]) -> None:
    after = operations.lock(Session(people[Role.SECRETARY], COMPUTER))
    entry = school.audit.recent(1)[0]
    assert (entry.actor, entry.action) == (people[Role.SECRETARY].name, AuditAction.LOCK)
    assert after.member is None and after.computer == COMPUTER


def test_the_head_keeps_every_permission_which_is_said_before_the_pin(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember]
        ) -> None:
    changes = [PermissionChange(Role.HEAD, Permission.POST, False)]
    with pytest.raises(InvalidInput, match="always keeps"):
        validate_permission_changes(changes)
    before = actions(school)
    with pytest.raises(InvalidInput):
        operations.change_permissions(Session(people[Role.HEAD]), changes, WRONG_PIN)
    assert actions(school) == before  # no wrong head-PIN try was counted


def test_a_new_recovery_code_replaces_the_old_one(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember]
        ) -> None:
    assert school.staff is not None
    code = operations.new_recovery_code(Session(people[Role.HEAD]), HEAD_PIN)
    assert len(code.replace("-", "")) == 20
    school.staff.recover_head(code, NEW_PIN)  # the new code works
    assert school.staff.sign_in(people[Role.HEAD].staff_id, NEW_PIN).member is not None


def test_someone_changes_their_own_pin_with_their_current_one(
        school: DeskServices, operations: StaffOperations, people: dict[Role, StaffMember]
        ) -> None:
    assert school.staff is not None
    teacher = people[Role.TEACHER]
    session = Session(teacher, COMPUTER)
    with pytest.raises(InvalidInput, match="different"):
        operations.change_own_pin(session, STAFF_PIN, NEW_PIN, "604218")
    with pytest.raises(InvalidInput, match="current PIN is not right"):
        operations.change_own_pin(session, WRONG_PIN, NEW_PIN, NEW_PIN)
    with pytest.raises(NotSignedIn):
        operations.change_own_pin(Session(None), STAFF_PIN, NEW_PIN, NEW_PIN)
    operations.change_own_pin(session, STAFF_PIN, NEW_PIN, NEW_PIN)
    assert school.staff.sign_in(teacher.staff_id, NEW_PIN).member == teacher
    assert school.audit.query(action=AuditAction.CHANGE_OWN_PIN)[0].actor == teacher.name


def test_the_school_is_set_up_once_with_this_computer_registered(school: DeskServices) -> None:
    assert school.staff is not None and school.devices is not None
    assert school.device is not None
    operations = StaffOperations(school)
    with pytest.raises(InvalidInput):  # checked before anything is written
        operations.set_up_school("Mrs " + "A" * 80, HEAD_PIN, HEAD_PIN,
                                 register_this_computer=True)
    assert not school.staff.is_set_up()
    head, code = operations.set_up_school("  Mrs  Amberley ", HEAD_PIN, HEAD_PIN,
                                          register_this_computer=True)
    assert head.name == "Mrs Amberley" and len(code.replace("-", "")) == 20
    assert school.devices.is_registered(school.device)
    with pytest.raises(InvalidInput, match="already set up"):
        operations.set_up_school("Mr Other", NEW_PIN, NEW_PIN, register_this_computer=False)


def test_the_heads_pin_is_recovered_with_the_code_and_a_new_code_is_issued(
        school: DeskServices) -> None:
    assert school.staff is not None
    operations = StaffOperations(school)
    head, code = operations.set_up_school("Mrs Amberley", HEAD_PIN, HEAD_PIN,
                                          register_this_computer=False)
    with pytest.raises(InvalidInput, match="different"):
        operations.recover_head(code, NEW_PIN, "604218")
    with pytest.raises(InvalidInput, match="recovery code is not right"):
        operations.recover_head("AAAA-BBBB-CCCC-DDDD-EEEE", NEW_PIN, NEW_PIN)
    _head, new_code = operations.recover_head(code, NEW_PIN, NEW_PIN)
    assert new_code != code
    assert school.staff.sign_in(head.staff_id, NEW_PIN).member is not None
