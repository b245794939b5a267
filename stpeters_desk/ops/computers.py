"""The school's computers on a shared server: enrolment codes, joining, removing.

``make_enrolment_code`` (head-teacher PIN, audited) seals what a new computer needs
(``core.enrolment``) and returns the one-time code, shown once. ``join_this_computer``
runs on the new computer (``stpeters-desk computer join``): the code is the authority
there, as no one can sign in before the computer has the school's keys.
``remove_computer`` (head-teacher PIN, audited) marks a computer removed: the gate
then refuses everything on it, the app will not start there, and the audit log gets a
new key that the removed computer is not given (see its docstring for what is not
rotated).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from stpeters_desk.core import keystore, school_keys
from stpeters_desk.core.devices import DeviceIdentity, this_device
from stpeters_desk.core.enrolment import (
    VALID_FOR,
    EnrolmentCode,
    Joined,
    SchoolSecrets,
    join_school,
    make_offer,
)
from stpeters_desk.core.refusals import InvalidInput, NotAllowed
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.device_store import DeviceStore
from stpeters_desk.core.storage.school_store import SchoolComputer, SchoolStore
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.gate import Clearance
from stpeters_desk.ops.session import Session


@dataclass(frozen=True)
class OfferShown:
    """The code to show once, and until when it works."""

    code: EnrolmentCode
    minutes: int
    may_post: bool


def validate_enrolment(services: DeskServices) -> None:
    """Why no code can be made here (checked before the head-teacher PIN is asked)."""
    db = services.db
    if db is None or not school_keys.is_shared(db):
        raise InvalidInput(translate(
            "Computers", "Enrolment codes are for a school whose computers share a database "
                         "server. This computer keeps its own database, so there is nothing "
                         "to join."))
    guard = db.guard
    if guard is None or guard.chain_key is None:
        raise InvalidInput(translate(
            "Computers", "This computer cannot read the school's audit key, so it cannot pass "
                         "it on. Make the code on another school computer."))


class ComputerOperations:
    def __init__(self, services: DeskServices) -> None:
        self._services = services

    @property
    def _db(self) -> Database:
        if self._services.db is None:
            raise NotAllowed(translate("Operations", "The school's database is not open, so "
                                                     "nothing was changed."))
        return self._services.db

    def make_enrolment_code(self, session: Session, head_pin: str,
                            may_post: bool = False) -> OfferShown:
        """A one-time code for a new computer; the code is in no file and no log: show it."""
        validate_enrolment(self._services)
        db = self._db

        def make(clearance: Clearance) -> EnrolmentCode:
            return make_offer(db, self._secrets(may_post), created_by=clearance.actor,
                              created_on=session.computer, may_post=may_post)

        code = gate_of(self._services).perform(
            session, Action.ENROL_COMPUTER, make, target="a new computer",
            detail=lambda c: f"offer {c.offer_id}, valid {_minutes()} minutes" + (
                ", may post" if may_post else ""), head_pin=head_pin)
        return OfferShown(code, _minutes(), may_post)

    def _secrets(self, may_post: bool) -> SchoolSecrets:
        db = self._db
        guard = db.guard
        assert guard is not None
        school_id = school_keys.school_id(db)
        if school_id is None:
            raise InvalidInput(translate("Computers", "The school is not set up on this server "
                                                      "yet."))
        names = school_keys.names_for(db)
        roster = keystore.read_secret(*names.roster)
        anchor = getattr(guard, "anchor", None)
        x_keys = _x_keys() if may_post else None
        if may_post and x_keys is None:
            raise InvalidInput(translate(
                "Computers", "The X account is not connected on this computer, so its keys "
                             "cannot be passed on. Untick “may post”, or make the code on the "
                             "computer where X was connected."))
        later = dict(getattr(guard, "later_keys", None) or {})
        return SchoolSecrets(school_id, guard.chain_key,
                             bytes.fromhex(roster) if roster else None,
                             anchor.to_text() if anchor is not None else None, x_keys, later)

    def computers(self) -> list[SchoolComputer]:
        return SchoolStore(self._db).computers()

    def remove_computer(self, session: Session, device_id: str, head_pin: str,
                        reason: str = "") -> None:
        """Mark a computer removed: the gate refuses everything on it from now on, it is no
        longer registered to post, the app does not start there, and the audit log gets a
        new key from this removal's own entry on, sealed for each remaining computer
        (``core.audit_keys``), so the removed one cannot write a valid entry after it.

        What this does not change: the roster's key (a new one cannot re-key the stored
        fingerprints, as the names are not kept: the roster would have to be imported
        again) and the X account's keys (regenerate them on x.com and reconnect X, if the
        computer could post). Its database role is dropped by the technician's script
        (remove-computer.sql): that is what shuts it out of the server.
        """
        store = SchoolStore(self._db)
        known = {c.device_id: c for c in store.computers()}
        computer = known.get(device_id)
        if computer is None or computer.removed_at is not None:
            raise InvalidInput(translate("Computers", "That computer is not one of the "
                                                      "school's computers (or was removed "
                                                      "already)."))
        if self._services.device is not None and device_id == self._services.device.device_id:
            raise InvalidInput(translate("Computers", "A computer cannot remove itself: do it "
                                                      "from another school computer."))
        label = DeviceIdentity(device_id, computer.name).label

        school_id = school_keys.school_id(self._db)

        def remove(clearance: Clearance) -> int:
            from stpeters_desk.core.audit_keys import rotate

            with self._db.transaction() as conn:
                store.remove_computer(conn, device_id, clearance.actor)
                if DeviceStore(self._db).registered(device_id) is not None:
                    DeviceStore(self._db).set_registered(device_id, computer.name, False,
                                                         clearance.actor, _now(), [])
                if school_id is None:
                    return 0
                from_id, _key = rotate(conn, self._db, school_id, clearance.actor)
                return from_id

        gate_of(self._services).perform(
            session, Action.REMOVE_COMPUTER, remove, target=label, reason=reason,
            detail=lambda from_id: (
                "no longer allowed to act or post; its database role is to be dropped with "
                f"remove-computer.sql; the audit log has a new key from entry #{from_id} on "
                "(this entry), given to the remaining computers; the roster and X keys it "
                "held are not changed"),
            head_pin=head_pin)


def _minutes() -> int:
    return int(VALID_FOR.total_seconds() // 60)


def _now() -> datetime:
    return datetime.now(UTC)


def _x_keys() -> dict[str, str] | None:
    from dataclasses import asdict

    from stpeters_desk.x.credentials import load_credentials

    credentials = load_credentials()
    return None if credentials is None else {k: str(v) for k, v in asdict(credentials).items()}


def keep_school_secrets(db: Database, secrets: SchoolSecrets) -> None:
    """Store what a join received in this computer's keyring, under the school's id."""
    names = school_keys.key_names(db, secrets.school_id)
    if secrets.chain_key is not None:
        keystore.write_secret(*names.chain, secrets.chain_key.hex())
    if secrets.roster_key is not None:
        keystore.write_secret(*names.roster, secrets.roster_key.hex())
    if secrets.anchor:
        keystore.write_secret(*names.anchor, secrets.anchor)
    if secrets.later_keys:
        from stpeters_desk.core.audit_keys import keep_later_keys

        keep_later_keys(secrets.school_id, secrets.later_keys)
    if secrets.x_keys:
        from stpeters_desk.x.credentials import XCredentials, save_credentials

        save_credentials(XCredentials(**secrets.x_keys))


def join_this_computer(db: Database, code_text: str,
                       device: DeviceIdentity | None = None) -> Joined:
    """Join the school on ``db`` with a code (``core.enrolment.join_school``)."""
    me = device or this_device()
    return join_school(db, code_text, me.device_id, me.label,
                       lambda secrets: keep_school_secrets(db, secrets))


def server_shown(services: DeskServices) -> str:
    """The server the window opened, without its password."""
    from stpeters_desk.core.storage.db import redact_url

    db = services.db
    return "" if db is None else redact_url(str(getattr(db, "url", db.path)))


def join_and_remember(services: DeskServices, code_text: str) -> Joined:
    """Join from the window: the server it was opened on is remembered (its password, if
    the address has one, goes to the keyring only)."""
    from stpeters_desk.core.shared_server import keep_password, remember_server

    db = services.db
    if db is None:
        raise NotAllowed(translate("Operations", "The school's database is not open, so "
                                                 "nothing was changed."))
    joined = join_this_computer(db, code_text, services.device)
    url = str(getattr(db, "url", ""))
    if url:
        keep_password(url)
        remember_server(url)
    return joined
