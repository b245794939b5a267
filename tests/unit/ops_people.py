"""A school's staff for the operations' tests: the head and one of every other role."""

from __future__ import annotations

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.roles import Role
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.db import Database

HEAD_PIN = "482915"
STAFF_PIN = "731904"
COMPUTER = "Office PC (test)"


def hash_pins_quickly(monkeypatch: pytest.MonkeyPatch) -> None:
    """The operations are under test, not Argon2's cost: hash PINs cheaply."""
    from argon2 import PasswordHasher, Type

    from stpeters_desk.core import pins

    monkeypatch.setattr(pins, "_hasher", lambda: PasswordHasher(
        time_cost=1, memory_cost=8, parallelism=1, hash_len=16, salt_len=16, type=Type.ID))


def set_up_people(db: Database) -> dict[Role, StaffMember]:
    """Mrs Amberley (head) and "Staff 0" to "Staff 2": e-safety leader, teacher, secretary."""
    staff = StaffDirectory(db, AuditTrail(db, device=COMPUTER), COMPUTER)
    head, _code = staff.create_head("Mrs Amberley", HEAD_PIN)
    found = {Role.HEAD: head}
    for number, role in enumerate((Role.ESAFETY, Role.TEACHER, Role.SECRETARY)):
        found[role] = staff.add_member(f"Staff {number}", role, STAFF_PIN, by=head,
                                       head_pin=HEAD_PIN)
    return found
