"""A school with one member of staff in each role, for the operations' tests.

Import the fixtures into a test module (``from tests.unit.school_people import ...``);
``quick_pin_hashes`` is autouse there: the operations' rules are under test, not
Argon2's cost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.x.sandbox import SandboxGateway

HEAD_PIN = "482915"
STAFF_PIN = "731904"
WRONG_PIN = "000000"
HEAD_NAME = "Mrs Amberley"


@pytest.fixture(autouse=True)
def quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher, Type

    from stpeters_desk.core import pins

    monkeypatch.setattr(pins, "_hasher", lambda: PasswordHasher(
        time_cost=1, memory_cost=8, parallelism=1, hash_len=16, salt_len=16, type=Type.ID))


@pytest.fixture
def school(db: Database, sandbox: SandboxGateway, data_dir: Path) -> DeskServices:
    return DeskServices.for_school(db, sandbox, data_dir)


@pytest.fixture
def people(school: DeskServices) -> dict[Role, StaffMember]:
    """The head, then "Staff 0" (e-safety), "Staff 1" (teacher), "Staff 2" (secretary)."""
    assert school.staff is not None
    head, _code = school.staff.create_head(HEAD_NAME, HEAD_PIN)
    found = {Role.HEAD: head}
    for number, role in enumerate((Role.ESAFETY, Role.TEACHER, Role.SECRETARY)):
        found[role] = school.staff.add_member(f"Staff {number}", role, STAFF_PIN, by=head,
                                              head_pin=HEAD_PIN)
    return found
