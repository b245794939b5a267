"""The tamper-evident audit trail: every action, who did it, on which computer, and why.

Entries are chained by SHA-256 (see ``storage.audit_chain``), so a row edited,
deleted, inserted or moved in the database file breaks the chain at that
point and ``verify`` names it. This makes tampering visible; it cannot stop
someone who rewrites the whole file from the first entry onwards, which is
why the check also compares the chain with the count and last hash the app
recorded.

``stpeters-desk audit verify`` runs ``audit_cli``.
"""

from __future__ import annotations

import argparse
import csv
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from stpeters_desk.core.storage.audit import AuditEntry, AuditLog, ChainHead
from stpeters_desk.core.storage.audit_chain import GENESIS_HASH, chain_hash
from stpeters_desk.core.storage.db import Database

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


def _describe(entry: AuditEntry) -> str:
    who = entry.actor or "someone"
    return f"entry #{entry.entry_id} ({entry.at[:19].replace('T', ' ')}, {who}: {entry.action})"


def _broken(checked: int, entry_id: int | None, message: str) -> AuditVerification:
    return AuditVerification(ok=False, checked=checked, first_broken_id=entry_id,
                             message=message + " The audit log may have been tampered with.")


class AuditTrail(AuditLog):
    """``AuditLog`` plus checking the chain and exporting for governors or inspectors."""

    def verify(self) -> AuditVerification:
        """Walk the chain oldest first and stop at the first entry that does not fit."""
        expected_prev = GENESIS_HASH
        checked = 0
        last_id = 0
        for entry in self.all_entries():
            problem = self._check_entry(entry, expected_prev, last_id)
            if problem:
                return _broken(checked, entry.entry_id, problem)
            expected_prev, last_id = entry.entry_hash, entry.entry_id
            checked += 1
        return self._check_head(self.chain_head(), checked, last_id, expected_prev)

    @staticmethod
    def _check_entry(entry: AuditEntry, expected_prev: str, previous_id: int) -> str:
        if entry.prev_hash != expected_prev:
            before = f"#{previous_id}" if previous_id else "the start of the log"
            return (f"The chain breaks at {_describe(entry)}: it does not follow {before}. "
                    "An entry before it was changed, deleted or inserted.")
        if chain_hash(entry.prev_hash, entry.content) != entry.entry_hash:
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


def audit_cli(argv: list[str], db: Database) -> int:
    """``stpeters-desk audit verify`` and ``stpeters-desk audit export FILE.csv``."""
    parser = argparse.ArgumentParser(prog="stpeters-desk audit",
                                     description="Check or export the audit log.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("verify", help="check that no entry was changed, deleted or inserted")
    export = commands.add_parser("export", help="write every entry to a CSV file")
    export.add_argument("file", type=Path)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    trail = AuditTrail(db)
    if args.command == "export":
        count = trail.export_csv(args.file, trail.all_entries())
        print(f"Exported {count} audit entries to {args.file}")
        return 0
    result = trail.verify()
    print(result.message)
    return 0 if result.ok else 1
