"""The audit chain's keys on a shared server: one per period, a new one when a computer goes.

Each school computer has an X25519 key pair: the private half in its own keyring, the
public half in ``school_computers``. When the head removes a computer, a new chain key
is made; from the next entry on the chain and the seal use it, and it is sealed for
every remaining computer's public key (X25519, HKDF-SHA256, AES-GCM) in
``audit_key_envelopes``. The removed computer has no envelope, so it cannot write a
valid entry after that point; it still knows the earlier keys (it had them), which is
why its database role must also be dropped.

Keyring names (purpose "audit log"): the first key is ``chain key {school}``, each later
one ``chain key {school} from {entry}``, this computer's private key ``computer key
{school}``.
"""

from __future__ import annotations

import secrets

from stpeters_desk.core import keystore
from stpeters_desk.core.school_keys import CHAIN_PURPOSE
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.school_store import SchoolStore, key_epochs


def _later_name(school_id: str, from_id: int) -> str:
    return f"chain key {school_id} from {from_id}"


def computer_key_name(school_id: str) -> str:
    return f"computer key {school_id}"


def new_computer_key(school_id: str) -> str:
    """Make this computer's key pair, keep the private half; returns the public half (hex)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = X25519PrivateKey.generate()
    keystore.write_secret(CHAIN_PURPOSE, computer_key_name(school_id), private.private_bytes(
        Encoding.Raw, PrivateFormat.Raw, NoEncryption()).hex())
    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


AUDIT_KEY, ROSTER_KEY = "audit key", "roster key"  # what a sealed key is for


def _wrapping_key(shared: bytes, school_id: str, from_id: int, what: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt=None,
                info=f"stpeters-desk {what}|{school_id}|{from_id}".encode()).derive(shared)


def seal_for(public_hex: str, key: bytes, school_id: str, from_id: int,
             what: str = AUDIT_KEY) -> tuple[str, bytes, bytes]:
    """``key`` sealed for one computer's public key; ``what`` keeps an audit key's envelope
    from ever opening as a roster key's (and the other way round)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)))
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_wrapping_key(shared, school_id, from_id, what)).encrypt(
        nonce, key, f"{school_id}|{from_id}".encode())
    return (ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex(), nonce,
            sealed)


def open_envelope(private_hex: str, ephemeral: str, nonce: bytes, sealed: bytes,
                  school_id: str, from_id: int, what: str = AUDIT_KEY) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    private = X25519PrivateKey.from_private_bytes(bytes.fromhex(private_hex))
    shared = private.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(ephemeral)))
    try:
        return AESGCM(_wrapping_key(shared, school_id, from_id, what)).decrypt(
            nonce, sealed, f"{school_id}|{from_id}".encode())
    except InvalidTag:
        return None


def later_keys(conn: Connection, db: Database, school_id: str, device_id: str
               ) -> dict[int, bytes] | None:
    """Every later key the chain uses, from this computer's keyring or, the first time,
    from the envelope sealed for it; None when one is missing (not given to this computer:
    it was removed, or has no key pair)."""
    found: dict[int, bytes] = {}
    for from_id in key_epochs(conn):
        name = _later_name(school_id, from_id)
        stored = keystore.read_secret(CHAIN_PURPOSE, name)
        if stored:
            found[from_id] = bytes.fromhex(stored)
            continue
        private = keystore.read_secret(CHAIN_PURPOSE, computer_key_name(school_id))
        envelope = SchoolStore(db).envelope(conn, device_id, from_id)
        if private is None or envelope is None:
            return None
        key = open_envelope(private, *envelope, school_id, from_id)
        if key is None:
            return None
        keystore.write_secret(CHAIN_PURPOSE, name, key.hex())
        found[from_id] = key
    return found


def keep_later_keys(school_id: str, keys: dict[int, bytes]) -> None:
    for from_id, key in keys.items():
        keystore.write_secret(CHAIN_PURPOSE, _later_name(school_id, from_id), key.hex())


def rotate(conn: Connection, db: Database, school_id: str, by: str) -> tuple[int, bytes]:
    """A new chain key from the next entry on, sealed for each remaining computer (inside
    the caller's transaction, after the removed computer was marked); returns (from, key)."""
    from stpeters_desk.core.storage.audit import read_head

    head = read_head(conn)
    from_id = (head.last_id if head is not None else 0) + 1
    key = secrets.token_bytes(32)
    store = SchoolStore(db)
    store.add_epoch(conn, from_id, by)
    from datetime import UTC, datetime

    store.expire_open_offers(conn, datetime.now(UTC))  # they carry the keys as they were
    for device_id, public_hex in store.public_keys(conn).items():
        store.add_envelope(conn, device_id, from_id, *seal_for(public_hex, key, school_id,
                                                               from_id))
    keystore.write_secret(CHAIN_PURPOSE, _later_name(school_id, from_id), key.hex())
    return from_id, key


def key_for(entry_id: int, first: bytes | None, later: dict[int, bytes]) -> bytes | None:
    """The key entry ``entry_id`` is hashed with."""
    key = first
    for from_id in sorted(later):
        if entry_id >= from_id:
            key = later[from_id]
    return key
