"""Registered computers and time-boxed posting exceptions for trips and sports events."""

from __future__ import annotations

import json
import socket
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.devices import (
    COMPUTER_NAME_ENV,
    CONFIG_DIR_ENV,
    DEVICE_FILE,
    DeviceIdentity,
    DeviceRegistry,
    this_device,
)
from stpeters_desk.core.roles import Role
from stpeters_desk.core.staff import HeadPinRequired, PermissionDenied, StaffDirectory, StaffMember
from stpeters_desk.core.storage.db import Database

HEAD_PIN = "482915"
T0 = datetime(2024, 5, 13, 8, 0, tzinfo=UTC)  # a Monday morning
TRIP_LAPTOP = DeviceIdentity("a1b2c3d4e5f60718293a4b5c6d7e8f90", "TRIP-LAPTOP")
OFFICE_PC = DeviceIdentity("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "OFFICE-PC")


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real config folder's device id."""
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def audit(db: Database) -> AuditTrail:
    return AuditTrail(db)


@pytest.fixture
def staff(db: Database, audit: AuditTrail) -> StaffDirectory:
    return StaffDirectory(db, audit, "OFFICE-PC (0f1e2d3c)")


@pytest.fixture
def head(staff: StaffDirectory) -> StaffMember:
    return staff.create_head("Mrs Amberley", HEAD_PIN, now=T0).member


@pytest.fixture
def teacher(staff: StaffDirectory, head: StaffMember) -> StaffMember:
    return staff.add_member("Mr Quill", Role.TEACHER, "731904", False, by=head,
                            head_pin=HEAD_PIN)


@pytest.fixture
def registry(db: Database, audit: AuditTrail, staff: StaffDirectory) -> DeviceRegistry:
    return DeviceRegistry(db, audit, staff)


# -- this computer -----------------------------------------------------------------------------
def test_this_device_is_created_once_and_kept(config_dir: Path) -> None:
    first = this_device()
    assert len(first.device_id) == 32 and int(first.device_id, 16) >= 0
    assert first.name == socket.gethostname()
    assert json.loads((config_dir / DEVICE_FILE).read_text())["device_id"] == first.device_id
    assert this_device() == first
    assert first.label == f"{first.name} ({first.device_id[:8]})"


def test_a_drawing_machine_can_give_the_computer_an_invented_name(
        config_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The gallery's pictures show Settings' "This computer is called …": never the name
    of the machine that drew them."""
    monkeypatch.setenv(COMPUTER_NAME_ENV, "OFFICE-PC-2")
    assert this_device().name == "OFFICE-PC-2"
    monkeypatch.setenv(COMPUTER_NAME_ENV, "  ")
    assert this_device().name == socket.gethostname()


def test_a_damaged_device_file_is_replaced(config_dir: Path) -> None:
    config_dir.mkdir(parents=True)
    (config_dir / DEVICE_FILE).write_text("{not json")
    fresh = this_device()
    assert this_device() == fresh
    assert list(config_dir.iterdir()) == [config_dir / DEVICE_FILE]  # no temp files left


def test_computers_starting_at_once_agree_on_one_id() -> None:
    found: list[str] = []
    threads = [threading.Thread(target=lambda: found.append(this_device().device_id))
               for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8 and len(set(found)) == 1


def test_the_registry_can_build_its_own_staff_directory(db: Database, audit: AuditTrail,
                                                        head: StaffMember) -> None:
    registry = DeviceRegistry(db, audit)
    here = this_device()
    registry.register(here, by=head, head_pin=HEAD_PIN)
    assert registry.is_registered(here)
    assert audit.recent()[0].device == here.label


# -- registration ------------------------------------------------------------------------------
def test_an_unregistered_computer_may_not_post(registry: DeviceRegistry) -> None:
    allowed, reason = registry.may_post(OFFICE_PC, T0)
    assert not allowed and "not a school-registered computer" in reason


def test_registering_needs_the_head_pin_and_is_logged(registry: DeviceRegistry,
                                                      head: StaffMember,
                                                      audit: AuditTrail) -> None:
    with pytest.raises(HeadPinRequired):
        registry.register(OFFICE_PC, by=head, head_pin="999000")
    assert not registry.is_registered(OFFICE_PC)
    registry.register(OFFICE_PC, by=head, head_pin=HEAD_PIN, now=T0)
    assert registry.is_registered(OFFICE_PC)
    allowed, reason = registry.may_post(OFFICE_PC, T0)
    assert allowed and "registered" in reason
    entry = audit.recent()[0]
    assert (entry.action, entry.target, entry.actor) == ("register device",
                                                         OFFICE_PC.label, "Mrs Amberley")
    [listed] = registry.registered_devices()
    assert listed.device == OFFICE_PC and listed.registered_by == "Mrs Amberley"


def test_only_roles_allowed_to_register_may_ask(registry: DeviceRegistry,
                                                teacher: StaffMember) -> None:
    with pytest.raises(PermissionDenied):
        registry.register(OFFICE_PC, by=teacher, head_pin=HEAD_PIN)
    assert not registry.is_registered(OFFICE_PC)


def test_unregistering_needs_the_head_pin(registry: DeviceRegistry, head: StaffMember) -> None:
    registry.register(OFFICE_PC, by=head, head_pin=HEAD_PIN)
    with pytest.raises(HeadPinRequired):
        registry.unregister(OFFICE_PC, by=head, head_pin="")
    assert registry.is_registered(OFFICE_PC)
    registry.unregister(OFFICE_PC, by=head, head_pin=HEAD_PIN)
    assert not registry.is_registered(OFFICE_PC)
    assert not registry.may_post(OFFICE_PC)[0]
    assert registry.registered_devices() == []


# -- posting exceptions ----------------------------------------------------------------------
def test_a_trip_exception_allows_posting_only_in_its_window(
        registry: DeviceRegistry, teacher: StaffMember, head: StaffMember,
        audit: AuditTrail) -> None:
    start, end = T0 + timedelta(hours=1), T0 + timedelta(days=2)
    granted = registry.grant_exception(TRIP_LAPTOP, start, end, "Year 6 trip to the coast",
                                       by=teacher, head_pin=HEAD_PIN, now=T0)
    assert granted.approved_by == "Mrs Amberley" and granted.granted_by == "Mr Quill"
    assert registry.active_exception(TRIP_LAPTOP, T0) is None
    assert not registry.may_post(TRIP_LAPTOP, T0)[0]
    during = start + timedelta(hours=3)
    assert registry.active_exception(TRIP_LAPTOP, during) == granted
    allowed, reason = registry.may_post(TRIP_LAPTOP, during)
    assert allowed and "Year 6 trip to the coast" in reason
    assert not registry.may_post(TRIP_LAPTOP, end)[0]
    assert not registry.may_post(OFFICE_PC, during)[0]  # only that laptop
    entry = audit.recent()[0]
    assert (entry.action, entry.reason, entry.actor) == (
        "grant posting exception", "Year 6 trip to the coast", "Mr Quill")
    assert "head-teacher PIN: Mrs Amberley" in entry.detail


def test_an_exception_needs_the_head_pin(registry: DeviceRegistry, teacher: StaffMember) -> None:
    with pytest.raises(HeadPinRequired):
        registry.grant_exception(TRIP_LAPTOP, T0, T0 + timedelta(hours=6), "Football match",
                                 by=teacher, head_pin="731904", now=T0)
    assert registry.current_and_future_exceptions(T0) == []


@pytest.mark.parametrize(("start", "end", "reason", "message"), [
    (T0, T0 + timedelta(hours=2), "  ", "what the exception is for"),
    (T0, T0 - timedelta(hours=2), "Football match", "after its start"),
    (T0 - timedelta(days=2), T0 - timedelta(days=1), "Football match", "already passed"),
    (T0, T0 + timedelta(days=5, minutes=1), "Residential", "at most 5 days"),
    (T0, T0 + timedelta(hours=2), "x" * 201, "under 200"),
])
def test_exceptions_must_be_short_explained_and_in_the_future(
        registry: DeviceRegistry, head: StaffMember, start: datetime, end: datetime,
        reason: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        registry.grant_exception(TRIP_LAPTOP, start, end, reason, by=head, head_pin=HEAD_PIN,
                                 now=T0)


def test_a_whole_residential_week_is_allowed(registry: DeviceRegistry,
                                             head: StaffMember) -> None:
    granted = registry.grant_exception(TRIP_LAPTOP, T0, T0 + timedelta(days=5), "Residential",
                                       by=head, head_pin=HEAD_PIN, now=T0)
    assert registry.current_and_future_exceptions(T0) == [granted]


def test_an_exception_can_be_ended_early_without_the_head_pin(
        registry: DeviceRegistry, head: StaffMember, teacher: StaffMember,
        audit: AuditTrail) -> None:
    granted = registry.grant_exception(TRIP_LAPTOP, T0, T0 + timedelta(days=1), "Sports day",
                                       by=head, head_pin=HEAD_PIN, now=T0)
    registry.end_exception(granted.exception_id, by=teacher, now=T0 + timedelta(hours=3))
    assert not registry.may_post(TRIP_LAPTOP, T0 + timedelta(hours=4))[0]
    assert registry.current_and_future_exceptions(T0) == []
    assert audit.recent()[0].action == "end posting exception"
    with pytest.raises(ValueError, match="does not exist"):
        registry.end_exception(999, by=teacher)
    assert audit.verify().ok


def test_local_times_are_accepted_and_stored_as_utc(registry: DeviceRegistry,
                                                    head: StaffMember) -> None:
    bst = timezone(timedelta(hours=1))
    start = datetime(2024, 5, 13, 9, 0, tzinfo=bst)
    granted = registry.grant_exception(TRIP_LAPTOP, start, start + timedelta(hours=8),
                                       "Cricket festival", by=head, head_pin=HEAD_PIN, now=T0)
    assert granted.start == T0 and registry.active_exception(TRIP_LAPTOP, T0) is not None
