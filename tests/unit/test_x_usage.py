"""The month's reads from X and the head teacher's limit on them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.refusals import HeadPinNeeded, NotAllowed
from stpeters_desk.core.roles import Role
from stpeters_desk.core.settings_registry import X_READ_CAP
from stpeters_desk.core.staff import StaffDirectory
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.core.storage.usage_store import UsageStore
from stpeters_desk.core.x_usage import ReadBudget
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.session import Session
from stpeters_desk.ops.x_usage import BadReadCap, XUsageOperations
from stpeters_desk.x.errors import ReadCapReached

HEAD_PIN = "482915"


def _budget(db: Database, when: list[datetime]) -> ReadBudget:
    return ReadBudget(UsageStore(db), SettingsStore(db), "real", clock=lambda: when[0])


def test_reads_are_counted_per_month_for_the_whole_school(db: Database) -> None:
    when = [datetime(2026, 12, 6, 9, tzinfo=UTC)]
    office, kiosk = _budget(db, when), _budget(db, when)  # two computers, one database
    office.after_read(100)
    kiosk.after_read(37)
    kiosk.after_read(0)
    figures = office.figures()
    assert (figures.usage.resources, figures.usage.requests, figures.cap) == (137, 3, None)
    when[0] = datetime(2027, 1, 1, 0, 1, tzinfo=UTC)
    assert office.figures().usage.resources == 0  # a new month starts from nothing


def test_reads_stop_at_the_limit_and_start_again_next_month(db: Database) -> None:
    when = [datetime(2026, 12, 30, 9, tzinfo=UTC)]
    budget = _budget(db, when)
    SettingsStore(db).set(X_READ_CAP.key, "150")
    budget.after_read(149)
    budget.before_read("replies")  # one left: allowed
    budget.after_read(100)  # an answer may overshoot: X decides the page size
    with pytest.raises(ReadCapReached) as refused:
        budget.before_read("replies")
    assert "limit" in refused.value.message and "Settings" in refused.value.next_step
    assert budget.figures().left == 0
    when[0] = datetime(2027, 1, 1, 9, tzinfo=UTC)
    budget.before_read("replies")


@pytest.mark.parametrize("stored", ["", "0", "not a number", "-5"])
def test_no_limit_or_an_unreadable_one_refuses_nothing(db: Database, stored: str) -> None:
    SettingsStore(db).set(X_READ_CAP.key, stored)
    budget = _budget(db, [datetime(2026, 12, 6, tzinfo=UTC)])
    budget.after_read(10**6)
    budget.before_read("followers")
    assert budget.cap() is None


def test_a_count_that_cannot_be_written_never_fails_the_read(db: Database) -> None:
    budget = _budget(db, [datetime(2026, 12, 6, tzinfo=UTC)])
    db.execute("DROP TABLE x_read_usage")
    budget.after_read(5)  # logged, not raised


def test_only_the_head_with_the_pin_sets_the_limit_and_it_is_recorded(db: Database) -> None:
    audit = AuditTrail(db)
    staff = StaffDirectory(db, audit, "Office PC (test)")
    head, _code = staff.create_head("Mrs Amberley Invented", HEAD_PIN)
    secretary = staff.add_member("Ms Secretary Invented", Role.SECRETARY, "731904", by=head,
                                 head_pin=HEAD_PIN)
    budget = _budget(db, [datetime(2026, 12, 6, tzinfo=UTC)])
    usage = XUsageOperations(budget, SettingsStore(db), Gate(db, staff, "Office PC (test)"))
    with pytest.raises(NotAllowed):
        usage.set_cap(Session(secretary), 5000, HEAD_PIN)
    with pytest.raises(HeadPinNeeded):
        usage.set_cap(Session(head), 5000, "000000")
    with pytest.raises(BadReadCap):
        usage.set_cap(Session(head), -1, HEAD_PIN)
    assert budget.cap() is None
    assert usage.set_cap(Session(head), 5000, HEAD_PIN).cap == 5000
    entry = audit.recent(1)[0]
    assert (entry.actor, entry.action, entry.detail) == (
        "Mrs Amberley Invented", "monthly X read limit changed", "5,000 a month")
    assert usage.set_cap(Session(head), 0, HEAD_PIN).cap is None
