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
from pathlib import Path
from typing import NamedTuple

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
from stpeters_desk.core.storage.db import (
    Database,
    DatabaseError,
    keep_the_file_advice,
)
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


class KeyringRecord(NamedTuple):
    key: bytes | None
    anchor: Anchor | None
    problem: str  # why the keyring could not be used, or ""


def anchor_name(db: Database) -> str:
    """One record per database: a file (a practice folder and the school's stay apart), or
    a shared server's school id and address."""
    from stpeters_desk.core.school_keys import names_for

    return names_for(db).anchor[1]


def read_keyring(db: Database, create_key: bool) -> KeyringRecord:
    from stpeters_desk.core.school_keys import names_for

    names = names_for(db)
    try:
        stored_key = keystore.read_secret(*names.chain)
        if stored_key is None and create_key:
            import secrets

            stored_key = secrets.token_hex(32)
            keystore.write_secret(*names.chain, stored_key)
        anchor_text = keystore.read_secret(*names.anchor)
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
    from stpeters_desk.core.school_keys import database_place

    return _set_up_records().get(database_place(db), {})


def set_up_recovery_hash(db: Database) -> str:
    """The recovery-code hash this computer noted when ``db`` was set up, or ""."""
    return _set_up_record(db).get("recovery", "")


def _note_set_up(db: Database, recovery: str, accepted: str | None = None) -> None:
    """Remember, next to the device identity, that this database has a head teacher (and,
    without a keyring, which problem the head accepted); an emptied database is then not
    mistaken for a new install, even without a keyring."""
    from stpeters_desk.core.school_keys import database_place

    records = _set_up_records()
    name = database_place(db)
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


def adopt_moved_database(db: Database, accepted: str = "") -> None:
    """After ``database move-to`` copied this computer's data to ``db``: record in this
    computer's keyring where ``db``'s audit log ends and note its recovery code, as the
    guard does after every commit, so the app's start-up check knows the log there.
    ``accepted``: the fingerprint of a problem the head teacher had accepted."""
    conn = db.reader()
    recovery = recovery_hash(conn)
    if recovery:
        _note_set_up(db, recovery, accepted)
    head = read_head(conn)
    if head is None or head.keyed_from_id is None:
        return
    anchor = Anchor(head.keyed_from_id, head.entries, head.last_id, head.last_hash, recovery,
                    accepted)
    from stpeters_desk.core.school_keys import names_for

    keystore.write_secret(*names_for(db).anchor, anchor.to_text())


def not_joined_message(place: str) -> str:
    return translate(
        "Integrity", "This computer has not joined the school on {server}: its keyring has "
                     "none of the school's keys. On a computer already in the school the head "
                     "teacher makes an enrolment code (Settings, “School computers”); then run "
                     "“stpeters-desk computer join” with the server's address and the code.",
    ).format(server=place)


def no_new_key_message() -> str:
    return translate(
        "Integrity", "The audit log has a new key since a computer was removed from the "
                     "school, and this computer was not given it: it was removed too, or it "
                     "joined before computers had keys of their own. Ask the head teacher for "
                     "a new enrolment code and join again.")


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
        self._anchor: str | None = None
        self._school: tuple[str, str] | None = None  # a shared server: (school id, device id)
        self.later_keys: dict[int, bytes] = {}  # keys the chain took on after the first
        self.not_joined = False  # a shared server whose school this computer has not joined
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
            advice = "" if self._db.dialect == "postgresql" else " " + keep_the_file_advice(
                self._db.path)  # a server keeps its own files: nothing here to copy
            self._result = _refused(translate(
                "Integrity", "The database cannot be read ({error}).").format(error=exc)
                + advice)
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
        create_key = not self._read_only
        if self._db.dialect == "postgresql":
            refusal = self._school_of_shared_database()
            if refusal is not None:
                return refusal
            create_key = False  # the school's keys come with the school id, or by joining
        record = read_keyring(self._db, create_key=create_key)
        if record.key is None:
            if keyed:
                return _refused(translate(
                    "Integrity", "The audit log is keyed, but its key cannot be read from this "
                                 "computer's keyring.") + " " + record.problem)
            return self._refuse_unless_ok(trail.verify())
        self._key, self.anchor = record.key, record.anchor
        if self._school is not None and not self._load_later_keys(self._db.reader()):
            return _refused(no_new_key_message())
        if record.anchor is None and not keyed:
            plain = trail.verify()
            if not plain.ok or self._read_only:  # never key (and so bless) a broken log
                return self._refuse_unless_ok(plain)
            self._key_the_chain()
        return self._refuse_unless_ok(trail.verify(self._key, self.anchor))

    def _school_of_shared_database(self) -> AuditVerification | None:
        """A shared server: set the school up on an empty one (this computer is the first);
        otherwise this computer must have joined it (its keyring holds the school's key)."""
        from stpeters_desk.core import school_keys

        try:
            keystore.usable_keyring()
            if school_keys.school_id(self._db) is None:
                if self._read_only:  # a screenshot writes nothing
                    return None
                school_keys.set_up_school(self._db)
            if keystore.read_secret(*school_keys.names_for(self._db).chain) is None:
                self.not_joined = True  # the window offers to join here
                return _refused(not_joined_message(school_keys.database_place(self._db)))
            from stpeters_desk.core.devices import this_device

            school_id = school_keys.school_id(self._db)
            assert school_id is not None
            self._school = (school_id, this_device().device_id)
        except Exception:
            return None  # as on one computer: the log stays plain; a keyed one is refused
        return None

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

    def _load_later_keys(self, conn: Connection) -> bool:
        from stpeters_desk.core.audit_keys import later_keys

        assert self._school is not None
        found = later_keys(conn, self._db, *self._school)
        if found is None:
            return False
        self.later_keys = found
        return True

    def chain_key_now(self, conn: Connection) -> bytes | None:
        """The key the chain and the seal use now: on a shared server the newest one (taken
        from this computer's envelope the first time, after another computer made it)."""
        if self._school is None or self._key is None:
            return self._key
        from stpeters_desk.core.storage.school_store import key_epochs

        epochs = key_epochs(conn)
        if any(e not in self.later_keys for e in epochs) and not self._load_later_keys(conn):
            self._result = _refused(no_new_key_message())
            raise IntegrityRefused(self._result.message)
        return self.later_keys[epochs[-1]] if epochs else self._key

    def _anchor_name(self) -> str:
        if self._anchor is None:  # read once: the school id does not change while running
            self._anchor = anchor_name(self._db)
        return self._anchor

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
        changed = changed_parts(conn, self.chain_key_now(conn) or self._key, head.last_hash)
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
        macs = part_macs(conn, self.chain_key_now(conn) or self._key, head.last_hash)
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
                keystore.write_secret(KEY_PURPOSE, self._anchor_name(), anchor.to_text())
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
        keystore.write_secret(KEY_PURPOSE, self._anchor_name(), self.anchor.to_text())


class ThrowAwayGuard:
    """The guard of data that is thrown away afterwards (``--screenshot`` draws from a copy,
    or on a server rolls every write back): entries written there still chain with the
    checked key, as the log needs, but nothing is checked, sealed or recorded in the
    keyring, which belongs to the real data."""

    def __init__(self, key: bytes | None) -> None:
        self._key = key

    @property
    def chain_key(self) -> bytes | None:
        return self._key

    def before_begin(self) -> None:
        return None

    def before_write(self, conn: Connection) -> None:
        return None

    def before_commit(self, conn: Connection) -> None:
        return None

    def after_commit(self, conn: Connection) -> None:
        return None
