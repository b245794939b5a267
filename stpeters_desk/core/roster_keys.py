"""The pupil roster's key on a shared server: a new one whenever a computer is removed.

The roster's fingerprints are keyed hashes (HMAC) of pupils' names; a removed computer
still holds the key they were made with, so with a copy of the fingerprints it could
test names against them. When the head removes a computer a new roster key is made and
sealed for each remaining computer's X25519 key exactly as the audit key is
(``core.audit_keys.seal_for``), and the old fingerprints are retired: the names are not
kept, so they cannot be re-keyed, and the roster must be imported again. Until it is,
the name guard refuses (``core.roster.load_name_guard``).

Keyring names (purpose "name guard"): the first key ``roster hashing key {school}``, each
later one ``roster hashing key {school} #{epoch}``.
"""

from __future__ import annotations

import secrets

from stpeters_desk.core import keystore
from stpeters_desk.core.audit_keys import ROSTER_KEY, computer_key_name, open_envelope, seal_for
from stpeters_desk.core.school_keys import CHAIN_PURPOSE, ROSTER_PURPOSE, key_names
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.school_store import SchoolStore, roster_epoch


def rotate_roster_key(conn: Connection, db: Database, school_id: str, by: str) -> int:
    """A new roster key sealed for each remaining computer (inside the caller's
    transaction, after the removed computer was marked); returns its epoch."""
    store = SchoolStore(db)
    epoch = store.add_roster_epoch(conn, by)
    key = secrets.token_bytes(32)
    for device_id, public_hex in store.public_keys(conn).items():
        store.add_roster_envelope(conn, device_id, epoch,
                                  *seal_for(public_hex, key, school_id, epoch, ROSTER_KEY))
    keystore.write_secret(*key_names(db, school_id, epoch).roster, key.hex())
    return epoch


def received_roster_key(db: Database, school_id: str, device_id: str) -> bytes | None:
    """The current roster key from the envelope sealed for this computer, kept in its
    keyring the first time; None when there is none for it (it was removed, joined
    without a key pair, or the roster key was never rotated)."""
    conn = db.reader()
    epoch = roster_epoch(conn)
    if epoch == 0:
        return None
    private = keystore.read_secret(CHAIN_PURPOSE, computer_key_name(school_id))
    envelope = SchoolStore(db).roster_envelope(conn, device_id, epoch)
    if private is None or envelope is None:
        return None
    key = open_envelope(private, *envelope, school_id, epoch, ROSTER_KEY)
    if key is None:
        return None
    purpose, name = key_names(db, school_id, epoch).roster
    assert purpose == ROSTER_PURPOSE
    keystore.write_secret(purpose, name, key.hex())
    return key
