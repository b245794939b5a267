"""One-time enrolment codes: how a new computer receives the school's secrets.

On a computer already in the school the head teacher asks for a code (``ops.computers``).
The secrets a new computer needs (the audit chain's key, the roster's key, where the
audit log ended on the giving computer, and the X account's keys only when the head
allowed the new computer to post) are sealed with AES-GCM under a key derived from the
code's secret part by Argon2id (memory-hard), and stored in ``enrolment_offers``. The
database never holds the code, a fast hash of it, or a secret in clear.

A code reads ``ABCD-EFGH-JKMN-PQRS-TUVW``: the first group is the offer's public id (how
the offer is found), the other sixteen characters (about 79 bits) are the secret. The
alphabet leaves out 0, O, 1, I and L, which are read one for the other. A code is valid
for 10 minutes, works once, and the offer is destroyed after 5 wrong secrets; each try
costs the guesser an Argon2id derivation, so 5 tries are all anyone gets.

The offer's id, expiry and "may post" are bound to the ciphertext as associated data:
editing any of them in the database makes the code fail rather than stretch its life.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.storage.audit import NewAuditEntry, append_entries, time_text
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.school_store import (
    DESTROYED,
    EXPIRED,
    OPEN,
    USED,
    OfferRow,
    SchoolStore,
    read_school_id,
)
from stpeters_desk.i18n import translate

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L
OFFER_ID_LENGTH = 4
SECRET_LENGTH = 16
GROUP = 4
VALID_FOR = timedelta(minutes=10)
MAX_FAILURES = 5
# Argon2id's cost: about a third of a second and 64 MiB on an office PC, per try.
KDF_TIME = 3
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 1


class EnrolmentRefused(Exception):
    """The code could not be used; the message says why and what to do."""


@dataclass(frozen=True)
class EnrolmentCode:
    offer_id: str
    secret: str

    def __repr__(self) -> str:  # never let the secret part reach a log
        return f"EnrolmentCode({self.offer_id}-<hidden>)"

    __str__ = __repr__

    @property
    def text(self) -> str:
        """As shown to the head teacher, grouped for typing."""
        whole = self.offer_id + self.secret
        return "-".join(whole[i:i + GROUP] for i in range(0, len(whole), GROUP))


def new_code() -> EnrolmentCode:
    pick = secrets.choice
    return EnrolmentCode("".join(pick(ALPHABET) for _ in range(OFFER_ID_LENGTH)),
                         "".join(pick(ALPHABET) for _ in range(SECRET_LENGTH)))


def parse_code(text: str) -> EnrolmentCode:
    """The code as typed (any case, spaces or dashes between groups)."""
    plain = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(plain) != OFFER_ID_LENGTH + SECRET_LENGTH or any(ch not in ALPHABET for ch in plain):
        raise EnrolmentRefused(translate(
            "Enrolment", "That is not an enrolment code: a code has five groups of four "
                         "letters and digits, like ABCD-EFGH-JKMN-PQRS-TUVW (codes never use "
                         "0, O, 1, I or L). Check what the head teacher's screen shows."))
    return EnrolmentCode(plain[:OFFER_ID_LENGTH], plain[OFFER_ID_LENGTH:])


@dataclass(frozen=True)
class SchoolSecrets:
    """What a new computer receives. Never printed: ``repr`` hides it."""

    school_id: str
    chain_key: bytes | None
    roster_key: bytes | None
    anchor: str | None  # the giving computer's record of where the audit log ended
    x_keys: dict[str, str] | None = field(default=None)
    later_keys: dict[int, bytes] = field(default_factory=dict)  # after removed computers

    def __repr__(self) -> str:
        return f"SchoolSecrets(school {self.school_id}, <hidden>)"

    __str__ = __repr__

    def to_bytes(self) -> bytes:
        return json.dumps({
            "school_id": self.school_id,
            "chain_key": self.chain_key.hex() if self.chain_key else None,
            "roster_key": self.roster_key.hex() if self.roster_key else None,
            "anchor": self.anchor, "x_keys": self.x_keys,
            "later_keys": {str(k): v.hex() for k, v in self.later_keys.items()}}).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> SchoolSecrets:
        raw = json.loads(data.decode())
        x_keys = raw.get("x_keys")
        return cls(str(raw["school_id"]),
                   bytes.fromhex(raw["chain_key"]) if raw.get("chain_key") else None,
                   bytes.fromhex(raw["roster_key"]) if raw.get("roster_key") else None,
                   raw.get("anchor"),
                   {str(k): str(v) for k, v in x_keys.items()} if x_keys else None,
                   {int(k): bytes.fromhex(v) for k, v in (raw.get("later_keys") or {}).items()})


def derive_key(secret: str, salt: bytes, time_cost: int, memory_kib: int) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(secret.encode(), salt, time_cost=time_cost, memory_cost=memory_kib,
                           parallelism=KDF_PARALLELISM, hash_len=32, type=Type.ID)


def _associated_data(offer_id: str, expires_at: datetime, may_post: bool) -> bytes:
    return f"stpeters-desk enrolment|{offer_id}|{expires_at.isoformat()}|{int(may_post)}".encode()


def seal_offer(school: SchoolSecrets, code: EnrolmentCode, *, created_by: str,
               created_on: str, may_post: bool, now: datetime) -> OfferRow:
    """The offer row for ``code``: the secrets sealed, nothing else worth stealing."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    expires = now + VALID_FOR
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    key = derive_key(code.secret, salt, KDF_TIME, KDF_MEMORY_KIB)
    sealed = AESGCM(key).encrypt(nonce, school.to_bytes(),
                                 _associated_data(code.offer_id, expires, may_post))
    return OfferRow(code.offer_id, now, expires, created_by, created_on, may_post, salt,
                    KDF_TIME, KDF_MEMORY_KIB, nonce, sealed, 0, OPEN)


def open_sealed(offer: OfferRow, code: EnrolmentCode) -> SchoolSecrets | None:
    """The secrets, or None when the code's secret part is wrong (or the row was edited)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = derive_key(code.secret, offer.kdf_salt, offer.kdf_time, offer.kdf_memory)
    try:
        data = AESGCM(key).decrypt(offer.nonce, offer.sealed, _associated_data(
            offer.offer_id, offer.expires_at, offer.may_post))
    except InvalidTag:
        return None
    return SchoolSecrets.from_bytes(data)


def make_offer(db: Database, school: SchoolSecrets, *, created_by: str, created_on: str,
               may_post: bool, now: datetime | None = None) -> EnrolmentCode:
    """Store a new offer (inside the caller's transaction if any); returns its code, which
    exists nowhere else: show it once."""
    moment = datetime.now(UTC) if now is None else now
    store = SchoolStore(db)
    with db.transaction() as conn:
        store.expire_old_offers(conn, moment)
        code = new_code()
        while store.offer_exists(conn, code.offer_id):
            code = new_code()
        store.add_offer(conn, seal_offer(school, code, created_by=created_by,
                                         created_on=created_on, may_post=may_post, now=moment))
    return code


@dataclass(frozen=True)
class Joined:
    secrets: SchoolSecrets
    may_post: bool
    offer_id: str
    made_by: str


def _refusal_for(offer: OfferRow | None, code: EnrolmentCode) -> str:
    if offer is None:
        return translate("Enrolment", "No enrolment code on this server starts with {offer}. "
                                      "Check the first group and the server's address, or ask "
                                      "the head teacher for a new code.").format(
            offer=code.offer_id)
    if offer.state == USED:
        return translate("Enrolment", "This enrolment code was already used: each code works "
                                      "once. Ask the head teacher for a new one.")
    if offer.state == DESTROYED:
        return translate("Enrolment", "This enrolment code was typed wrongly {count} times, so "
                                      "it was destroyed. Ask the head teacher for a new "
                                      "one.").format(count=MAX_FAILURES)
    return translate("Enrolment", "This enrolment code has expired (codes last {minutes} "
                                  "minutes). Ask the head teacher for a new one.").format(
        minutes=int(VALID_FOR.total_seconds() // 60))


class _Joining:
    """The write guard while a computer joins: it has no keys until the code opens them;
    then the join's audit entry is chained, and the seal kept, with the school's key."""

    def __init__(self) -> None:
        self.key: bytes | None = None

    @property
    def chain_key(self) -> bytes | None:
        return self.key

    def before_begin(self) -> None:
        return None

    def before_write(self, conn: Connection) -> None:
        return None

    def before_commit(self, conn: Connection) -> None:
        from stpeters_desk.core.storage.audit import read_head
        from stpeters_desk.core.storage.seal import part_macs, store_macs

        head = read_head(conn)
        if self.key is not None and head is not None and head.keyed_from_id is not None:
            store_macs(conn, part_macs(conn, self.key, head.last_hash))

    def after_commit(self, conn: Connection) -> None:
        return None


def join_school(db: Database, code_text: str, device_id: str, device_label: str,
                keep: Callable[[SchoolSecrets], None], now: datetime | None = None) -> Joined:
    """Use the code: in one transaction the offer is locked, checked, opened and marked
    used, this computer is recorded as a school computer (and registered to post when the
    head allowed it), and the audit log says so; ``keep`` stores the secrets in this
    computer's keyring before that transaction commits. A wrong code is counted (the
    count is kept), and the fifth destroys the offer."""
    from stpeters_desk.core.storage.device_store import DeviceStore

    code = parse_code(code_text)
    moment = datetime.now(UTC) if now is None else now
    store = SchoolStore(db)
    previous, joining = db.guard, _Joining()
    db.guard = joining
    refusal = ""
    try:
        with db.transaction() as conn:
            offer = store.lock_offer(conn, code.offer_id)
            if offer is not None and offer.state == OPEN and offer.expires_at <= moment:
                store.close_offer(conn, offer.offer_id, EXPIRED)
                offer = store.lock_offer(conn, code.offer_id)
            if offer is None or offer.state != OPEN:
                refusal = _refusal_for(offer, code)
                opened = None
            else:
                opened = open_sealed(offer, code)
                if opened is None:
                    failures = store.count_failure(conn, offer.offer_id)
                    if failures >= MAX_FAILURES:
                        store.close_offer(conn, offer.offer_id, DESTROYED)
                        refusal = _refusal_for(store.lock_offer(conn, offer.offer_id), code)
                    else:
                        refusal = translate(
                            "Enrolment", "That code is not right. Check it against the head "
                                         "teacher's screen: {left} more tries before the code "
                                         "is destroyed.").format(left=MAX_FAILURES - failures)
            if opened is not None and offer is not None:
                if opened.school_id != read_school_id(conn):
                    raise EnrolmentRefused(translate(
                        "Enrolment", "This code was made for another school's database."))
                from stpeters_desk.core.audit_keys import key_for, new_computer_key

                joining.key = key_for(2**62, opened.chain_key, opened.later_keys)
                store.close_offer(conn, offer.offer_id, USED, used_by=device_id)
                keep(opened)  # before this computer's own key pair joins them in the keyring
                store.add_computer(conn, device_id, device_label.rsplit(" (", 1)[0],
                                   offer.offer_id, offer.may_post,
                                   new_computer_key(opened.school_id))
                entry = NewAuditEntry(
                    actor=f"{offer.created_by} (enrolment code {offer.offer_id})",
                    action=AuditAction.COMPUTER_JOINED, target=device_label,
                    detail=(f"code made on {offer.created_on}; may post" if offer.may_post
                            else f"code made on {offer.created_on}"),
                    device=device_label, at=time_text(moment))
                if offer.may_post:
                    DeviceStore(db).set_registered(
                        device_id, device_label.rsplit(" (", 1)[0], True, offer.created_by,
                        moment, [entry])
                else:
                    append_entries(conn, [entry])
                return Joined(opened, offer.may_post, offer.offer_id, offer.created_by)
    finally:
        db.guard = previous
    raise EnrolmentRefused(refusal)
