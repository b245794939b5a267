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
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from stpeters_desk.core.audit_actions import AuditAction
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
from stpeters_desk.i18n import translate

if TYPE_CHECKING:
    from stpeters_desk.core.integrity import IntegrityGuard

__all__ = ["AuditEntry", "AuditTrail", "AuditVerification", "audit_cli"]

CSV_HEADER = ("entry", "time (UTC)", "person", "device", "action", "object", "reason", "detail",
              "hash")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class AuditVerification(NamedTuple):
    ok: bool
    checked: int  # entries that fit before the first problem (all of them when ok)
    first_broken_id: int | None
    message: str
    findings: tuple[str, ...] = ()  # every problem, language-free, for ``problem_fingerprint``


class _Walk:
    """What walking the chain found: the problems and where the log ends.

    A plain class, not a dataclass: it is made on the way to the first window, where
    generating a dataclass's methods costs about half a millisecond."""

    __slots__ = (
        "anchored_hash",
        "checked",
        "findings",
        "last_hash",
        "last_id",
        "readable",
        "walked",
    )

    def __init__(self) -> None:
        self.walked = 0
        self.checked = 0
        self.last_id = 0
        self.last_hash = GENESIS_HASH
        self.anchored_hash: str | None = None
        self.readable = True
        self.findings: list[_Finding] = []


class Anchor(NamedTuple):
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
    """The same for the same problems in any language: which checks failed, at which entries."""
    import hashlib

    return hashlib.sha256("|".join(result.findings).encode()).hexdigest()


class _Finding(NamedTuple):  # not a dataclass: this module loads before the first frame
    key: str  # stable and language-free: "entry:5", "lost:9-11", "seal:staff"
    entry_id: int | None
    message: str


def _describe(entry: AuditEntry) -> str:
    who = entry.actor or translate("Audit", "someone")
    return translate("Audit", "entry #{number} ({time}, {person}: {action})").format(
        number=entry.entry_id, time=entry.at[:19].replace("T", " "), person=who,
        action=entry.action)


def _lost(walked: int, last_id: int, anchor: Anchor) -> _Finding:
    """Fewer entries than this computer recorded: say plainly which changes are gone."""
    first_missing = last_id + 1
    missing = translate("Audit", "entry #{first}") if first_missing == anchor.last_id \
        else translate("Audit", "entries #{first} to #{last}")
    where = translate("Audit", "The database is empty") if walked == 0 else \
        translate("Audit", "The database holds {count} entries ending at #{last}")
    message = translate(
        "Audit", "{where}, but this computer recorded {recorded} entries ending at "
                 "#{recorded_last}: {missing} and the changes that went with them were lost (a "
                 "deleted or damaged -wal file, an older copy of the database put back, or "
                 "entries cut off the end).")
    return _Finding(f"lost:{first_missing}-{anchor.last_id}", first_missing, message.format(
        where=where.format(count=walked, last=last_id), recorded=anchor.entries,
        recorded_last=anchor.last_id,
        missing=missing.format(first=first_missing, last=anchor.last_id)))


def _result(checked: int, walked: int, findings: list[_Finding],
            intact: str) -> AuditVerification:
    if not findings:
        return AuditVerification(ok=True, checked=walked, first_broken_id=None, message=intact)
    first = findings[0]
    message = first.message
    if len(findings) > 1:
        message += " " + translate("Audit", "More problems were found after it ({count}).").format(
            count=len(findings) - 1)
    message += " " + translate("Audit", "The audit log may have been tampered with.")
    return AuditVerification(ok=False, checked=checked, first_broken_id=first.entry_id,
                             message=message, findings=tuple(f.key for f in findings))


def _broken(checked: int, entry_id: int | None, message: str) -> AuditVerification:
    return _result(checked, checked, [_Finding(f"other:{entry_id}", entry_id, message)], "")


class AuditTrail(AuditLog):
    """``AuditLog`` plus checking the chain and exporting for governors or inspectors."""

    def verify(self, key: bytes | None = None, anchor: Anchor | None = None
               ) -> AuditVerification:
        """Check every entry oldest first, then the record of the end, the keyring's anchor
        and the seal; the message names the first problem, ``findings`` lists them all.

        Every link is checked on its own, so one broken entry does not hide later ones
        (and a problem the head teacher accepted cannot hide a new one). With the
        keyring's ``key`` and ``anchor`` (by default those the app's guard read) the
        keyed part of the chain, the end of the log and the security seal are checked.
        """
        guard = self._db.guard
        later: dict[int, bytes] = dict(getattr(guard, "later_keys", None) or {})
        if key is None and guard is not None:  # the app's own guard has read the keyring
            key = guard.chain_key
            found = getattr(guard, "anchor", None)
            anchor = anchor or (found if isinstance(found, Anchor) else None)
        head = self.chain_head()
        keyed_from = anchor.keyed_from if anchor else (head.keyed_from_id if head else None)
        if keyed_from is not None and key is None:
            return _broken(0, None, str(AuditKeyMissing()))
        walk = self._walk(key, ChainHead(0, "", 0, None, keyed_from), anchor, later)
        findings = list(walk.findings)
        head_problem = self._check_head(head, walk.walked, walk.last_id, walk.last_hash)
        findings += [head_problem] if head_problem else []
        keyed = key is not None and keyed_from is not None
        if keyed and walk.readable:
            assert key is not None
            findings += self._against_anchor(head, anchor, walk)
            findings += self._against_seal(later[max(later)] if later else key,
                                           walk.last_hash)
        intact = translate("Audit", "Audit log intact: {count} entries checked").format(
            count=walk.walked)
        if keyed:
            intact = translate("Audit", "Audit log intact: {count} entries checked, keyed with "
                                        "this computer's keyring; staff, permissions, lockouts "
                                        "and security settings match their seal.").format(
                count=walk.walked)
        return _result(walk.checked, walk.walked, findings, intact)

    def _walk(self, key: bytes | None, scheme: ChainHead, anchor: Anchor | None,
              later: dict[int, bytes] | None = None) -> _Walk:
        """``later``: the keys the chain took on after the first, by their first entry."""
        from stpeters_desk.core.audit_keys import key_for

        walk = _Walk()
        if anchor is not None and anchor.last_id == 0:
            walk.anchored_hash = GENESIS_HASH
        try:
            for entry in self.all_entries():
                entry_key = key_for(entry.entry_id, key, later) if later else key
                problem = self._check_entry(entry, walk.last_hash, walk.last_id, entry_key,
                                            scheme)
                if problem:
                    walk.findings.append(_Finding(f"entry:{entry.entry_id}", entry.entry_id,
                                                  problem))
                walk.last_hash, walk.last_id = entry.entry_hash, entry.entry_id
                if anchor is not None and walk.last_id == anchor.last_id:
                    walk.anchored_hash = walk.last_hash
                walk.walked += 1
                walk.checked += 0 if walk.findings else 1
        except UnreadableEntry as exc:
            walk.readable = False
            walk.findings.append(_Finding(f"unreadable:{exc.entry_id}", exc.entry_id, translate(
                "Audit", "The chain breaks at entry #{number}: its {column} is not readable "
                         "text, so it was written outside the app.").format(
                number=exc.entry_id, column=exc.column)))
        return walk

    @staticmethod
    def _against_anchor(head: ChainHead | None, anchor: Anchor | None,
                        walk: _Walk) -> list[_Finding]:
        if anchor is None:
            return [_Finding("no anchor", None, translate(
                "Audit", "This computer's keyring has no record of where the audit log ends, "
                         "although the log is keyed: the database came from another computer "
                         "or the keyring was reset."))]
        if walk.last_id < anchor.last_id:
            return [_lost(walk.walked, walk.last_id, anchor)]
        if head is not None and head.keyed_from_id != anchor.keyed_from:
            return [_Finding("keyed from", anchor.keyed_from, translate(
                "Audit", "The point from which the log is keyed (entry #{number}) was changed "
                         "in the database file.").format(number=anchor.keyed_from))]
        if walk.anchored_hash != anchor.last_hash:
            return [_Finding(f"rewritten:{anchor.last_id}", anchor.last_id, translate(
                "Audit", "Entry #{number} is not the entry this computer recorded there: the "
                         "log was rewritten up to that point.").format(number=anchor.last_id))]
        return []

    def _against_seal(self, key: bytes, last_hash: str) -> list[_Finding]:
        changed = changed_parts(self._db.reader(), key, last_hash)
        if not changed:
            return []
        return [_Finding("seal:" + ",".join(changed), None, translate(
            "Audit", "The security state was changed outside the app: {parts} no longer match "
                     "their seal (a role, permission, PIN, lockout or setting was edited in the "
                     "database file).").format(parts=", ".join(changed)))]

    @staticmethod
    def _check_entry(entry: AuditEntry, expected_prev: str, previous_id: int,
                     key: bytes | None = None, head: ChainHead | None = None) -> str:
        if entry.prev_hash != expected_prev:
            before = f"#{previous_id}" if previous_id else translate("Audit",
                                                                     "the start of the log")
            return translate("Audit", "The chain breaks at {entry}: it does not follow "
                                      "{before}. An entry before it was changed, deleted or "
                                      "inserted.").format(entry=_describe(entry), before=before)
        scheme = head or ChainHead(0, "", 0, None, None)
        expected = entry_chain_hash(scheme, key, entry.entry_id, entry.prev_hash, entry.content)
        if expected != entry.entry_hash:
            return translate("Audit", "The chain breaks at {entry}: its contents were "
                                      "changed.").format(entry=_describe(entry))
        return ""

    @staticmethod
    def _check_head(head: ChainHead | None, walked: int, last_id: int,
                    last_hash: str) -> _Finding | None:
        if head is None:
            return _Finding("no head", None, translate(
                "Audit", "The record of the last audit entry is missing."))
        if head.gap_before_id is not None:
            return _Finding(f"gap:{head.gap_before_id}", head.gap_before_id, translate(
                "Audit", "The record of the last audit entry was deleted before entry "
                         "#{number}; entries just before it may have been removed.").format(
                number=head.gap_before_id))
        if head.entries != walked or head.last_id != last_id or head.last_hash != last_hash:
            missing = last_id + 1 if head.last_id > last_id else head.last_id + 1
            return _Finding(f"head:{missing}", missing, translate(
                "Audit", "The log should hold {expected} entries ending at #{expected_last}, but "
                         "it holds {count} ending at #{last}: entry #{missing} is missing or was "
                         "added outside the app.").format(
                expected=head.entries, expected_last=head.last_id, count=walked, last=last_id,
                missing=missing))
        return None

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

    from stpeters_desk.core.keystore import KeyringUnavailable

    try:
        code = ask("The head teacher's recovery code: ")
        found = guard.accept(code)
    except (EOFError, ValueError, DatabaseError, KeyringUnavailable) as exc:
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
    trail.record(head.name, AuditAction.EXPORT_AUDIT_LOG, str(path), f"{count} entries")
    print(f"Exported {count} audit entries to {path}")
    return 0
