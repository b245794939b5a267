"""The school's identity, its enrolment offers and the computers that joined it (migration 18).

Only ciphertext, salts and counters are kept for an offer: never the code, never a
fast hash of it, never a secret in clear (see ``core.enrolment``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from stpeters_desk.core.storage.connection import Connection, Row, database_errors
from stpeters_desk.core.storage.db import Database, utc_now_text

OPEN, USED, DESTROYED, EXPIRED = "open", "used", "destroyed", "expired"


def read_school_id(conn: Connection) -> str | None:
    """The school's id in this database, or None (not set up, or before migration 18)."""
    try:
        row = conn.execute("SELECT school_id FROM school_identity WHERE id = 1").fetchone()
    except database_errors():
        return None
    return str(row[0]) if row else None


def key_epochs(conn: Connection) -> list[int]:
    """The first entry of each audit key after the first (none until a computer is removed)."""
    try:
        rows = conn.execute("SELECT from_id FROM audit_key_epochs ORDER BY from_id").fetchall()
    except database_errors():
        return []
    return [int(r[0]) for r in rows]


def roster_epoch(conn: Connection) -> int:
    """The roster key in use: 0 for the first, then one more each time a computer was
    removed (0 before migration 21)."""
    try:
        row = conn.execute("SELECT MAX(epoch) FROM roster_key_epochs").fetchone()
    except database_errors():
        return 0
    return int(row[0]) if row and row[0] is not None else 0


def x_keys_generation(conn: Connection) -> int:
    """How many times the X account's keys were retired (0: never, or before migration 21)."""
    try:
        row = conn.execute("SELECT MAX(generation) FROM x_keys_retired").fetchone()
    except database_errors():
        return 0
    return int(row[0]) if row and row[0] is not None else 0


def create_school_id(conn: Connection, school_id: str) -> str:
    """Record ``school_id`` unless another computer got there first; returns the one kept."""
    conn.execute("INSERT INTO school_identity (id, school_id, created_at) "
                 "VALUES (1, :id, :at) ON CONFLICT (id) DO NOTHING",
                 {"id": school_id, "at": utc_now_text()})
    kept = read_school_id(conn)
    assert kept is not None
    return kept


@dataclass(frozen=True)
class OfferRow:
    offer_id: str
    created_at: datetime
    expires_at: datetime
    created_by: str
    created_on: str
    may_post: bool
    kdf_salt: bytes
    kdf_time: int
    kdf_memory: int
    nonce: bytes
    sealed: bytes
    failures: int
    state: str


@dataclass(frozen=True)
class EnvelopeTable:
    """Where one key is kept sealed for each computer: the audit chain's key (one per
    stretch of the chain, from an entry id) and the roster's key (one per epoch) are
    sealed alike, so they are stored and read alike. Names are fixed here, never given."""

    table: str
    stretch: str  # the column naming which key: from_id or epoch


AUDIT_KEY_ENVELOPES = EnvelopeTable("audit_key_envelopes", "from_id")
ROSTER_KEY_ENVELOPES = EnvelopeTable("roster_key_envelopes", "epoch")


def _add_envelope(conn: Connection, where: EnvelopeTable, device_id: str, stretch: int,
                  sealed: tuple[str, bytes, bytes]) -> None:
    ephemeral, nonce, box = sealed
    conn.execute(f"INSERT INTO {where.table} (device_id, {where.stretch}, ephemeral, nonce, "
                 "sealed) VALUES (:device, :stretch, :ephemeral, :nonce, :sealed)",
                 {"device": device_id, "stretch": stretch, "ephemeral": ephemeral,
                  "nonce": nonce, "sealed": box})


def _envelope(conn: Connection, where: EnvelopeTable, device_id: str, stretch: int
              ) -> tuple[str, bytes, bytes] | None:
    row = conn.execute(f"SELECT ephemeral, nonce, sealed FROM {where.table} "
                       f"WHERE device_id = :device AND {where.stretch} = :stretch",
                       {"device": device_id, "stretch": stretch}).fetchone()
    return (str(row[0]), _bytes(row[1]), _bytes(row[2])) if row else None


def _bytes(value: object) -> bytes:
    if value is None:
        return b""
    if isinstance(value, memoryview):
        return value.tobytes()
    assert isinstance(value, bytes | bytearray)
    return bytes(value)


def _offer(row: Row) -> OfferRow:
    return OfferRow(str(row["offer_id"]), datetime.fromisoformat(row["created_at"]),
                    datetime.fromisoformat(row["expires_at"]), str(row["created_by"]),
                    str(row["created_on"]), bool(row["may_post"]), _bytes(row["kdf_salt"]),
                    int(row["kdf_time"]), int(row["kdf_memory"]), _bytes(row["nonce"]),
                    _bytes(row["sealed"]), int(row["failures"]), str(row["state"]))


_OFFER_COLUMNS = ("offer_id, created_at, expires_at, created_by, created_on, may_post, "
                  "kdf_salt, kdf_time, kdf_memory, nonce, sealed, failures, state")


@dataclass(frozen=True)
class SchoolComputer:
    device_id: str
    name: str
    joined_at: datetime
    joined_with: str
    may_post: bool
    removed_at: datetime | None
    removed_by: str


class SchoolStore:
    """Enrolment offers and school computers. Writers join the caller's transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def _for_update(self) -> str:
        """Row lock on PostgreSQL; SQLite's BEGIN IMMEDIATE already holds the whole file."""
        return " FOR UPDATE" if self._db.dialect == "postgresql" else ""

    # -- offers ---------------------------------------------------------------------------
    def offer_exists(self, conn: Connection, offer_id: str) -> bool:
        return conn.execute("SELECT 1 FROM enrolment_offers WHERE offer_id = :id",
                            {"id": offer_id}).fetchone() is not None

    def add_offer(self, conn: Connection, offer: OfferRow) -> None:
        conn.execute(
            f"INSERT INTO enrolment_offers ({_OFFER_COLUMNS}) VALUES (:offer_id, :created_at, "
            ":expires_at, :created_by, :created_on, :may_post, :kdf_salt, :kdf_time, "
            ":kdf_memory, :nonce, :sealed, :failures, :state)",
            {"offer_id": offer.offer_id, "created_at": offer.created_at.isoformat(),
             "expires_at": offer.expires_at.isoformat(), "created_by": offer.created_by,
             "created_on": offer.created_on, "may_post": int(offer.may_post),
             "kdf_salt": offer.kdf_salt, "kdf_time": offer.kdf_time,
             "kdf_memory": offer.kdf_memory, "nonce": offer.nonce, "sealed": offer.sealed,
             "failures": offer.failures, "state": offer.state})

    def lock_offer(self, conn: Connection, offer_id: str) -> OfferRow | None:
        """The offer, locked until the transaction ends (two computers typing one code)."""
        row = conn.execute(f"SELECT {_OFFER_COLUMNS} FROM enrolment_offers "
                           f"WHERE offer_id = :id{self._for_update()}",
                           {"id": offer_id}).fetchone()
        return _offer(row) if row else None

    def count_failure(self, conn: Connection, offer_id: str) -> int:
        row = conn.execute("UPDATE enrolment_offers SET failures = failures + 1 "
                           "WHERE offer_id = :id RETURNING failures", {"id": offer_id}).fetchone()
        return int(row[0]) if row else 0

    def close_offer(self, conn: Connection, offer_id: str, state: str,
                    used_by: str | None = None) -> None:
        """Used, destroyed or expired: the sealed secrets and the salt are wiped for good."""
        conn.execute("UPDATE enrolment_offers SET state = :state, closed_at = :at, "
                     "used_by = :by, sealed = NULL, nonce = NULL, kdf_salt = NULL "
                     "WHERE offer_id = :id",
                     {"state": state, "at": utc_now_text(), "by": used_by, "id": offer_id})

    def expire_old_offers(self, conn: Connection, now: datetime) -> int:
        ids = [str(r[0]) for r in conn.execute(
            "SELECT offer_id FROM enrolment_offers WHERE state = :open AND expires_at <= :now",
            {"open": OPEN, "now": now.isoformat()}).fetchall()]
        for offer_id in ids:
            self.close_offer(conn, offer_id, EXPIRED)
        return len(ids)

    def expire_open_offers(self, conn: Connection, now: datetime) -> int:
        """Every open offer, expired now (the chain's key changed: they carry the old one)."""
        ids = [str(r[0]) for r in conn.execute(
            "SELECT offer_id FROM enrolment_offers WHERE state = :open",
            {"open": OPEN}).fetchall()]
        for offer_id in ids:
            self.close_offer(conn, offer_id, EXPIRED)
        return len(ids)

    def offer(self, offer_id: str) -> OfferRow | None:
        row = self._db.query_one(f"SELECT {_OFFER_COLUMNS} FROM enrolment_offers "
                                 "WHERE offer_id = :id", {"id": offer_id})
        return _offer(row) if row else None

    # -- computers ------------------------------------------------------------------------
    def add_computer(self, conn: Connection, device_id: str, name: str, joined_with: str,
                     may_post: bool, public_key: str | None = None) -> None:
        conn.execute("DELETE FROM school_computers WHERE device_id = :id", {"id": device_id})
        conn.execute("INSERT INTO school_computers (device_id, name, joined_at, joined_with, "
                     "may_post, public_key) VALUES (:id, :name, :at, :with, :may_post, :key)",
                     {"id": device_id, "name": name, "at": utc_now_text(),
                      "with": joined_with, "may_post": int(may_post), "key": public_key})

    def public_keys(self, conn: Connection) -> dict[str, str]:
        """The computers still in the school that have a public key: device id -> key."""
        rows = conn.execute("SELECT device_id, public_key FROM school_computers "
                            "WHERE removed_at IS NULL AND public_key IS NOT NULL").fetchall()
        return {str(r[0]): str(r[1]) for r in rows}

    # -- the audit chain's key after a computer was removed -----------------------------------
    def add_epoch(self, conn: Connection, from_id: int, by: str) -> None:
        conn.execute("INSERT INTO audit_key_epochs (from_id, made_at, made_by) "
                     "VALUES (:from_id, :at, :by)",
                     {"from_id": from_id, "at": utc_now_text(), "by": by})

    def add_envelope(self, conn: Connection, device_id: str, from_id: int, ephemeral: str,
                     nonce: bytes, sealed: bytes) -> None:
        _add_envelope(conn, AUDIT_KEY_ENVELOPES, device_id, from_id, (ephemeral, nonce, sealed))

    def envelope(self, conn: Connection, device_id: str, from_id: int
                 ) -> tuple[str, bytes, bytes] | None:
        return _envelope(conn, AUDIT_KEY_ENVELOPES, device_id, from_id)

    # -- the roster's key and the X keys after a computer was removed (migration 21) --------
    def add_roster_epoch(self, conn: Connection, by: str) -> int:
        epoch = roster_epoch(conn) + 1
        conn.execute("INSERT INTO roster_key_epochs (epoch, made_at, made_by) "
                     "VALUES (:epoch, :at, :by)", {"epoch": epoch, "at": utc_now_text(),
                                                   "by": by})
        return epoch

    def add_roster_envelope(self, conn: Connection, device_id: str, epoch: int,
                            ephemeral: str, nonce: bytes, sealed: bytes) -> None:
        _add_envelope(conn, ROSTER_KEY_ENVELOPES, device_id, epoch, (ephemeral, nonce, sealed))

    def roster_envelope(self, conn: Connection, device_id: str, epoch: int
                        ) -> tuple[str, bytes, bytes] | None:
        return _envelope(conn, ROSTER_KEY_ENVELOPES, device_id, epoch)

    def retire_x_keys(self, conn: Connection, by: str, reason: str) -> int:
        generation = x_keys_generation(conn) + 1
        conn.execute("INSERT INTO x_keys_retired (generation, made_at, made_by, reason) "
                     "VALUES (:generation, :at, :by, :reason)",
                     {"generation": generation, "at": utc_now_text(), "by": by,
                      "reason": reason})
        return generation

    def connected_x_on(self, conn: Connection, device_id: str, action: str) -> bool:
        """Whether the audit log records the X account connected on that computer (its
        entries name it "Name (first 8 of its id)", whatever it was called then)."""
        return conn.execute("SELECT 1 FROM audit_log WHERE action = :action "
                            "AND device LIKE :device LIMIT 1",
                            {"action": action, "device": f"% ({device_id[:8]})"}
                            ).fetchone() is not None

    def remove_computer(self, conn: Connection, device_id: str, by: str) -> bool:
        changed = conn.execute("UPDATE school_computers SET removed_at = :at, removed_by = :by "
                               "WHERE device_id = :id AND removed_at IS NULL",
                               {"at": utc_now_text(), "by": by, "id": device_id})
        return bool(changed.rowcount)

    def computers(self) -> list[SchoolComputer]:
        rows = self._db.query("SELECT device_id, name, joined_at, joined_with, may_post, "
                              "removed_at, removed_by FROM school_computers "
                              "ORDER BY removed_at IS NOT NULL, name, device_id")
        return [SchoolComputer(str(r["device_id"]), str(r["name"]),
                               datetime.fromisoformat(r["joined_at"]), str(r["joined_with"]),
                               bool(r["may_post"]),
                               datetime.fromisoformat(r["removed_at"]) if r["removed_at"]
                               else None, str(r["removed_by"] or ""))
                for r in rows]

    def is_removed(self, device_id: str) -> bool:
        try:
            row = self._db.query_one("SELECT 1 FROM school_computers WHERE device_id = :id "
                                     "AND removed_at IS NOT NULL", {"id": device_id})
        except database_errors():
            return False
        return row is not None
