"""The operations gate, driven by the table of actions: every action, every role,
with and without the head-teacher PIN, and the transaction that keeps a change and
its audit entry together."""

from __future__ import annotations

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.refusals import (
    HeadPinNeeded,
    NotAllowed,
    NotSignedIn,
    ReasonNeeded,
    Refused,
)
from stpeters_desk.core.roles import DEFAULT_PERMISSIONS, Role
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.ops.actions import ACTIONS, Action, action_titles
from stpeters_desk.ops.gate import Clearance, Gate
from stpeters_desk.ops.session import Session
from tests.unit.school_people import (
    COMPUTER,
    HEAD_PIN,
    WRONG_PIN,
    hash_pins_quickly,
    set_up_people,
)


@pytest.fixture(autouse=True)
def _quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    hash_pins_quickly(monkeypatch)


@pytest.fixture
def staff(db: Database) -> StaffDirectory:
    return StaffDirectory(db, AuditTrail(db), COMPUTER)


@pytest.fixture
def people(staff: StaffDirectory) -> dict[Role, StaffMember]:
    return set_up_people(staff)


@pytest.fixture
def gate(db: Database, staff: StaffDirectory) -> Gate:
    return Gate(db, staff, "Office PC (test)")


def _allowed(role: Role, action: Action) -> bool:
    permission = ACTIONS[action].permission
    return permission is None or permission in DEFAULT_PERMISSIONS[role]


CASES = [(action, role) for action in Action for role in Role]


@pytest.mark.parametrize(("action", "role"), CASES, ids=[f"{a.name}-{r.value}" for a, r in CASES])
def test_every_action_is_cleared_only_for_the_roles_and_pin_the_table_asks(
        gate: Gate, people: dict[Role, StaffMember], action: Action, role: Role) -> None:
    rule = ACTIONS[action]
    session = Session(people[role], "Office PC (test)")
    for pin in (None, WRONG_PIN, HEAD_PIN):
        should_pass = _allowed(role, action) and (not rule.head_pin or pin == HEAD_PIN)
        if not should_pass:
            with pytest.raises(Refused) as refused:
                gate.clear(session, action, head_pin=pin, reason="a reason")
            assert refused.value.message
            expected = NotAllowed if not _allowed(role, action) else HeadPinNeeded
            assert isinstance(refused.value, expected), (pin, refused.value)
            continue
        clearance = gate.clear(session, action, head_pin=pin, reason="a reason")
        assert clearance.actor == people[role].name
        assert clearance.audit == rule.audit
        assert (clearance.head is not None) == rule.head_pin


@pytest.mark.parametrize("action", [a for a in Action if ACTIONS[a].reason])
def test_an_action_that_needs_a_reason_is_refused_without_one(
        gate: Gate, people: dict[Role, StaffMember], action: Action) -> None:
    with pytest.raises(ReasonNeeded):
        gate.clear(Session(people[Role.HEAD]), action, head_pin=HEAD_PIN, reason="  ")


@pytest.mark.parametrize("action", [a for a in Action if ACTIONS[a].signed_in])
def test_no_one_signed_in_is_refused(gate: Gate, people: dict[Role, StaffMember],
                                     action: Action) -> None:
    with pytest.raises((NotSignedIn, NotAllowed)):
        gate.clear(Session(None), action, head_pin=HEAD_PIN, reason="why")


def test_closing_the_kiosk_needs_only_the_head_pin_with_no_one_signed_in(
        gate: Gate, people: dict[Role, StaffMember]) -> None:
    clearance = gate.clear(Session(None), Action.CLOSE_KIOSK, head_pin=HEAD_PIN)
    assert clearance.actor == people[Role.HEAD].name
    with pytest.raises(HeadPinNeeded):
        gate.clear(Session(None), Action.CLOSE_KIOSK, head_pin=WRONG_PIN)


def test_a_deactivated_person_is_refused_although_the_window_remembers_them(
        gate: Gate, staff: StaffDirectory, people: dict[Role, StaffMember]) -> None:
    secretary = people[Role.SECRETARY]
    staff.update_member(secretary.staff_id, active=False, by=people[Role.HEAD],
                        head_pin=HEAD_PIN)
    with pytest.raises(NotAllowed):
        gate.clear(Session(secretary), Action.POST_NOW)


def test_without_staff_accounts_only_a_practice_session_acts_and_never_with_the_head_pin(
        db: Database) -> None:
    gate = Gate(db, None)
    with pytest.raises(NotAllowed):
        gate.clear(Session(None), Action.POST_NOW)
    assert gate.clear(Session(None, practice=True), Action.POST_NOW).actor == "Office"
    with pytest.raises(HeadPinNeeded):
        gate.clear(Session(None, practice=True), Action.KIOSK_OFF, head_pin=HEAD_PIN)


def test_the_change_and_its_audit_entry_are_kept_together_or_not_at_all(
        db: Database, gate: Gate, people: dict[Role, StaffMember]) -> None:
    audit = AuditTrail(db)
    before = len(audit.recent(1000))
    session = Session(people[Role.SECRETARY], "Office PC (test)")

    def change_then_fail(_clearance: Clearance) -> None:
        db.execute("INSERT INTO person_drafts (staff_id, computer, slot, text, updated_at) "
                   "VALUES (0, '', 'x', 'kept?', 'now')")
        raise RuntimeError("the disk went away")

    with pytest.raises(RuntimeError):
        gate.perform(session, Action.POST_NOW, change_then_fail, target="t")
    assert db.query_one("SELECT text FROM person_drafts WHERE slot = 'x'") is None
    assert len(audit.recent(1000)) == before

    def change(_clearance: Clearance) -> int:
        db.execute("INSERT INTO person_drafts (staff_id, computer, slot, text, updated_at) "
                   "VALUES (0, '', 'x', 'kept', 'now')")
        return 7

    assert gate.perform(session, Action.POST_NOW, change, target="t",
                        detail=lambda n: f"id {n}") == 7
    entry = audit.recent(1)[0]
    assert (entry.actor, entry.action, entry.detail) == (people[Role.SECRETARY].name,
                                                         "post tweet", "id 7")
    assert db.query_one("SELECT text FROM person_drafts WHERE slot = 'x'")["text"] == "kept"
    assert audit.verify().ok


def test_every_action_has_a_title_for_the_staff_tab() -> None:
    titles = action_titles()
    assert set(titles) == set(Action) == set(ACTIONS)
    assert all(titles.values())
