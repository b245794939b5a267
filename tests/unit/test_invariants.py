"""The account's standing promises: it follows no one and its token cannot send DMs."""

from __future__ import annotations

from dataclasses import replace

import pytest

from stpeters_desk.core.invariants import (
    DIRECT_MESSAGES,
    ERROR,
    FOLLOWS_SOMEONE,
    NAMES_SHOWN,
    READ_ONLY,
    WARNING,
    check_account,
)
from stpeters_desk.core.storage.db import Database
from stpeters_desk.x.errors import Offline
from stpeters_desk.x.models import Account
from stpeters_desk.x.sandbox import SandboxGateway


class TokenWithAccess(SandboxGateway):
    """The sandbox with another access level, as X's x-access-level header would report."""

    def __init__(self, db: Database, access_level: str) -> None:
        super().__init__(db)
        self.access_level = access_level

    def account(self) -> Account:
        return replace(super().account(), access_level=self.access_level)


def follow(db: Database, handles: list[str]) -> None:
    """Break the rules on purpose: make the practice account follow these accounts."""
    for handle in handles:
        changed = db.execute("UPDATE sandbox_users SET school_follows = 1 WHERE handle = :h",
                             {"h": handle})
        assert changed == 1, handle


def some_handles(db: Database, count: int) -> list[str]:
    rows = db.query("SELECT handle FROM sandbox_users ORDER BY handle LIMIT :n", {"n": count})
    return [str(row["handle"]) for row in rows]


def test_the_practice_account_as_seeded_keeps_every_promise(sandbox: SandboxGateway) -> None:
    assert check_account(sandbox) == []


def test_following_anyone_is_an_error_that_names_them(db: Database,
                                                      sandbox: SandboxGateway) -> None:
    handles = some_handles(db, 2)
    follow(db, handles)

    problems = check_account(sandbox)

    assert [p.code for p in problems] == [FOLLOWS_SOMEONE]
    problem = problems[0]
    assert problem.severity == ERROR
    assert sorted(problem.accounts) == sorted(handles)
    assert f"follows 2 accounts: @{handles[0]}, @{handles[1]}" in problem.message
    assert "unfollow" in problem.message and "never offers follow" in problem.message


def test_following_one_account_reads_naturally(db: Database, sandbox: SandboxGateway) -> None:
    follow(db, some_handles(db, 1))

    (problem,) = check_account(sandbox)

    assert "follows 1 account: @" in problem.message


def test_a_long_list_is_shortened_but_kept_whole(db: Database,
                                                 sandbox: SandboxGateway) -> None:
    handles = some_handles(db, NAMES_SHOWN + 3)
    follow(db, handles)

    (problem,) = check_account(sandbox)

    assert len(problem.accounts) == NAMES_SHOWN + 3
    assert problem.message.count("@") == NAMES_SHOWN + 1  # the school's handle, then ten
    assert "and 3 more" in problem.message


def test_a_token_that_allows_direct_messages_says_how_to_regenerate_it(db: Database) -> None:
    gateway = TokenWithAccess(db, "read-write-directmessages")

    problems = check_account(gateway)

    assert [p.code for p in problems] == [DIRECT_MESSAGES]
    message = problems[0].message
    assert problems[0].severity == WARNING
    assert "read-write-directmessages" in message
    assert "Read and write" in message and "regenerate the Access Token" in message


def test_a_read_only_token_is_a_warning_too(db: Database) -> None:
    problems = check_account(TokenWithAccess(db, "read"))

    assert [p.code for p in problems] == [READ_ONLY]
    assert "read-only" in problems[0].message


@pytest.mark.parametrize("level", ["read-write", "unknown"])
def test_read_write_and_unknown_levels_are_accepted(db: Database, level: str) -> None:
    assert check_account(TokenWithAccess(db, level)) == []


def test_both_problems_at_once(db: Database) -> None:
    gateway = TokenWithAccess(db, "read-write-directmessages")
    follow(db, some_handles(db, 1))

    assert [p.code for p in check_account(gateway)] == [FOLLOWS_SOMEONE, DIRECT_MESSAGES]


def test_x_errors_reach_the_caller(db: Database) -> None:
    with pytest.raises(Offline):
        check_account(SandboxGateway(db, simulate_offline=True))
