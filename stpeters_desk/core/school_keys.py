"""Where this computer's keyring keeps a school's secrets, for a given database.

On SQLite (one computer) the names are the ones every existing install already has:
the audit chain's key "chain key", the roster's "roster hashing key", and one anchor
per database file. A shared PostgreSQL server has a school identity (a random id kept
in the database, made by the first computer that set the school up): each computer
keeps the school's keys under that id, and its own record of where the audit log ends
under the id and the server's address (without its password). A computer receives the
school's keys by joining with a one-time enrolment code (``core.enrolment``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from stpeters_desk.core.storage.db import Database, redact_url
from stpeters_desk.core.storage.school_store import (
    create_school_id,
    read_school_id,
    roster_epoch,
)

CHAIN_PURPOSE = "audit log"
LEGACY_CHAIN_NAME = "chain key"
ROSTER_PURPOSE = "name guard"
LEGACY_ROSTER_NAME = "roster hashing key"
DATABASE_PURPOSE = "database"  # the shared server's password, named by its redacted address


@dataclass(frozen=True)
class KeyNames:
    """(purpose, name) in the keyring of each of a database's secrets."""

    chain: tuple[str, str]
    roster: tuple[str, str]
    anchor: tuple[str, str]


def is_shared(db: Database) -> bool:
    return db.dialect == "postgresql"


def database_place(db: Database) -> str:
    """The database's name in this computer's records: the file's full path, or the
    server's address without its password (and the schema, for tests)."""
    if not is_shared(db):
        return str(db.path.resolve())
    url = str(getattr(db, "url", db.path))
    schema = getattr(db, "schema", None)
    return redact_url(url) + (f" schema {schema}" if schema else "")


def key_names(db: Database, school_id: str | None, roster_epoch: int = 0) -> KeyNames:
    """On SQLite, and on a server with no school yet (no keyring when it was opened): the
    computer's own names, as before; ``set_up_school`` moves those keys under the id.
    ``roster_epoch``: which roster key (a new one each time a computer was removed,
    ``core.roster_keys``)."""
    if not is_shared(db) or school_id is None:
        return KeyNames((CHAIN_PURPOSE, LEGACY_CHAIN_NAME), (ROSTER_PURPOSE, LEGACY_ROSTER_NAME),
                        (CHAIN_PURPOSE, f"anchor {database_place(db)}"))
    sid = school_id
    return KeyNames((CHAIN_PURPOSE, f"{LEGACY_CHAIN_NAME} {sid}"),
                    (ROSTER_PURPOSE, f"{LEGACY_ROSTER_NAME} {sid}"
                                     + (f" #{roster_epoch}" if roster_epoch else "")),
                    (CHAIN_PURPOSE, f"anchor {sid} {database_place(db)}"))


def school_id(db: Database) -> str | None:
    return read_school_id(db.reader())


def names_for(db: Database) -> KeyNames:
    """The names for ``db`` as it is now (a shared database without an id yet: none work);
    the roster's is its current key's."""
    if not is_shared(db):
        return key_names(db, None)
    return key_names(db, school_id(db), roster_epoch(db.reader()))


def set_up_school(db: Database) -> str:
    """Give a shared database its school id (the first computer to set the school up).

    The keys this computer already holds for a database on this computer (the names
    before schools had ids) are kept under the new id, so a school moved from this
    computer's SQLite file to the server keeps its keyed audit log and its roster.
    """
    from stpeters_desk.core import keystore
    from stpeters_desk.core.audit_keys import new_computer_key
    from stpeters_desk.core.devices import this_device
    from stpeters_desk.core.storage.school_store import SchoolStore

    with db.transaction() as conn:
        kept = create_school_id(conn, secrets.token_hex(16))
        me = this_device()
        SchoolStore(db).add_computer(conn, me.device_id, me.name, "set up the school", False,
                                     new_computer_key(kept))
    names, before = key_names(db, kept), key_names(db, None)
    for (purpose, name), (_same, legacy) in ((names.chain, before.chain),
                                             (names.roster, before.roster)):
        if keystore.read_secret(purpose, name) is None:
            old = keystore.read_secret(purpose, legacy)
            keystore.write_secret(purpose, name, old or secrets.token_hex(32))
    anchor = keystore.read_secret(*before.anchor)
    if anchor and keystore.read_secret(*names.anchor) is None:
        keystore.write_secret(*names.anchor, anchor)
    return kept
