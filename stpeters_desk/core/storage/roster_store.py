"""The pupil roster as the name guard needs it: hashes, counts and dates, never names.

A stolen database file must not reveal any child's name, so this store only
ever receives keyed digests (see ``stpeters_desk.core.names.NameHasher``).
The roster screen reads counts from here; it never lists children.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from stpeters_desk.core.names import FormKind, HashedForm
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.db import Database, utc_now_text


@dataclass(frozen=True)
class RosterCounts:
    """What the roster screen may show: how many, from when, imported by whom."""

    pupils: int = 0
    name_forms: int = 0
    forms_by_kind: Mapping[str, int] = field(default_factory=dict)
    groups: Mapping[str, int] = field(default_factory=dict)
    imported_at: str | None = None
    imported_by: str = ""
    retired_reason: str = ""
    """Set when the fingerprints were retired (their key was rotated): import again."""

    @property
    def imported(self) -> bool:
        return self.imported_at is not None

    @property
    def made_under_older_rules(self) -> bool:
        """Imported before the guard marked its rules (FORM_RULES_VERSION 2): import again."""
        return self.pupils > 0 and FormKind.RULES.value not in self.forms_by_kind


class RosterStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def database(self) -> Database:
        return self._db

    def replace(self, forms: Iterable[HashedForm], *, pupils: int, groups: Mapping[str, int],
                key_check: bytes, imported_by: str) -> RosterCounts:
        """Swap the whole roster in one transaction: a failure leaves the old one in place."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM roster_name_forms")
            conn.execute("DELETE FROM roster_groups")
            conn.executemany(
                "INSERT INTO roster_name_forms (digest, kind, common_word) "
                "VALUES (:digest, :kind, :common)",
                ({"digest": f.digest, "kind": f.kind.value, "common": int(f.common_word)}
                 for f in forms))
            conn.executemany(
                "INSERT INTO roster_groups (label, pupil_count) VALUES (:label, :count)",
                ({"label": label, "count": count} for label, count in sorted(groups.items())))
            form_count = conn.execute("SELECT COUNT(*) FROM roster_name_forms").fetchone()[0]
            conn.execute(
                "INSERT INTO roster_imports (imported_at, imported_by, pupil_count, form_count, "
                "key_check) VALUES (:at, :by, :pupils, :forms, :check)",
                {"at": utc_now_text(), "by": imported_by, "pupils": pupils,
                 "forms": int(form_count), "check": key_check})
        return self.counts()

    def retire(self, conn: Connection, retired_by: str, reason: str) -> bool:
        """Forget every fingerprint made with a key that is being replaced (inside the
        caller's transaction) and note why; False when there was no roster to retire."""
        latest = conn.execute("SELECT id FROM roster_imports ORDER BY id DESC LIMIT 1"
                              ).fetchone()
        if latest is None:
            return False
        conn.execute("DELETE FROM roster_name_forms")
        conn.execute("DELETE FROM roster_groups")
        conn.execute(
            "INSERT INTO roster_imports (imported_at, imported_by, pupil_count, form_count, "
            "key_check, retired_reason) VALUES (:at, :by, 0, 0, :check, :reason)",
            {"at": utc_now_text(), "by": retired_by, "check": b"", "reason": reason})
        return True

    def clear(self, cleared_by: str, key_check: bytes) -> None:
        """Forget every pupil (e.g. before handing the computer on); the history keeps counts."""
        self.replace((), pupils=0, groups={}, key_check=key_check, imported_by=cleared_by)

    def forms(self) -> list[HashedForm]:
        rows = self._db.query("SELECT digest, kind, common_word FROM roster_name_forms")
        return [HashedForm(bytes(r["digest"]), FormKind(r["kind"]), bool(r["common_word"]))
                for r in rows]

    def key_check(self) -> bytes | None:
        """The check value stored with the latest import, to notice a lost keyring key."""
        row = self._db.query_one(
            "SELECT key_check FROM roster_imports ORDER BY id DESC LIMIT 1")
        return bytes(row["key_check"]) if row else None

    def counts(self) -> RosterCounts:
        latest = self._db.query_one(
            "SELECT imported_at, imported_by, pupil_count, form_count, retired_reason "
            "FROM roster_imports ORDER BY id DESC LIMIT 1")
        if latest is None:
            return RosterCounts()
        if latest["retired_reason"]:
            return RosterCounts(imported_at=str(latest["imported_at"]),
                                imported_by=str(latest["imported_by"]),
                                retired_reason=str(latest["retired_reason"]))
        kinds = self._db.query(
            "SELECT kind, COUNT(*) AS n FROM roster_name_forms GROUP BY kind ORDER BY kind")
        groups = self._db.query("SELECT label, pupil_count FROM roster_groups ORDER BY label")
        return RosterCounts(
            pupils=int(latest["pupil_count"]),
            name_forms=int(latest["form_count"]),
            forms_by_kind={str(r["kind"]): int(r["n"]) for r in kinds},
            groups={str(r["label"]): int(r["pupil_count"]) for r in groups},
            imported_at=str(latest["imported_at"]),
            imported_by=str(latest["imported_by"]),
        )
