"""The school's own set-up through operations: this computer, the X account, the roster,
the kiosk, the policy and the settings. Each is allowed only to the roles the table
names, asks for the head-teacher PIN where the table says so, writes its audit entry
with the change, and writes nothing when refused."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.refusals import HeadPinNeeded, InvalidInput, NotAllowed, Refused
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import (
    KIOSK_IDLE_MINUTES,
    KIOSK_MODE,
    POLICY_ADOPTED_ON,
    REAL_ACCOUNT_CONNECTED,
    REPLY_SETTING,
    THEME,
    read,
    tour_seen,
)
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.ops.school import LEGACY_POLICY_FILE, SchoolOperations, validate_trip_exception
from stpeters_desk.ops.session import Session
from stpeters_desk.x.credentials import XCredentials, load_account_password, load_credentials
from stpeters_desk.x.models import Account
from tests.keyrings import MemoryKeyring
from tests.unit.school_people import (
    HEAD_PIN,
    WRONG_PIN,
    people,
    quick_pin_hashes,
    school,
)

ROSTERS = Path(__file__).resolve().parents[1] / "data" / "rosters"
KEYS = XCredentials("key", "key-secret", "token", "token-secret")

__all__ = ["people", "quick_pin_hashes", "school"]  # fixtures shared with the staff tests


@pytest.fixture
def ops(school: DeskServices) -> SchoolOperations:
    return SchoolOperations(school)


def as_(people: dict[Role, StaffMember], role: Role) -> Session:
    return Session(people[role], "Office PC (test)")


def last(school: DeskServices) -> tuple[str, str]:
    entry = school.audit.recent(1)[0]
    return entry.actor, entry.action


def entries(school: DeskServices) -> int:
    return len(school.audit.recent(10_000))


# -- this computer --------------------------------------------------------------------------
def test_registering_this_computer_needs_the_role_and_the_head_pin(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    assert school.devices is not None and school.device is not None
    before = entries(school)
    with pytest.raises(NotAllowed):
        ops.register_device(as_(people, Role.TEACHER), HEAD_PIN)
    assert entries(school) == before
    with pytest.raises(HeadPinNeeded):
        ops.register_device(as_(people, Role.HEAD), WRONG_PIN)
    assert not school.devices.is_registered(school.device)
    ops.register_device(as_(people, Role.HEAD), HEAD_PIN)
    assert school.devices.is_registered(school.device)
    assert last(school) == ("Mrs Amberley", AuditAction.REGISTER_DEVICE)
    ops.unregister_device(as_(people, Role.HEAD), HEAD_PIN)
    assert not school.devices.is_registered(school.device)
    assert last(school) == ("Mrs Amberley", AuditAction.UNREGISTER_DEVICE)


def test_a_trip_exception_is_checked_before_the_pin_and_needs_the_tables_role(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    assert school.devices is not None
    now = datetime.now().astimezone()
    before = entries(school)
    with pytest.raises(InvalidInput, match="after its start"):
        validate_trip_exception(now + timedelta(hours=2), now, "Football match")
    with pytest.raises(InvalidInput):  # the operation checks again, before the PIN
        ops.allow_trip_exception(as_(people, Role.HEAD), now, now + timedelta(hours=2), "  ",
                                 WRONG_PIN)
    assert entries(school) == before  # no wrong head-PIN try was counted
    with pytest.raises(NotAllowed):  # the table: registering computers, not any teacher
        ops.allow_trip_exception(as_(people, Role.TEACHER), now, now + timedelta(hours=2),
                                 "Football match", HEAD_PIN)
    granted = ops.allow_trip_exception(as_(people, Role.HEAD), now, now + timedelta(hours=2),
                                       "  Football   match ", HEAD_PIN)
    assert granted.reason == "Football match"
    assert last(school) == ("Mrs Amberley", AuditAction.GRANT_POSTING_EXCEPTION)


def test_back_from_the_trip_the_exception_ends_at_once(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    assert school.devices is not None and school.device is not None
    now = datetime.now().astimezone()
    assert not ops.end_trip_exception(as_(people, Role.TEACHER))  # none to end
    ops.allow_trip_exception(as_(people, Role.HEAD), now, now + timedelta(hours=2),
                             "Football match", HEAD_PIN)
    assert school.devices.may_post(school.device)[0]
    assert ops.end_trip_exception(as_(people, Role.TEACHER))  # narrowing: no PIN
    assert not school.devices.may_post(school.device)[0]
    assert last(school) == (people[Role.TEACHER].name, AuditAction.END_POSTING_EXCEPTION)


def test_without_staff_accounts_this_computer_cannot_be_registered(
        services: DeskServices) -> None:
    with pytest.raises(NotAllowed):
        SchoolOperations(services).register_device(Session(None, practice=True), HEAD_PIN)


# -- the X account --------------------------------------------------------------------------
def test_the_x_password_is_stored_and_shown_only_with_the_head_pin(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember],
        memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(InvalidInput):
        ops.store_x_password(as_(people, Role.HEAD), "", HEAD_PIN)
    with pytest.raises(NotAllowed):
        ops.store_x_password(as_(people, Role.SECRETARY), "secret-1", HEAD_PIN)
    with pytest.raises(HeadPinNeeded):
        ops.store_x_password(as_(people, Role.HEAD), "secret-1", WRONG_PIN)
    assert load_account_password() is None
    ops.store_x_password(as_(people, Role.HEAD), "secret-1", HEAD_PIN)
    assert load_account_password() == "secret-1"
    assert last(school) == ("Mrs Amberley", AuditAction.X_PASSWORD_CHANGED)
    with pytest.raises(HeadPinNeeded):
        ops.show_x_password(as_(people, Role.HEAD), WRONG_PIN)
    assert ops.show_x_password(as_(people, Role.HEAD), HEAD_PIN) == "secret-1"
    assert last(school) == ("Mrs Amberley", AuditAction.X_PASSWORD_SHOWN)


def _account(access: str) -> Account:
    return Account("1", "StPetersPilning", "St Peter's", 10, 0, "real", access_level=access)


@pytest.mark.parametrize("access", ["read-write", "read-write-directmessages"])
def test_connecting_x_keeps_keys_only_without_direct_messages_and_with_the_head_pin(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember],
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, access: str) -> None:
    from stpeters_desk.x import connect

    monkeypatch.setattr(connect, "check_credentials", lambda _keys: _account(access))
    with pytest.raises(HeadPinNeeded):
        ops.connect_x(as_(people, Role.HEAD), lambda: KEYS, WRONG_PIN)
    with pytest.raises(NotAllowed):
        ops.connect_x(as_(people, Role.ESAFETY), lambda: KEYS, HEAD_PIN)
    assert load_credentials() is None
    if "directmessages" in access:
        with pytest.raises(NotAllowed, match="direct messages"):
            ops.connect_x(as_(people, Role.HEAD), lambda: KEYS, HEAD_PIN)
        assert load_credentials() is None and not read(school.settings, REAL_ACCOUNT_CONNECTED)
        return
    account = ops.connect_x(as_(people, Role.HEAD), lambda: KEYS, HEAD_PIN)
    assert account.handle == "StPetersPilning"
    assert load_credentials() == KEYS and read(school.settings, REAL_ACCOUNT_CONNECTED)
    assert last(school) == ("Mrs Amberley", AuditAction.X_ACCOUNT_CONNECTED)


# -- the roster -----------------------------------------------------------------------------
def test_only_the_head_with_the_head_pin_replaces_the_pupil_roster(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember],
        memory_keyring: MemoryKeyring) -> None:
    assert school.roster is not None
    path = ROSTERS / "arbor_export.csv"
    for role in (Role.TEACHER, Role.SECRETARY, Role.ESAFETY):  # before: any member of staff
        with pytest.raises(NotAllowed):
            ops.import_roster(as_(people, role), path, HEAD_PIN)
    with pytest.raises(HeadPinNeeded):
        ops.import_roster(as_(people, Role.HEAD), path, WRONG_PIN)
    assert not school.roster.counts().imported
    counts = ops.import_roster(as_(people, Role.HEAD), path, HEAD_PIN)
    assert counts.pupils > 0 and school.roster.counts().imported_by == "Mrs Amberley"
    entry = school.audit.recent(1)[0]
    assert (entry.action, entry.target) == (AuditAction.ROSTER_IMPORTED, path.name)
    assert f"{counts.pupils} pupils" in entry.detail


def test_a_bad_roster_file_changes_nothing_and_records_nothing(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember],
        memory_keyring: MemoryKeyring) -> None:
    before = entries(school)
    with pytest.raises(Exception):  # noqa: B017 - the file's own error, whatever it is
        ops.import_roster(as_(people, Role.HEAD), ROSTERS / "malformed_quote.csv", HEAD_PIN)
    assert school.roster is not None and not school.roster.counts().imported
    assert AuditAction.ROSTER_IMPORTED not in [e.action for e in school.audit.recent(100)]
    assert entries(school) == before


# -- the kiosk ------------------------------------------------------------------------------
def test_kiosk_mode_on_needs_the_role_off_needs_the_head_pin(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(NotAllowed):  # before: no check at all
        ops.kiosk_on(as_(people, Role.TEACHER))
    assert not read(school.settings, KIOSK_MODE)
    ops.kiosk_on(as_(people, Role.HEAD))
    assert read(school.settings, KIOSK_MODE)
    assert last(school) == ("Mrs Amberley", AuditAction.KIOSK_ON)
    with pytest.raises(HeadPinNeeded):
        ops.kiosk_off(as_(people, Role.TEACHER), WRONG_PIN)
    assert read(school.settings, KIOSK_MODE)
    ops.kiosk_off(as_(people, Role.TEACHER), HEAD_PIN)  # anyone, with the head's PIN
    assert not read(school.settings, KIOSK_MODE)
    assert last(school) == (people[Role.TEACHER].name, AuditAction.KIOSK_OFF)


def test_the_kiosk_closes_with_the_head_pin_and_no_one_signed_in(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(HeadPinNeeded):
        ops.close_kiosk(Session(None), WRONG_PIN)
    ops.close_kiosk(Session(None), HEAD_PIN)
    assert last(school) == ("Mrs Amberley", AuditAction.KIOSK_CLOSED)


def test_the_setting_and_its_audit_entry_are_kept_together(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from stpeters_desk.ops import gate

    def no_disk(*_args: object) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(gate, "append_entries", no_disk)
    with pytest.raises(OSError):
        ops.kiosk_on(as_(people, Role.HEAD))
    assert not read(school.settings, KIOSK_MODE)


# -- the policy -----------------------------------------------------------------------------
def test_policy_dates_are_checked_then_kept_with_their_entry(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(InvalidInput, match="future"):
        ops.policy_dates(as_(people, Role.HEAD), date.today() + timedelta(days=3), 24)
    with pytest.raises(NotAllowed):
        ops.policy_dates(as_(people, Role.TEACHER), date(2024, 9, 1), 24)
    assert read(school.settings, POLICY_ADOPTED_ON) == POLICY_ADOPTED_ON.default
    ops.policy_dates(as_(people, Role.HEAD), date(2024, 9, 1), 12)
    assert read(school.settings, POLICY_ADOPTED_ON) == date(2024, 9, 1)
    entry = school.audit.recent(1)[0]
    assert entry.action == AuditAction.POLICY_DATES_CHANGED
    assert entry.detail == "adopted 2024-09-01, every 12 months"


def test_the_policy_file_is_checked_and_loaded_only_by_the_head(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember],
        tmp_path: Path) -> None:
    junk = tmp_path / "policy.docx"
    junk.write_bytes(b"PK\x03\x04\x00binary")
    with pytest.raises(InvalidInput, match="not a plain-text policy"):
        ops.load_policy_file(as_(people, Role.HEAD), junk)
    good = tmp_path / "policy.txt"
    good.write_text("Our invented policy.", encoding="utf-8")
    with pytest.raises(NotAllowed):
        ops.load_policy_file(as_(people, Role.TEACHER), good)
    assert ops.policy_text() == ""
    assert ops.load_policy_file(as_(people, Role.HEAD), good) == "Our invented policy."
    assert ops.policy_text() == "Our invented policy."
    assert last(school) == ("Mrs Amberley", AuditAction.POLICY_FILE_LOADED)


def test_a_policy_kept_as_a_file_before_it_moved_to_the_database_still_shows(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember],
        tmp_path: Path) -> None:
    if school.db.dialect != "sqlite":
        pytest.skip("only a computer's own data folder held the old file")
    school.data_dir.mkdir(parents=True, exist_ok=True)
    (school.data_dir / LEGACY_POLICY_FILE).write_text("Our older policy.", encoding="utf-8")
    assert ops.policy_text() == "Our older policy."
    newer = tmp_path / "policy.txt"
    newer.write_text("Our newer policy.", encoding="utf-8")
    ops.load_policy_file(as_(people, Role.HEAD), newer)
    assert ops.policy_text() == "Our newer policy."


# -- settings -------------------------------------------------------------------------------
def test_a_setting_is_changed_by_whom_the_registry_says_with_its_entry(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(NotAllowed):  # replies are for those who post
        ops.change_setting(as_(people, Role.TEACHER), REPLY_SETTING, "everyone")
    assert read(school.settings, REPLY_SETTING) == "mentionedUsers"
    assert ops.change_setting(as_(people, Role.SECRETARY), REPLY_SETTING, "everyone")
    entry = school.audit.recent(1)[0]
    assert (entry.actor, entry.action, entry.detail) == (
        people[Role.SECRETARY].name, AuditAction.REPLY_SETTING_CHANGED, "everyone")
    before = entries(school)
    assert not ops.change_setting(as_(people, Role.SECRETARY), REPLY_SETTING, "everyone")
    assert entries(school) == before  # unchanged: nothing recorded
    assert ops.change_setting(as_(people, Role.TEACHER), THEME, "dark")  # anyone signed in
    with pytest.raises(NotAllowed):
        ops.change_setting(Session(None), THEME, "light")


def test_a_setting_with_its_own_operation_or_an_impossible_value_is_refused(
        school: DeskServices, ops: SchoolOperations, people: dict[Role, StaffMember]) -> None:
    with pytest.raises(NotAllowed):
        ops.change_setting(as_(people, Role.HEAD), KIOSK_MODE, False)  # kiosk off: head PIN
    with pytest.raises(InvalidInput):
        ops.change_setting(as_(people, Role.HEAD), KIOSK_IDLE_MINUTES, 500)
    with pytest.raises(InvalidInput):
        ops.change_setting(as_(people, Role.HEAD), THEME, "purple")
    with pytest.raises(NotAllowed):
        ops.change_setting(as_(people, Role.TEACHER), KIOSK_IDLE_MINUTES, 30)
    assert read(school.settings, KIOSK_IDLE_MINUTES) == 5


def test_a_practice_set_up_changes_ordinary_settings_but_nothing_guarded(
        services: DeskServices) -> None:
    ops, practice = SchoolOperations(services), Session(None, practice=True)
    assert ops.change_setting(practice, THEME, "dark")
    assert services.audit.recent(1)[0].actor == "Office"
    with pytest.raises(Refused):
        ops.kiosk_off(practice, HEAD_PIN)
    with pytest.raises(Refused):
        ops.import_roster(practice, ROSTERS / "arbor_export.csv", HEAD_PIN)


def test_the_tour_is_seen_per_person(school: DeskServices, ops: SchoolOperations,
                                     people: dict[Role, StaffMember]) -> None:
    teacher, head = as_(people, Role.TEACHER), as_(people, Role.HEAD)
    ops.mark_tour_seen(teacher)
    ops.mark_tour_seen(Session(None))  # no one signed in: nothing to mark
    assert teacher.member is not None and head.member is not None
    assert read(school.settings, tour_seen(teacher.member.staff_id))
    assert not read(school.settings, tour_seen(head.member.staff_id))
