"""The tamper-evident audit trail: every action, who did it, on which computer, and why.

Entries are chained (see ``storage.audit_chain``), so a row edited, deleted,
inserted or moved in the database file breaks the chain at that point and
``verify`` names it. Since the chain was keyed, each hash is an HMAC with a
secret in the OS keyring: someone editing the file cannot re-chain it. The
keyring also keeps the ``Anchor`` (the count and last hash the app wrote),
so cutting entries off the end, or putting back an older copy of the file,
shows too; and the security state (staff, permissions, lockouts, security
settings) carries a keyed seal checked at the same time.

``stpeters-desk audit verify`` runs ``audit_cli``.
"""

from __future__ import annotations

import argparse
import csv
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from stpeters_desk.core.storage.audit import (
    AuditEntry,
    AuditKeyMissing,
    AuditLog,
    ChainHead,
    UnreadableEntry,
    entry_chain_hash,
)
from stpeters_desk.core.storage.audit_chain import GENESIS_HASH
from stpeters_desk.core.storage.db import Database, DatabaseError
from stpeters_desk.core.storage.seal import changed_parts

if TYPE_CHECKING:
    from stpeters_desk.core.integrity import IntegrityGuard

__all__ = ["AuditEntry", "AuditTrail", "AuditVerification", "audit_cli"]

CSV_HEADER = ("entry", "time (UTC)", "person", "device", "action", "object", "reason", "detail",
              "hash")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class AuditVerification:
    ok: bool
    checked: int
    first_broken_id: int | None
    message: str


@dataclass(frozen=True)
class Anchor:
    """What this computer's keyring remembers about the database, outside the file.

    ``accepted`` is the fingerprint of a problem the head teacher accepted with the
    recovery code (``audit accept``), so the app starts again while ``verify`` still
    reports it.
    """

    keyed_from: int
    entries: int
    last_id: int
    last_hash: str
    recovery: str = ""
    accepted: str = ""

    def to_text(self) -> str:
        import json

        return json.dumps({"keyed_from": self.keyed_from, "entries": self.entries,
                           "last_id": self.last_id, "last_hash": self.last_hash,
                           "recovery": self.recovery, "accepted": self.accepted})

    @classmethod
    def from_text(cls, text: str) -> Anchor | None:
        import json

        try:
            data = json.loads(text)
            return cls(int(data["keyed_from"]), int(data["entries"]), int(data["last_id"]),
                       str(data["last_hash"]), str(data.get("recovery", "")),
                       str(data.get("accepted", "")))
        except (ValueError, KeyError, TypeError):
            return None


def problem_fingerprint(result: AuditVerification) -> str:
    import hashlib

    return hashlib.sha256(f"{result.first_broken_id}|{result.message}".encode()).hexdigest()


def _describe(entry: AuditEntry) -> str:
    who = entry.actor or "someone"
    return f"entry #{entry.entry_id} ({entry.at[:19].replace('T', ' ')}, {who}: {entry.action})"


def _lost(checked: int, last_id: int, anchor: Anchor) -> AuditVerification:
    """Fewer entries than this computer recorded: say plainly which changes are gone."""
    first_missing = last_id + 1
    missing = f"entry #{first_missing}" if first_missing == anchor.last_id else \
        f"entries #{first_missing} to #{anchor.last_id}"
    where = "The database is empty" if checked == 0 else \
        f"The database holds {checked} entries ending at #{last_id}"
    return _broken(checked, first_missing,
                   f"{where}, but this computer recorded {anchor.entries} entries ending at "
                   f"#{anchor.last_id}: {missing} and the changes that went with them were lost "
                   "(a deleted or damaged -wal file, an older copy of the database put back, "
                   "or entries cut off the end).")


def _broken(checked: int, entry_id: int | None, message: str) -> AuditVerification:
    return AuditVerification(ok=False, checked=checked, first_broken_id=entry_id,
                             message=message + " The audit log may have been tampered with.")


class AuditTrail(AuditLog):
    """``AuditLog`` plus checking the chain and exporting for governors or inspectors."""

    def verify(self, key: bytes | None = None, anchor: Anchor | None = None
               ) -> AuditVerification:
        """Walk the chain oldest first and stop at the first entry that does not fit.

        With the keyring's ``key`` and ``anchor`` the keyed part of the chain is checked
        too, the end of the log is compared with the end this computer recorded, and
        the security state with its seal.
        """
        guard = self._db.guard
        if key is None and guard is not None:  # the app's own guard has read the keyring
            key = guard.chain_key
            found = getattr(guard, "anchor", None)
            anchor = anchor or (found if isinstance(found, Anchor) else None)
        head = self.chain_head()
        keyed_from = anchor.keyed_from if anchor else (head.keyed_from_id if head else None)
        if keyed_from is not None and key is None:
            return _broken(0, None, AuditKeyMissing().args[0])
        expected_prev = GENESIS_HASH
        checked = 0
        last_id = 0
        anchored_hash = GENESIS_HASH if anchor is not None and anchor.last_id == 0 else None
        check_head = ChainHead(0, "", 0, None, keyed_from)
        try:
            for entry in self.all_entries():
                problem = self._check_entry(entry, expected_prev, last_id, key, check_head)
                if problem:
                    return _broken(checked, entry.entry_id, problem)
                expected_prev, last_id = entry.entry_hash, entry.entry_id
                if anchor is not None and last_id == anchor.last_id:
                    anchored_hash = expected_prev
                checked += 1
        except UnreadableEntry as exc:
            return _broken(checked, exc.entry_id,
                           f"The chain breaks at entry #{exc.entry_id}: its {exc.column} is "
                           "not readable text, so it was written outside the app.")
        result = self._check_head(head, checked, last_id, expected_prev)
        if not result.ok or key is None or keyed_from is None:
            return result
        return (self._against_anchor(head, anchor, checked, last_id, anchored_hash)
                or self._against_seal(key, expected_prev, checked)
                or AuditVerification(ok=True, checked=checked, first_broken_id=None,
                                     message=f"Audit log intact: {checked} entries checked, "
                                             "keyed with this computer's keyring; staff, "
                                             "permissions, lockouts and security settings "
                                             "match their seal."))

    @staticmethod
    def _against_anchor(head: ChainHead | None, anchor: Anchor | None, checked: int,
                        last_id: int, anchored_hash: str | None) -> AuditVerification | None:
        if anchor is None:
            return _broken(checked, None, "This computer's keyring has no record of where the "
                                          "audit log ends, although the log is keyed: the "
                                          "database came from another computer or the keyring "
                                          "was reset.")
        if last_id < anchor.last_id:
            return _lost(checked, last_id, anchor)
        if head is not None and head.keyed_from_id != anchor.keyed_from:
            return _broken(checked, anchor.keyed_from,
                           f"The point from which the log is keyed (entry #{anchor.keyed_from}) "
                           "was changed in the database file.")
        if anchored_hash != anchor.last_hash:
            return _broken(checked, anchor.last_id,
                           f"Entry #{anchor.last_id} is not the entry this computer recorded "
                           "there: the log was rewritten up to that point.")
        return None

    def _against_seal(self, key: bytes, last_hash: str, checked: int
                      ) -> AuditVerification | None:
        changed = changed_parts(self._db.reader(), key, last_hash)
        if not changed:
            return None
        return _broken(checked, None,
                       "The security state was changed outside the app: "
                       f"{', '.join(changed)} no longer match their seal (a role, permission, "
                       "PIN, lockout or setting was edited in the database file).")

    @staticmethod
    def _check_entry(entry: AuditEntry, expected_prev: str, previous_id: int,
                     key: bytes | None = None, head: ChainHead | None = None) -> str:
        if entry.prev_hash != expected_prev:
            before = f"#{previous_id}" if previous_id else "the start of the log"
            return (f"The chain breaks at {_describe(entry)}: it does not follow {before}. "
                    "An entry before it was changed, deleted or inserted.")
        scheme = head or ChainHead(0, "", 0, None, None)
        expected = entry_chain_hash(scheme, key, entry.entry_id, entry.prev_hash, entry.content)
        if expected != entry.entry_hash:
            return f"The chain breaks at {_describe(entry)}: its contents were changed."
        return ""

    @staticmethod
    def _check_head(head: ChainHead | None, checked: int, last_id: int,
                    last_hash: str) -> AuditVerification:
        if head is None:
            return _broken(checked, None, "The record of the last audit entry is missing.")
        if head.gap_before_id is not None:
            return _broken(checked, head.gap_before_id,
                           f"The record of the last audit entry was deleted before entry "
                           f"#{head.gap_before_id}; entries just before it may have been removed.")
        if head.entries != checked or head.last_id != last_id or head.last_hash != last_hash:
            missing = last_id + 1 if head.last_id > last_id else head.last_id + 1
            return _broken(checked, missing,
                           f"The log should hold {head.entries} entries ending at "
                           f"#{head.last_id}, but it holds {checked} ending at #{last_id}: "
                           f"entry #{missing} is missing or was added outside the app.")
        return AuditVerification(ok=True, checked=checked, first_broken_id=None,
                                 message=f"Audit log intact: {checked} entries checked")

    def export_csv(self, path_or_stream: str | os.PathLike[str] | TextIO,
                   entries: Iterable[AuditEntry]) -> int:
        """Write the entries as CSV that Excel opens safely; returns how many were written.

        Cells that start like a spreadsheet formula (a reply that begins with
        "=", say) get a leading apostrophe so Excel shows them as text.
        """
        with _open_for_csv(path_or_stream) as stream:
            writer = csv.writer(stream)
            writer.writerow(CSV_HEADER)
            written = 0
            for entry in entries:
                writer.writerow([entry.entry_id, *map(_safe_cell, (
                    entry.at, entry.actor, entry.device, entry.action, entry.target,
                    entry.reason, entry.detail)), entry.entry_hash])
                written += 1
        return written


def _safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


@contextmanager
def _open_for_csv(path_or_stream: str | os.PathLike[str] | TextIO) -> Iterator[TextIO]:
    if isinstance(path_or_stream, (str, os.PathLike)):
        # utf-8-sig so Excel on Windows reads names and emoji correctly
        with Path(path_or_stream).open("w", encoding="utf-8-sig", newline="") as stream:
            yield stream
        return
    yield path_or_stream


def audit_cli(argv: list[str], db: Database, *,
              read_secret: Callable[[str], str] | None = None) -> int:
    """``stpeters-desk audit verify|export FILE.csv|accept``.

    ``export`` needs the head-teacher PIN and ``accept`` the head's recovery code,
    typed at a terminal (``read_secret`` stands in for the terminal in tests); with
    no terminal they refuse.
    """
    parser = argparse.ArgumentParser(prog="stpeters-desk audit",
                                     description="Check or export the audit log.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("verify", help="check that no entry was changed, deleted or inserted")
    export = commands.add_parser("export", help="write every entry to a CSV file "
                                                "(needs the head-teacher PIN)")
    export.add_argument("file", type=Path)
    commands.add_parser("accept", help="accept the database as it is after a restore or a "
                                       "reported problem (needs the head's recovery code)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    from stpeters_desk.core.integrity import IntegrityGuard

    guard = db.guard if isinstance(db.guard, IntegrityGuard) else IntegrityGuard(db)
    if args.command == "verify":
        return _cli_verify(guard)
    ask = read_secret or _terminal_secret
    if args.command == "accept":
        return _cli_accept(guard, ask)
    return _cli_export(db, guard, ask, args.file)


def _terminal_secret(prompt: str) -> str:
    """Read a PIN or code at a terminal without echoing it; refuse without one."""
    import sys

    if not sys.stdin.isatty():
        raise EOFError("This needs a person at a terminal to type it; it cannot be piped in.")
    import getpass

    return getpass.getpass(prompt)


def _cli_verify(guard: IntegrityGuard) -> int:
    import sys

    result = guard.result()
    print(result.message)
    if result.ok and guard.chain_key is None:
        print("Note: not keyed. This computer has no usable keyring, so the log is checked "
              "only against itself.", file=sys.stderr)
    return 0 if result.ok else 1


def _cli_accept(guard: IntegrityGuard, ask: Callable[[str], str]) -> int:
    import sys

    try:
        code = ask("The head teacher's recovery code: ")
        found = guard.accept(code)
    except (EOFError, ValueError, DatabaseError) as exc:
        print(f"Nothing was accepted: {exc}", file=sys.stderr)
        return 1
    print(f"Accepted the database as it is; the audit log records this. What was found: {found}")
    return 0


def _cli_export(db: Database, guard: IntegrityGuard, ask: Callable[[str], str],
                path: Path) -> int:
    import sys

    from stpeters_desk.core.staff import HeadPinRequired, StaffDirectory

    trail = AuditTrail(db, device="command line")
    staff = StaffDirectory(db, trail, "command line")
    try:
        pin = ask("Head-teacher PIN: ")
        head = staff.require_head_pin(pin, by=None, permission=None,
                                      action="export the audit log")
    except (EOFError, HeadPinRequired, DatabaseError) as exc:
        print(f"Not exported: {exc}", file=sys.stderr)
        return 1
    count = trail.export_csv(path, trail.all_entries())
    trail.record(head.name, "export audit log", str(path), f"{count} entries")
    print(f"Exported {count} audit entries to {path}")
    return 0
