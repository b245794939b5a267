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
from stpeters_desk.core.storage.school_store import (
    SchoolComputer,
    SchoolStore,
    roster_epoch,
    x_keys_generation,
)
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
        roster = _roster_key(db)
        anchor = getattr(guard, "anchor", None)
        if may_post and x_keys_retired(db):
            raise InvalidInput(translate(
                "Computers", "The X keys on this computer were retired when a computer that "
                             "held them was removed, so they cannot be passed on. Reconnect X "
                             "with regenerated keys first, or untick “may post”."))
        x_keys = _x_keys() if may_post else None
        if may_post and x_keys is None:
            raise InvalidInput(translate(
                "Computers", "The X account is not connected on this computer, so its keys "
                             "cannot be passed on. Untick “may post”, or make the code on the "
                             "computer where X was connected."))
        later = dict(getattr(guard, "later_keys", None) or {})
        return SchoolSecrets(school_id, guard.chain_key, roster,
                             anchor.to_text() if anchor is not None else None, x_keys, later)

    def computers(self) -> list[SchoolComputer]:
        return SchoolStore(self._db).computers()

    def remove_computer(self, session: Session, device_id: str, head_pin: str,
                        reason: str = "") -> Removal:
        """Mark a computer removed and rotate the secrets it held, in one transaction:

        - the gate refuses everything on it from now on, it is no longer registered to
          post, and the app does not start there;
        - the audit log gets a new key from this removal's own entry on, sealed for each
          remaining computer (``core.audit_keys``), so it cannot write a valid entry after;
        - the roster gets a new key sealed the same way (``core.roster_keys``), and the
          fingerprints made with the old one are retired: the names are not kept, so they
          cannot be re-keyed, and the name guard refuses until the roster is imported again;
        - if it could post (enrolled with "may post", or X was connected on it), the X
          keys are marked retired: no computer posts with the keys it holds until the head
          regenerates them on the X developer portal and reconnects X there.

        The result lists what the head must do. Its database role is dropped by the
        technician's script (remove-computer.sql): that is what shuts it out of the server.
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

        def remove(clearance: Clearance) -> Removal:
            from stpeters_desk.core.audit_actions import AuditAction
            from stpeters_desk.core.audit_keys import rotate
            from stpeters_desk.core.roster import retired_roster_message
            from stpeters_desk.core.roster_keys import rotate_roster_key
            from stpeters_desk.core.storage.roster_store import RosterStore

            with self._db.transaction() as conn:
                could_post = computer.may_post or store.connected_x_on(
                    conn, device_id, AuditAction.X_ACCOUNT_CONNECTED)
                store.remove_computer(conn, device_id, clearance.actor)
                if DeviceStore(self._db).registered(device_id) is not None:
                    DeviceStore(self._db).set_registered(device_id, computer.name, False,
                                                         clearance.actor, _now(), [])
                if school_id is None:
                    return Removal(label, 0, False, False)
                from_id, _key = rotate(conn, self._db, school_id, clearance.actor)
                rotate_roster_key(conn, self._db, school_id, clearance.actor)
                roster_retired = RosterStore(self._db).retire(
                    conn, clearance.actor, retired_roster_message())
                if could_post:
                    store.retire_x_keys(conn, clearance.actor, f"{label} was removed")
                return Removal(label, from_id, roster_retired, could_post)

        removal = gate_of(self._services).perform(
            session, Action.REMOVE_COMPUTER, remove, target=label, reason=reason,
            detail=lambda r: r.for_the_record(), head_pin=head_pin)
        self._services.forget_name_guard()
        return removal


@dataclass(frozen=True)
class Removal:
    """What removing a computer rotated, and what the head teacher must do next."""

    label: str
    audit_key_from: int
    roster_retired: bool
    x_keys_retired: bool

    def for_the_record(self) -> str:
        """The audit entry's detail: what was rotated (never a key)."""
        parts = ["no longer allowed to act or post; its database role is to be dropped with "
                 "remove-computer.sql"]
        if self.audit_key_from:
            parts.append(f"the audit log has a new key from entry #{self.audit_key_from} on "
                         "(this entry), given to the remaining computers")
            parts.append("the roster has a new key, given to the remaining computers; "
                         + ("the fingerprints made with the old key were retired: the roster "
                            "must be imported again" if self.roster_retired
                            else "no roster was imported"))
            parts.append("the X keys were retired: X must be reconnected with regenerated "
                         "keys before anything is posted" if self.x_keys_retired
                         else "it could not post, so the X keys were not retired")
        else:
            parts.append("the school has no keys on this database, so none were rotated")
        return "; ".join(parts)

    def checklist(self) -> tuple[str, ...]:
        """What the head teacher must do now, in plain words."""
        steps = [translate("Computers", "Ask IT to remove its database account "
                                        "(remove-computer.sql).")]
        if self.roster_retired:
            steps.append(translate("Computers", "Import the pupil roster again (the old one "
                                                "was made unreadable to the removed "
                                                "computer)."))
        if self.x_keys_retired:
            steps.append(translate("Computers", "Regenerate the X keys on the X developer "
                                                "portal and reconnect X (the removed computer "
                                                "had them)."))
        return tuple(steps)


def x_keys_retired(db: Database | None) -> bool:
    """True when the school's X keys were retired (a computer that held them was removed)
    after the keys in this computer's keyring were connected: they must not be used until
    the head teacher reconnects X with regenerated keys."""
    if db is None:
        return False
    required = x_keys_generation(db.reader())
    if required == 0:
        return False
    from stpeters_desk.x.credentials import load_keys_generation

    try:
        return load_keys_generation() < required
    except keystore.KeyringUnavailable:
        return True


def x_keys_retired_message() -> str:
    return translate(
        "Computers", "Not posted: the X account's keys were retired when a computer that held "
                     "them was removed from the school. The head teacher must regenerate the "
                     "keys on the X developer portal and reconnect X in Settings; until then "
                     "nothing is sent with the old keys.")


def _minutes() -> int:
    return int(VALID_FOR.total_seconds() // 60)


def _now() -> datetime:
    return datetime.now(UTC)


def _roster_key(db: Database) -> bytes | None:
    """The school's current roster key, if this computer has it (from its envelope the
    first time after a removal), to pass on to a new computer."""
    from stpeters_desk.core.roster import RosterKeyError, roster_key

    try:
        return roster_key(create=False, db=db)
    except RosterKeyError:
        return None


def _x_keys() -> dict[str, str] | None:
    from dataclasses import asdict

    from stpeters_desk.x.credentials import load_credentials

    credentials = load_credentials()
    return None if credentials is None else {k: str(v) for k, v in asdict(credentials).items()}


def keep_school_secrets(db: Database, secrets: SchoolSecrets) -> None:
    """Store what a join received in this computer's keyring, under the school's id."""
    conn = db.reader()
    names = school_keys.key_names(db, secrets.school_id, roster_epoch(conn))
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
        generation = x_keys_generation(conn)
        if generation:
            from stpeters_desk.x.credentials import save_keys_generation

            save_keys_generation(generation)


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
