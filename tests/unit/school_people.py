"""A school with one member of staff in each role, for the operations' tests.

Import the fixtures into a test module (``from tests.unit.school_people import ...``);
``quick_pin_hashes`` is autouse there: the operations' rules are under test, not
Argon2's cost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.x.sandbox import SandboxGateway

HEAD_PIN = "482915"
STAFF_PIN = "731904"
WRONG_PIN = "000000"
HEAD_NAME = "Mrs Amberley"
COMPUTER = "Office PC (test)"


def hash_pins_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    """The operations are under test, not Argon2's cost: hash PINs cheaply."""
    from argon2 import PasswordHasher, Type

    from stpeters_desk.core import pins

    monkeypatch.setattr(pins, "_hasher", lambda: PasswordHasher(
        time_cost=1, memory_cost=8, parallelism=1, hash_len=16, salt_len=16, type=Type.ID))


@pytest.fixture(autouse=True)
def quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    hash_pins_quickly(monkeypatch)


def set_up_people(staff_or_db: StaffDirectory | Database) -> dict[Role, StaffMember]:
    """The head, then "Staff 0" (e-safety), "Staff 1" (teacher), "Staff 2" (secretary)."""
    staff = staff_or_db if isinstance(staff_or_db, StaffDirectory) else StaffDirectory(
        staff_or_db, AuditTrail(staff_or_db, device=COMPUTER), COMPUTER)
    head, _code = staff.create_head(HEAD_NAME, HEAD_PIN)
    found = {Role.HEAD: head}
    for number, role in enumerate((Role.ESAFETY, Role.TEACHER, Role.SECRETARY)):
        found[role] = staff.add_member(f"Staff {number}", role, STAFF_PIN, by=head,
                                       head_pin=HEAD_PIN)
    return found


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path) -> DeskServices:
    return DeskServices.for_school(db, sandbox, data_dir)


@pytest.fixture
def people(school: DeskServices) -> dict[Role, StaffMember]:
    assert school.staff is not None
    return set_up_people(school.staff)
