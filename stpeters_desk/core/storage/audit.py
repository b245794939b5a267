"""The audit log's storage: who did what, when, on which computer, to what, and why.

Rows are only ever inserted, each chained to the one before it (see
``audit_chain``); ``audit_chain_head`` remembers the last entry so that
removing entries from the end shows as well. Other stores append their audit
entry inside their own transaction (``append_entry``), so a change and its
entry are saved together or not at all.

``AuditLog`` is what the composer and ``DeskServices`` have always used;
``stpeters_desk.core.audit.AuditTrail`` builds verification, export and the
command line on top of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, NamedTuple

from stpeters_desk.core.storage.audit_chain import (
    GENESIS_HASH,
    canonical_content,
    chain_hash,
    keyed_chain_hash,
)
from stpeters_desk.core.storage.connection import Connection, Row
from stpeters_desk.core.storage.db import Database, connection_guard, utc_now_text
from stpeters_desk.i18n import translate

_COLUMNS = "id, at, actor, device, action, target, reason, detail, prev_hash, entry_hash"
_TEXT_COLUMNS = ("at", "actor", "device", "action", "target", "reason", "detail", "prev_hash",
                 "entry_hash")


class AuditKeyMissing(Exception):
    """The chain is keyed but its key was not read from the keyring: nothing is written."""

    def __init__(self) -> None:
        super().__init__(translate(
            "Audit", "The audit log is sealed with a key kept in this computer's keyring, and "
                     "the app has not been able to read it, so nothing can be recorded. Unlock "
                     "the keyring (sign out and in again) and restart."))


class UnreadableEntry(Exception):
    """An entry whose stored text is not valid UTF-8: written outside the app."""

    def __init__(self, entry_id: int, column: str) -> None:
        super().__init__(f"entry #{entry_id} cannot be read: its {column} is not valid text")
        self.entry_id = entry_id
        self.column = column


class AuditEntry(NamedTuple):
    entry_id: int
    at: str
    actor: str
    action: str
    target: str
    detail: str
    device: str = ""
    reason: str = ""
    prev_hash: str = ""
    entry_hash: str = ""

    @property
    def at_time(self) -> datetime:
        return datetime.fromisoformat(self.at)

    @property
    def content(self) -> str:
        return canonical_content(self.entry_id, self.at, self.actor, self.device, self.action,
                                 self.target, self.reason, self.detail)


class NewAuditEntry(NamedTuple):
    """An entry about to be appended; ``at`` left empty is the moment it is written.

    A named tuple, not a dataclass: it loads on the way to the first window, where a
    dataclass's generated methods cost about a millisecond."""

    actor: str
    action: str
    target: str = ""
    detail: str = ""
    device: str = ""
    reason: str = ""
    at: str = ""


class ChainHead(NamedTuple):
    last_id: int
    last_hash: str
    entries: int
    gap_before_id: int | None  # set when the head itself was found missing
    keyed_from_id: int | None = None  # the first entry hashed with the keyring's key


def time_text(moment: datetime) -> str:
    """The stored form of a time: UTC ISO 8601 to the microsecond, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def append_entry(conn: Connection, new: NewAuditEntry) -> AuditEntry:
    """Append one chained entry inside the caller's open transaction.

    The transaction is what makes the chain one line with several writers: reading the
    head and inserting after it happen under the database's write lock (SQLite's
    ``BEGIN IMMEDIATE``, PostgreSQL's advisory lock taken at BEGIN by ``PgDatabase``), so
    two computers never chain onto the same entry; were they to, the id's primary key
    would refuse the second."""
    if not getattr(conn, "in_transaction", True):
        raise RuntimeError("an audit entry must be appended inside a write transaction")
    head = _read_head(conn)
    gap_before: int | None = None
    if head is None:
        head, gap_before = _rebuild_missing_head(conn)
    entry_id = head.last_id + 1
    at = new.at or utc_now_text()
    content = canonical_content(entry_id, at, new.actor, new.device, new.action,
                                new.target, new.reason, new.detail)
    entry_hash = entry_chain_hash(head, _chain_key(conn), entry_id, head.last_hash, content)
    conn.execute(
        f"INSERT INTO audit_log ({_COLUMNS}) VALUES (:id, :at, :actor, :device, :action, "
        ":target, :reason, :detail, :prev_hash, :entry_hash)",
        {"id": entry_id, "at": at, "actor": new.actor, "device": new.device,
         "action": new.action, "target": new.target, "reason": new.reason,
         "detail": new.detail, "prev_hash": head.last_hash, "entry_hash": entry_hash})
    conn.execute(
        "UPDATE audit_chain_head SET last_id = :id, last_hash = :hash, entries = entries + 1 "
        "WHERE id = 1", {"id": entry_id, "hash": entry_hash})
    if gap_before is not None:
        conn.execute("UPDATE audit_chain_head SET gap_before_id = :gap WHERE id = 1",
                     {"gap": gap_before})
    return AuditEntry(entry_id, at, new.actor, new.action, new.target, new.detail,
                      new.device, new.reason, head.last_hash, entry_hash)


def _chain_key(conn: Connection) -> bytes | None:
    """The key the next entry is hashed with: the guard's current one (a shared server's
    chain gets a new key when a computer is removed)."""
    guard = connection_guard(conn)
    if guard is None:
        return None
    current = getattr(guard, "chain_key_now", None)
    return current(conn) if callable(current) else guard.chain_key


def entry_chain_hash(head: ChainHead, key: bytes | None, entry_id: int, prev_hash: str,
                     content: str) -> str:
    """Plain SHA-256 before the chain was keyed, the keyring's HMAC from then on."""
    keyed_from = head.keyed_from_id
    if keyed_from is None or entry_id < keyed_from:
        return chain_hash(prev_hash, content)
    if key is None:
        raise AuditKeyMissing()
    return keyed_chain_hash(key, prev_hash, content)


def start_keyed_chain(conn: Connection, from_id: int) -> None:
    """From entry ``from_id`` on, entries are hashed with the keyring's key."""
    conn.execute("UPDATE audit_chain_head SET keyed_from_id = :from_id WHERE id = 1",
                 {"from_id": from_id})


def read_head(conn: Connection) -> ChainHead | None:
    return _read_head(conn)


def append_entries(conn: Connection, entries: Sequence[NewAuditEntry]) -> None:
    for entry in entries:
        append_entry(conn, entry)


_HEAD_QUERY = ("SELECT last_id, last_hash, entries, gap_before_id, keyed_from_id "
               "FROM audit_chain_head WHERE id = 1")


def _read_head(conn: Connection) -> ChainHead | None:
    return _head(conn.execute(_HEAD_QUERY).fetchone())


def _head(row: Row | None) -> ChainHead | None:
    if row is None:
        return None
    gap, keyed = row["gap_before_id"], row["keyed_from_id"]
    return ChainHead(int(row["last_id"]), str(row["last_hash"]), int(row["entries"]),
                     None if gap is None else int(gap), None if keyed is None else int(keyed))


def _rebuild_missing_head(conn: Connection) -> tuple[ChainHead, int]:
    """Keep recording after someone deleted the head, but mark the spot for ``verify``."""
    last = conn.execute("SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    count = conn.execute("SELECT COUNT(*) AS n FROM audit_log").fetchone()
    last_id = int(last["id"]) if last else 0
    last_hash = str(last["entry_hash"]) if last else GENESIS_HASH
    conn.execute("INSERT INTO audit_chain_head (id, last_id, last_hash, entries) "
                 "VALUES (1, :id, :hash, :n)", {"id": last_id, "hash": last_hash,
                                                "n": int(count["n"])})
    return ChainHead(last_id, last_hash, int(count["n"]), None), last_id + 1


def _entry(row: Row) -> AuditEntry:
    return AuditEntry(int(row["id"]), row["at"], row["actor"], row["action"], row["target"],
                      row["detail"], row["device"], row["reason"], row["prev_hash"],
                      row["entry_hash"])


class AuditLog:
    """Append and read audit entries. Safe from any thread through ``Database``."""

    def __init__(self, db: Database, device: str = "") -> None:
        self._db = db
        self.device = device

    def record(self, actor: str, action: str, target: str = "", detail: str = "", *,
               device: str | None = None, reason: str = "",
               now: datetime | None = None) -> AuditEntry:
        new = NewAuditEntry(actor=actor, action=action, target=target, detail=detail,
                            device=self.device if device is None else device, reason=reason,
                            at=time_text(now) if now else utc_now_text())
        with self._db.transaction() as conn:
            return append_entry(conn, new)

    def recent(self, limit: int = 200) -> list[AuditEntry]:
        return self.query(limit=limit)

    def query(self, person: str | None = None, action: str | None = None,
              since: datetime | None = None, until: datetime | None = None,
              limit: int | None = 1000) -> list[AuditEntry]:
        """Newest first. ``since`` is inclusive, ``until`` exclusive; ``limit=None`` for all."""
        conditions: list[str] = []
        params: dict[str, Any] = {}
        if person:
            conditions.append("actor = :person")
            params["person"] = person
        if action:
            conditions.append("action = :action")
            params["action"] = action
        if since is not None:
            conditions.append("at >= :since")
            params["since"] = time_text(since)
        if until is not None:
            conditions.append("at < :until")
            params["until"] = time_text(until)
        where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
        limit_clause = ""
        if limit is not None:
            limit_clause = " LIMIT :limit"
            params["limit"] = limit
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM audit_log {where}ORDER BY id DESC{limit_clause}", params)
        return [_entry(r) for r in rows]

    def people(self) -> list[str]:
        """Everyone who appears in the log, for the Audit tab's filter."""
        rows = self._db.query("SELECT DISTINCT actor FROM audit_log ORDER BY actor")
        return [str(r["actor"]) for r in rows]

    def actions(self) -> list[str]:
        rows = self._db.query("SELECT DISTINCT action FROM audit_log ORDER BY action")
        return [str(r["action"]) for r in rows]

    def entries_after(self, after_id: int, limit: int = 1000) -> list[AuditEntry]:
        """Oldest first, for walking the whole chain in batches without loading it all."""
        rows = self._db.query(
            f"SELECT {_COLUMNS} FROM audit_log WHERE id > :after ORDER BY id LIMIT :limit",
            {"after": after_id, "limit": limit})
        return [_entry(r) for r in rows]

    def all_entries(self, batch: int = 2000) -> Iterator[AuditEntry]:
        """Every entry, oldest first, read a batch at a time so memory stays flat.

        Raises ``UnreadableEntry`` naming the first entry whose text cannot be decoded.
        """
        last_id = 0
        while rows := self._readable_batch(last_id, batch):
            yield from rows
            last_id = rows[-1].entry_id

    def _readable_batch(self, after_id: int, batch: int) -> list[AuditEntry]:
        try:
            rows = self.entries_after(after_id, batch)
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc):
                raise
            raise self._first_unreadable(after_id) from exc
        for entry in rows:  # a value stored as a BLOB or number, not text
            for column in _TEXT_COLUMNS:
                if not isinstance(getattr(entry, column), str):
                    raise UnreadableEntry(entry.entry_id, column)
        return rows

    def _first_unreadable(self, after_id: int) -> UnreadableEntry:
        casts = ", ".join(f"CAST({c} AS BLOB) AS {c}" for c in _TEXT_COLUMNS)
        rows = self._db.query(f"SELECT id, {casts} FROM audit_log WHERE id > :after ORDER BY id",
                              {"after": after_id})
        for row in rows:
            for column in _TEXT_COLUMNS:
                value = row[column]
                try:
                    (value or b"").decode("utf-8")
                except UnicodeDecodeError:
                    return UnreadableEntry(int(row["id"]), column)
        return UnreadableEntry(after_id + 1, "text")

    def chain_head(self) -> ChainHead | None:
        return _head(self._db.query_one(_HEAD_QUERY))
