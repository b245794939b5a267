"""Typing kept on this computer while the school's database server cannot be reached.

On a shared server (issue 18) the drafts live in the database. When the server cannot be
reached, the composer's text (and a half-written note) is written to a small file in
this computer's data folder instead, one per person and slot, readable by this user
only; when the server answers again it is put back in the person's draft and the file
removed. Nothing else is kept here: no tweet is posted, approved or recorded meanwhile.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

FOLDER = "offline-drafts"


class LocalDrafts:
    """One file per (person, slot) under ``<data folder>/offline-drafts``."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / FOLDER

    def _path(self, staff_id: int, slot: str) -> Path:
        safe = re.sub(r"[^A-Za-z0-9_-]", "_", slot)
        return self.folder / f"{staff_id}-{safe}.txt"

    def keep(self, staff_id: int, slot: str, text: str) -> None:
        """Write the text (atomically: a crash leaves the old file or the new one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(staff_id, slot)
        part = path.with_suffix(".part")
        descriptor = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(part, path)

    def kept(self, staff_id: int, slot: str) -> str | None:
        """The text kept while the server was away, or None when there is none."""
        try:
            return self._path(staff_id, slot).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def forget(self, staff_id: int, slot: str) -> None:
        """The server has the text now: remove the local copy."""
        self._path(staff_id, slot).unlink(missing_ok=True)
