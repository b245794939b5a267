"""The school's Twitter policy text, one copy for every computer (see migration 20)."""

from __future__ import annotations

from dataclasses import dataclass

from stpeters_desk.core.storage.db import Database, utc_now_text


@dataclass(frozen=True)
class LoadedPolicy:
    text: str
    file_name: str
    loaded_at: str
    loaded_by: str


class PolicyStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def current(self) -> LoadedPolicy | None:
        row = self._db.query_one(
            "SELECT text, file_name, loaded_at, loaded_by FROM school_policy WHERE id = 1")
        if row is None:
            return None
        return LoadedPolicy(str(row["text"]), str(row["file_name"]), str(row["loaded_at"]),
                            str(row["loaded_by"]))

    def keep(self, text: str, file_name: str, by: str) -> None:
        """The policy as loaded now, replacing any earlier one."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO school_policy (id, text, file_name, loaded_at, loaded_by) "
                "VALUES (1, :text, :name, :at, :by) ON CONFLICT (id) DO UPDATE SET "
                "text = excluded.text, file_name = excluded.file_name, "
                "loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by",
                {"text": text, "name": file_name, "at": utc_now_text(), "by": by})
