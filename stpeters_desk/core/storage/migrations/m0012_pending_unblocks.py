"""Migration 12: pending unblocks are kept, and reply reasons become data.

Unblocks: an unblock is a hand-off. The head's PIN approves it here, a person finishes it
on x.com, and the app confirms it when the account's blocked list no longer shows the
account. Until now the waiting unblocks lived only in the Followers tab, so signing out,
an idle lock or a restart forgot them and nobody was reminded to finish one. One row per
account, kept until the blocked list confirms the unblock.

Reasons: each reply's reasons (and notes) were English sentences, read back with regular
expressions to translate them and to find safeguarding replies. They become JSON (the rule,
its kind, the words found) in the same columns; the sentences already stored are converted
once here. A line this cannot read is kept as written (it is then shown as it was).
"""

from __future__ import annotations

import json

from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.migrations.base import Migration

_WEAK = "Only weak signs, not enough to ask for a review: "
_READ_AS = " (read as "
_BUILT_IN_RULES = {"hidden word (letters replaced by symbols)": "masked word",
                   "personal details in public": "personal details"}
_BUILT_IN_WORDS = {"a link": "link", "a phone number or email address": "contact details"}
_NAMES_A_CHILD = "Names a child ("


def _words(text: str) -> list[dict[str, str]] | None:
    """'"s**t" (read as "shit"), "crap"' as found words; None when it is not that shape."""
    parts = text.split('"')
    if len(parts) < 3 or len(parts) % 2 == 0 or parts[0].strip():
        return None
    words: list[dict[str, str]] = []
    index = 1
    while index < len(parts):
        found, after = parts[index], parts[index + 1]
        if after == _READ_AS and index + 3 < len(parts):
            words.append({"found": found, "reads_as": parts[index + 2]})
            index += 4
            continue
        if after.strip(", )"):  # anything but a separator between quoted words
            return None
        built_in = _BUILT_IN_WORDS.get(found)
        words.append({"built_in": built_in} if built_in else {"found": found})
        index += 2
    return words


def _reason(piece: str, weak: bool) -> dict[str, object]:
    rule, colon, rest = piece.partition(": ")
    words = _words(rest) if colon else None
    if words is None:
        return {"rule": piece, "kind": "", "words": []}  # shown as written
    rule = _BUILT_IN_RULES.get(rule.casefold(), rule)
    data: dict[str, object] = {"rule": rule, "kind": "", "words": words}
    if weak:
        data["weak"] = True
    return data


def _reasons(text: str) -> str:
    reasons: list[dict[str, object]] = []
    for line in text.split("\n"):
        if not line:
            continue
        if line.startswith(_WEAK):
            reasons.extend(_reason(piece, True) for piece in line[len(_WEAK):].split("; "))
        else:
            reasons.append(_reason(line, False))
    return json.dumps(reasons, ensure_ascii=False)


def _notes(text: str) -> str:
    notes: list[dict[str, object]] = []
    for line in text.split("\n"):
        if line.startswith(_NAMES_A_CHILD) and ")." in line:
            names = line[len(_NAMES_A_CHILD):line.index(").")].split(", ")
            notes.append({"names_a_child": names})
        elif line:
            notes.append({"as_written": line})
    return json.dumps(notes, ensure_ascii=False)


def _convert_reasons(conn: Connection) -> None:
    rows = conn.execute("SELECT account_kind, post_id, reasons, notes FROM moderation_mentions"
                        ).fetchall()
    for kind, post_id, reasons, notes in rows:
        conn.execute("UPDATE moderation_mentions SET reasons = :reasons, notes = :notes "
                     "WHERE account_kind = :kind AND post_id = :id",
                     {"reasons": _reasons(reasons or ""), "notes": _notes(notes or ""),
                      "kind": kind, "id": post_id})


MIGRATION = Migration(12, "pending unblocks kept; reply reasons stored as data", (
    """CREATE TABLE moderation_unblocks (
        account_kind TEXT NOT NULL,
        user_id TEXT NOT NULL,
        handle TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        requested_by TEXT NOT NULL,
        approved_by TEXT NOT NULL DEFAULT '',
        requested_at TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (account_kind, user_id)
    )""",
), apply=_convert_reasons)
