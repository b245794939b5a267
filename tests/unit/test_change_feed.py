"""The change feed (issue 18): a commit on one computer is heard on the others, a rollback
is not, nothing is heard before the commit; the feed says when the server is unreachable,
reconnects by itself and then asks for everything to be read again. A server that cannot
be reached refuses every change in plain words and nothing falls back to another database.

Needs PostgreSQL (STPETERS_TEST_POSTGRES_URL; ``scripts/test-on-postgres`` starts one).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.change_feed import (
    ALL_AREAS,
    APPROVALS,
    AUDIT,
    DRAFTS,
    FOLLOWERS,
    MODERATION,
    OUTBOX,
    STAFF,
    Change,
    ChangeFeed,
    payload,
    read_payload,
    written_areas,
)
from stpeters_desk.core.storage.db import Database, ServerUnreachable
from stpeters_desk.core.storage.drafts import DraftOwner, DraftStore
from tests.conftest import reopen_database


@pytest.mark.parametrize(("sql", "areas"), [
    ("INSERT INTO submissions (text) VALUES (:t)", {APPROVALS}),
    ("  update outbox SET status = :s", {OUTBOX, APPROVALS}),
    ("DELETE FROM person_drafts WHERE staff_id = :s", {DRAFTS}),
    ("UPDATE moderation_marks SET status = 'hidden'", {MODERATION}),
    ("INSERT INTO moderation_blocks (x) VALUES (1)", {MODERATION, FOLLOWERS}),
    ("UPDATE staff SET active = 0", {STAFF}),
    ("INSERT INTO audit_log (action) VALUES (:a)", {AUDIT}),
    ("SELECT * FROM submissions", set()),
    ("UPDATE integrity_seal SET seal = :s", set()),
    ("CREATE TABLE outbox (id INTEGER)", set()),
])
def test_a_statement_tells_the_areas_it_writes(sql: str, areas: set[str]) -> None:
    assert written_areas(sql) == areas


def test_the_payload_names_its_origin_and_areas() -> None:
    assert read_payload(payload("abc123", [OUTBOX, APPROVALS])) == (
        "abc123", frozenset({OUTBOX, APPROVALS}))


@pytest.fixture
def feed(pg_db: Database) -> Iterator[ChangeFeed]:
    found = ChangeFeed.for_database(pg_db, ping_every=0.5, first_retry=0.1)
    assert found is not None
    assert found.start(wait=10)
    yield found
    found.stop()


def _submit(db: Database) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE settings SET value = value WHERE key = 'nothing'")
        conn.execute("DELETE FROM submissions WHERE id = -1")


def test_a_commit_is_heard_with_its_areas_and_origin(pg_db: Database, feed: ChangeFeed
                                                     ) -> None:
    heard: list[Change] = []
    feed.subscribe(heard.append)
    seen = feed.count(APPROVALS)
    _submit(pg_db)
    waited = feed.wait_for(APPROVALS, timeout=5, after=seen)
    assert waited is not None and waited < 2, waited
    assert heard[-1].areas >= {APPROVALS}
    assert heard[-1].origin == pg_db.origin  # type: ignore[attr-defined]


def test_a_rollback_is_never_heard_and_nothing_before_the_commit(pg_db: Database,
                                                                 feed: ChangeFeed) -> None:
    seen = feed.count(DRAFTS)
    with pytest.raises(RuntimeError), pg_db.transaction() as conn:
        conn.execute("DELETE FROM person_drafts WHERE staff_id = -5")
        raise RuntimeError("changed my mind")
    assert feed.wait_for(DRAFTS, timeout=0.7, after=seen) is None
    with pg_db.transaction() as conn:
        conn.execute("DELETE FROM person_drafts WHERE staff_id = -5")
        assert feed.wait_for(DRAFTS, timeout=0.7, after=seen) is None  # not committed yet
    assert feed.wait_for(DRAFTS, timeout=5, after=seen) is not None


def test_a_store_change_on_another_handle_is_heard(pg_db: Database, feed: ChangeFeed) -> None:
    other = reopen_database(pg_db)  # another computer
    try:
        seen = feed.count(DRAFTS)
        DraftStore(other).save(DraftOwner(3, "Staffroom kiosk"), "Sports day")
        assert feed.wait_for(DRAFTS, timeout=5, after=seen) is not None
    finally:
        other.close()


def test_a_dropped_connection_is_reported_and_everything_read_again(
        pg_db: Database, feed: ChangeFeed) -> None:
    heard: list[Change] = []
    reach: list[bool] = []
    feed.subscribe(heard.append)
    feed.on_reachability(reach.append)
    pg_db.query("SELECT pg_terminate_backend(:pid)", {"pid": feed.backend_pid})
    assert feed.wait_for(APPROVALS, timeout=10) is not None  # the "read everything" change
    assert any(change.missed and change.areas == ALL_AREAS for change in heard)
    assert reach[:2] == [False, True] and feed.online is True
    seen = feed.count(APPROVALS)
    _submit(pg_db)
    assert feed.wait_for(APPROVALS, timeout=5, after=seen) is not None


def test_a_connection_the_server_dropped_is_replaced_at_the_next_read(pg_db: Database) -> None:
    pid = pg_db.query_one("SELECT pg_backend_pid() AS pid")
    assert pid is not None
    other = reopen_database(pg_db)
    try:
        other.query("SELECT pg_terminate_backend(:pid)", {"pid": pid["pid"]})
    finally:
        other.close()
    assert pg_db.query_one("SELECT 1 AS one") is not None  # no error: connected afresh
    with pg_db.transaction() as conn:
        conn.execute("DELETE FROM submissions WHERE id = -1")


def test_an_unreachable_server_refuses_every_change_in_plain_words(tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    from stpeters_desk.core.storage.postgres import PgDatabase

    closed = f"postgresql://desk@/desk?host={tmp_path}&port=1"
    db = PgDatabase(closed)
    with pytest.raises(ServerUnreachable) as raised, db.transaction():
        pass
    assert "nothing is posted, approved or recorded" in str(raised.value)
    with pytest.raises(ServerUnreachable):
        db.query("SELECT 1")
    with pytest.raises(ServerUnreachable):  # not "draft not saved": the composer keeps it
        DraftStore(db).save(DraftOwner(3, "Laptop"), "Sports day")
    assert not list(tmp_path.iterdir())  # no SQLite file made instead
    feed = ChangeFeed(closed, first_retry=0.1)
    try:
        assert not feed.start(wait=0.5)
        assert feed.wait_until_online(False, timeout=5)
    finally:
        feed.stop()


# -- typing kept on this computer while the server is away ----------------------------------
def test_typing_is_kept_locally_while_the_server_is_away_and_put_back_after(
        services: DeskServices, monkeypatch: pytest.MonkeyPatch) -> None:
    from stpeters_desk.core.offline_drafts import LocalDrafts
    from stpeters_desk.ops.posting import ComposerDrafts, HalfDoneNotes
    from stpeters_desk.ops.session import Session

    session = Session(None, "Laptop", practice=True)
    drafts, notes = ComposerDrafts(services), HalfDoneNotes(services)
    save = DraftStore.save

    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise ServerUnreachable("test: the cable is out")
    monkeypatch.setattr(DraftStore, "save", unreachable)
    drafts.save_text(session, "Sports day is on Friday")  # no error: kept on this computer
    notes.save(session, "reject-4", "Please check the date")
    local = LocalDrafts(services.data_dir)
    assert local.kept(0, "composer") == "Sports day is on Friday"
    assert services.drafts.load(DraftOwner(0, "Laptop")) == ""
    assert drafts.load(session).text == "Sports day is on Friday"  # the newer text wins
    files = list(local.folder.iterdir())
    assert all(path.stat().st_mode & 0o077 == 0 for path in files)  # this user's only

    monkeypatch.setattr(DraftStore, "save", save)
    assert drafts.load(session).text == "Sports day is on Friday"  # and goes to the server
    assert services.drafts.load(DraftOwner(0, "Laptop")) == "Sports day is on Friday"
    assert local.kept(0, "composer") is None
    notes.save(session, "reject-4", "Please check the date, Friday")
    assert local.kept(0, "note:reject-4") is None
    assert notes.load(session, "reject-4") == "Please check the date, Friday"
