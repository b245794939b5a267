"""The database says what happened to it: checked at start, sealed at every change.

``IntegrityGuard`` is attached to the ``Database`` at start-up. Before the
first change it runs the start-up check once (SQLite's quick check, tables
that should be there, the audit chain keyed with a secret in the OS keyring,
the end of the log against the record kept in the keyring, and the seal over
staff, permissions, lockouts and security settings). Until that check has
passed nothing can be written; if it fails, every write is refused with its
message. After each change the guard reseals the security state (inside the
same transaction) and records the new end of the log in the keyring.

Upgrading a database whose chain was plain SHA-256: the old entries keep
their hashes and are checked as before up to the upgrade point; from there
on entries are HMACs, starting with an entry that says the log was keyed.
Re-sealing the old entries was rejected because it would bless any change
made to them before the upgrade, and their old hashes may already sit in
exported copies.

Without a usable keyring the log stays plain SHA-256 and ``verify`` says it
is checked only against itself; a log that was keyed refuses to be written
without its key.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from stpeters_desk.core import keystore
from stpeters_desk.core.audit import Anchor, AuditTrail, AuditVerification, problem_fingerprint
from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.storage.audit import (
    NewAuditEntry,
    append_entry,
    read_head,
    start_keyed_chain,
)
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.db import Database, DatabaseError, keep_the_file_advice
from stpeters_desk.core.storage.seal import part_macs, recovery_hash, store_macs, stored_macs
from stpeters_desk.i18n import translate

KEY_PURPOSE = "audit log"
KEY_NAME = "chain key"
SYSTEM_ACTOR = "St Peter's Desk"


def what_to_do() -> str:
    """Advice that loses nothing, added to every refusal."""
    return translate(
        "Integrity", "Nothing will be changed until this is sorted out. Keep the data folder as "
                     "it is (copy it somewhere safe), then restore it from the last backup "
                     "(installers/KIOSK.md, “Restoring”). If there is no backup, or this was "
                     "expected (a restore), the head teacher can accept the database as it is "
                     "with “stpeters-desk audit accept” and the recovery code; the audit log "
                     "keeps a record of what was found.")


class IntegrityRefused(DatabaseError):
    """The start-up check failed, so the app changes nothing; the message says why."""


@dataclass(frozen=True)
class KeyringRecord:
    key: bytes | None
    anchor: Anchor | None
    problem: str  # why the keyring could not be used, or ""


def anchor_name(db: Database) -> str:
    """One record per database file: a practice folder and the school's stay apart."""
    return f"anchor {db.path.resolve()}"


def read_keyring(db: Database, create_key: bool) -> KeyringRecord:
    try:
        stored_key = keystore.read_secret(KEY_PURPOSE, KEY_NAME)
        if stored_key is None and create_key:
            import secrets

            stored_key = secrets.token_hex(32)
            keystore.write_secret(KEY_PURPOSE, KEY_NAME, stored_key)
        anchor_text = keystore.read_secret(KEY_PURPOSE, anchor_name(db))
    except keystore.KeyringUnavailable as exc:
        return KeyringRecord(None, None, str(exc))
    except Exception as exc:  # a keyring backend failing its own way (no D-Bus, say)
        return KeyringRecord(None, None, str(keystore.KeyringUnavailable()) + f" ({exc})")
    key = bytes.fromhex(stored_key) if stored_key else None
    anchor = Anchor.from_text(anchor_text) if anchor_text else None
    return KeyringRecord(key, anchor, "")


SET_UP_FILE = "set-up.json"  # beside device.json: which databases had a head teacher set up


def _set_up_file() -> Path:
    from stpeters_desk.core.devices import config_dir

    return config_dir() / SET_UP_FILE


def _set_up_records() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(_set_up_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): {str(a): str(b) for a, b in v.items()} for k, v in data.items()
            if isinstance(v, dict)}


def _set_up_record(db: Database) -> dict[str, str]:
    return _set_up_records().get(str(db.path.resolve()), {})


def set_up_recovery_hash(db: Database) -> str:
    """The recovery-code hash this computer noted when ``db`` was set up, or ""."""
    return _set_up_record(db).get("recovery", "")


def _note_set_up(db: Database, recovery: str, accepted: str | None = None) -> None:
    """Remember, next to the device identity, that this database has a head teacher (and,
    without a keyring, which problem the head accepted); an emptied database is then not
    mistaken for a new install, even without a keyring."""
    records = _set_up_records()
    name = str(db.path.resolve())
    if accepted is None:
        accepted = records.get(name, {}).get("accepted", "")
    if recovery or accepted:
        records[name] = {"recovery": recovery, "accepted": accepted}
    else:
        records.pop(name, None)
    path = _set_up_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(records), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        return  # the keyring's record still says so, where there is a keyring


def _refused(message: str) -> AuditVerification:
    return AuditVerification(ok=False, checked=0, first_broken_id=None, message=message)


class IntegrityGuard:
    """The ``WriteGuard`` of ``storage.db``: check once, then seal every change."""

    def __init__(self, db: Database, *, read_only: bool = False) -> None:
        """``read_only``: check and write nothing (``--screenshot`` draws the data as it is):
        no key is created in the keyring and an unkeyed audit log is not keyed now."""
        self._db = db
        self._read_only = read_only
        self._key: bytes | None = None
        self.anchor: Anchor | None = None
        self.notice = ""  # an accepted problem, to say once at start
        self._result: AuditVerification | None = None
        self._done = threading.Event()
        self._start_lock = threading.Lock()
        self._started = False
        self._checking_thread: int | None = None
        self._anchor_lock = threading.Lock()
        self._noted_recovery: str | None = None
        db.guard = self

    # -- the start-up check ----------------------------------------------------------------
    @property
    def chain_key(self) -> bytes | None:
        return self._key

    def start(self) -> None:
        """Run the check on a background thread (after the first window is shown)."""
        with self._start_lock:
            if self._started:
                return
            self._started = True
        threading.Thread(target=self._run, name="integrity-check", daemon=True).start()

    def result(self) -> AuditVerification:
        """Run the check here if nobody started it, and wait for it."""
        with self._start_lock:
            run_here = not self._started
            self._started = True
        if run_here:
            self._run()
        self._done.wait()
        assert self._result is not None
        return self._result

    def _run(self) -> None:
        self._checking_thread = threading.get_ident()
        try:
            self._result = self._check()
        except DatabaseError as exc:
            self._result = _refused(str(exc))
        except Exception as exc:  # whatever else went wrong: refuse (fail closed)
            self._result = _refused(translate(
                "Integrity", "The database cannot be read ({error}).").format(error=exc)
                + " " + keep_the_file_advice(self._db.path))
        finally:
            self._checking_thread = None
            self._done.set()

    def _check(self) -> AuditVerification:
        damage = self._db.quick_check()
        if damage:
            return _refused(translate(
                "Integrity", "The database file is damaged ({details}).").format(
                details="; ".join(damage[:3])) + " " + keep_the_file_advice(self._db.path))
        missing = self._db.missing_tables()
        if missing:
            return _refused(translate(
                "Integrity", "Parts of the database are missing ({tables}): it was edited "
                             "outside the app.").format(tables=", ".join(missing))
                + " " + keep_the_file_advice(self._db.path))
        trail = AuditTrail(self._db)
        head = trail.chain_head()
        self._noted_recovery = set_up_recovery_hash(self._db)
        if self._noted_recovery and self._looks_new():
            return _refused(translate(
                "Integrity", "This computer was set up before, but the database at {path} is "
                             "empty: it is not a new install, so the set-up window will not let "
                             "anyone become head teacher.").format(path=self._db.path)
                + " " + what_to_do())
        if self._staff_removed(trail):
            return _refused(translate(
                "Integrity", "The database at {path} had a head teacher set up (its audit log "
                             "or this computer's note says so), but it has no staff now: it was "
                             "changed outside the app, so the set-up window will not let anyone "
                             "become head teacher.").format(path=self._db.path)
                + " " + what_to_do())
        keyed = head is not None and head.keyed_from_id is not None
        record = read_keyring(self._db, create_key=not self._read_only)
        if record.key is None:
            if keyed:
                return _refused(translate(
                    "Integrity", "The audit log is keyed, but its key cannot be read from this "
                                 "computer's keyring.") + " " + record.problem)
            return self._refuse_unless_ok(trail.verify())
        self._key, self.anchor = record.key, record.anchor
        if record.anchor is None and not keyed:
            plain = trail.verify()
            if not plain.ok or self._read_only:  # never key (and so bless) a broken log
                return self._refuse_unless_ok(plain)
            self._key_the_chain()
        return self._refuse_unless_ok(trail.verify(self._key, self.anchor))

    def _refuse_unless_ok(self, result: AuditVerification) -> AuditVerification:
        result = self._accepted_or(result)
        return result if result.ok else _refused(result.message + " " + what_to_do())

    def _staff_removed(self, trail: AuditTrail) -> bool:
        """No staff left in a database that had a head teacher: rows deleted by hand (with no
        keyring, nothing else would notice, and anyone could become head)."""
        from stpeters_desk.core.staff import SET_UP_HEAD_ACTION
        from stpeters_desk.core.storage.staff_store import StaffStore

        if StaffStore(self._db).count() > 0:
            return False
        return bool(self._noted_recovery) or bool(trail.query(action=SET_UP_HEAD_ACTION,
                                                             limit=1))

    def _looks_new(self) -> bool:
        from stpeters_desk.core.storage.staff_store import StaffStore

        head = AuditTrail(self._db).chain_head()
        return StaffStore(self._db).count() == 0 and (head is None or head.last_id == 0)

    def _accepted_or(self, result: AuditVerification) -> AuditVerification:
        accepted = self.anchor.accepted if self.anchor else _set_up_record(self._db).get(
            "accepted", "")
        if result.ok or not accepted or accepted != problem_fingerprint(result):
            return result
        self.notice = translate("Integrity", "The head teacher accepted this problem with the "
                                             "recovery code: {problem}").format(
            problem=result.message)
        return AuditVerification(True, result.checked, result.first_broken_id, self.notice)

    def _key_the_chain(self) -> None:
        """First start with a keyring: from the next entry on, the chain is an HMAC."""
        with self._db.transaction() as conn:
            head = read_head(conn)
            next_id = (head.last_id if head else 0) + 1
            start_keyed_chain(conn, next_id)
            if head is not None and head.entries:
                append_entry(conn, NewAuditEntry(
                    actor=SYSTEM_ACTOR, action=AuditAction.KEY_THE_AUDIT_LOG.value,
                    detail=f"entries #1 to #{head.last_id} keep their SHA-256 chain; from "
                           f"#{next_id} on each entry is keyed with this computer's keyring"))

    # -- around every write ------------------------------------------------------------------
    def before_begin(self) -> None:
        if threading.get_ident() == self._checking_thread:
            return
        result = self.result()
        if not result.ok:
            raise IntegrityRefused(result.message)

    def before_write(self, conn: Connection) -> None:
        if threading.get_ident() == self._checking_thread or self._key is None:
            return
        from stpeters_desk.core.storage.seal import changed_parts

        head = read_head(conn)
        if head is None or head.keyed_from_id is None:
            return
        changed = changed_parts(conn, self._key, head.last_hash)
        if changed:
            self._result = _refused(translate(
                "Integrity", "The security state was changed outside the app while it was "
                             "running: {parts}. Nothing more will be saved; close the app and "
                             "run “stpeters-desk audit verify”.").format(parts=", ".join(changed)))
            raise IntegrityRefused(self._result.message)

    def before_commit(self, conn: Connection) -> None:
        if self._key is None:
            return
        head = read_head(conn)
        if head is None or head.keyed_from_id is None:
            return
        macs = part_macs(conn, self._key, head.last_hash)
        if macs != stored_macs(conn):  # most changes (drafts, tweets) leave the seal as it is
            store_macs(conn, macs)

    def after_commit(self, conn: Connection) -> None:
        recovery = recovery_hash(conn)
        if recovery and recovery != self._noted_recovery:
            _note_set_up(self._db, recovery)
            self._noted_recovery = recovery
        if self._key is None:
            return
        head = read_head(conn)
        if head is None or head.keyed_from_id is None:
            return
        with self._anchor_lock:  # two threads committing: never record an older end
            current = self.anchor
            accepted = current.accepted if current else ""
            anchor = Anchor(head.keyed_from_id, head.entries, head.last_id, head.last_hash,
                            recovery_hash(conn), accepted)
            if anchor == current or (current is not None and anchor.last_id < current.last_id):
                return
            try:
                keystore.write_secret(KEY_PURPOSE, anchor_name(self._db), anchor.to_text())
            except keystore.KeyringUnavailable:
                return  # the next start finds the log ahead of the record, which is allowed
            self.anchor = anchor

    # -- the head teacher accepts what was found ---------------------------------------------
    def accept(self, recovery_code: str) -> str:
        """Reseal and re-anchor the database as it is, with the recovery code; returns what
        was accepted. The problem stays in the log: ``verify`` still reports it."""
        from stpeters_desk.core.pins import verify_pin
        from stpeters_desk.core.staff import normalise_recovery_code

        found = self.result()
        record = read_keyring(self._db, create_key=True)
        stored = (record.anchor.recovery if record.anchor else "") or \
            set_up_recovery_hash(self._db) or recovery_hash(self._db.reader())
        if not stored or not verify_pin(stored, normalise_recovery_code(recovery_code)):
            raise ValueError(translate("Integrity", "That recovery code is not right (or none "
                                                    "was ever issued)."))
        _note_set_up(self._db, "", "")  # noted again when a head teacher is set up
        self._noted_recovery = ""
        if record.key is None:
            return self._accept_without_keyring(found)
        self._key, self.anchor = record.key, record.anchor
        self._result = AuditVerification(True, found.checked, None, "accepting")
        self._checking_thread = threading.get_ident()
        try:
            self._accept_as_is(found)
        finally:
            self._checking_thread = None
        after = AuditTrail(self._db).verify(self._key, self.anchor)
        self._remember_accepted(after)
        self._result = self._accepted_or(after)
        return found.message

    def _accept_without_keyring(self, found: AuditVerification) -> str:
        self._result = AuditVerification(True, found.checked, None, "accepted")
        AuditTrail(self._db).record("head teacher (recovery code)",
                                    AuditAction.ACCEPT_DATABASE_AS_FOUND.value,
                                    detail=found.message[:500])
        after = AuditTrail(self._db).verify()
        if not after.ok:  # noted beside the device identity, as there is no keyring
            _note_set_up(self._db, recovery_hash(self._db.reader()), problem_fingerprint(after))
        self._result = self._accepted_or(after)
        return found.message

    def _accept_as_is(self, found: AuditVerification) -> None:
        self.anchor = None
        with self._db.transaction() as conn:
            head = read_head(conn)
            if head is not None and head.keyed_from_id is None:
                start_keyed_chain(conn, head.last_id + 1)
            append_entry(conn, NewAuditEntry(
                actor="head teacher (recovery code)",
                action=AuditAction.ACCEPT_DATABASE_AS_FOUND.value,
                detail=found.message[:500]))

    def _remember_accepted(self, after: AuditVerification) -> None:
        if after.ok or self.anchor is None:
            return
        self.anchor = Anchor(self.anchor.keyed_from, self.anchor.entries, self.anchor.last_id,
                             self.anchor.last_hash, self.anchor.recovery,
                             problem_fingerprint(after))
        keystore.write_secret(KEY_PURPOSE, anchor_name(self._db), self.anchor.to_text())
