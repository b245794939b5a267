"""The school's own set-up: this computer, the X account, the roster, the kiosk, the
policy and the settings.

Every change here passes the ``Gate`` (the table of actions: role, head-teacher PIN,
reason) and is written with its audit entry in one transaction. Where the change
leaves the database (the X keys and password go to the keyring, keys are checked
with X first) the gate clears the action first, the outside step runs, and only
then the database change and the audit entry are written together. Settings go
through the typed registry in ``core.settings_registry``: a setting with its own
operation is changed only by it. No staff directory: anything that needs the
head-teacher PIN is refused (fail closed).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from stpeters_desk.core.refusals import InvalidInput, NotAllowed, NotSignedIn
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import (
    KIOSK_MODE,
    POLICY_ADOPTED_ON,
    POLICY_INTERVAL_MONTHS,
    REAL_ACCOUNT_CONNECTED,
    Setting,
    read,
    tour_seen,
    write,
)
from stpeters_desk.core.storage.audit import NewAuditEntry, append_entries
from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.policy_store import PolicyStore
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.gate import Clearance, Gate
from stpeters_desk.ops.session import Session

if TYPE_CHECKING:
    from stpeters_desk.core.devices import DeviceIdentity, DeviceRegistry, PostingException
    from stpeters_desk.core.storage.roster_store import RosterCounts
    from stpeters_desk.x.credentials import XCredentials
    from stpeters_desk.x.models import Account

T = TypeVar("T")

LEGACY_POLICY_FILE = "school-twitter-policy.txt"  # where a policy was kept before migration 20
MAX_POLICY_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class TripWindow:
    """A checked posting exception, ready for the head's PIN."""

    start: datetime
    end: datetime
    reason: str


# -- checks a form runs before it asks for the PIN (and the operation runs again) ---------
def validate_trip_exception(start: datetime, end: datetime, reason: str,
                            now: datetime | None = None) -> TripWindow:
    from stpeters_desk.core.devices import DeviceRegistry
    from stpeters_desk.core.pins import as_utc

    tidy = " ".join(reason.split())
    moment = as_utc(now) if now is not None else datetime.now().astimezone()
    try:
        DeviceRegistry.check_exception(as_utc(start), as_utc(end), tidy, as_utc(moment))
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None
    return TripWindow(start, end, tidy)


def validate_x_password(password: str) -> str:
    if not password:
        raise InvalidInput(translate("Operations", "Type the X account's password first."))
    return password


def validate_policy_dates(adopted: date, months: int, today: date | None = None) -> None:
    from stpeters_desk.core.policy_review import check_review_dates

    try:
        check_review_dates(adopted, months, today)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def validate_policy_file(source: Path) -> str:
    """The policy file's text, or ``InvalidInput`` saying why it cannot be loaded."""
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise InvalidInput(translate(
            "PolicyTab", "Could not open {file}: {reason}. Check the file is not open in another "
                         "program and try again.").format(file=source.name,
                                                          reason=exc.strerror)) from None
    if len(raw) > MAX_POLICY_BYTES or b"\x00" in raw:
        raise InvalidInput(translate(
            "PolicyTab", "{file} is not a plain-text policy. Save the policy as a .txt file "
                         "and load that.").format(file=source.name))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


class SchoolOperations:
    """This computer, the X account, the roster, the kiosk, the policy and the settings."""

    def __init__(self, services: DeskServices) -> None:
        self._services = services

    @property
    def _gate(self) -> Gate:
        return gate_of(self._services)

    def _db_transaction(self) -> AbstractContextManager[Connection]:
        db = self._services.db
        if db is None:
            raise NotAllowed(translate("Operations", "The school's database is not open, so "
                                                     "nothing was changed."))
        return db.transaction()

    # -- this computer -------------------------------------------------------------------
    def _this_computer(self, session: Session) -> tuple[DeviceRegistry, DeviceIdentity]:
        devices, device = self._services.devices, self._services.device
        if devices is None or device is None or self._services.staff is None:
            raise NotAllowed(translate("Operations", "Computers are registered for tweeting "
                                                     "once the head teacher has set up staff "
                                                     "accounts."))
        if session.member is None:
            raise NotSignedIn(translate("Operations", "Sign in first."))
        return devices, device

    def _role(self, session: Session, action: Action) -> None:
        """The table's role check, before core asks for the head's PIN."""
        staff = self._services.staff
        if staff is None:
            raise NotAllowed(translate("Operations", "No staff accounts are set up, so nothing "
                                                     "can be done here. Set up the school "
                                                     "first."))
        staff.authorise(session.member, self._gate.rule(action).permission)

    def register_device(self, session: Session, head_pin: str) -> None:
        devices, device = self._this_computer(session)
        self._role(session, Action.REGISTER_DEVICE)
        assert session.member is not None
        devices.register(device, by=session.member, head_pin=head_pin)

    def unregister_device(self, session: Session, head_pin: str) -> None:
        devices, device = self._this_computer(session)
        self._role(session, Action.UNREGISTER_DEVICE)
        assert session.member is not None
        devices.unregister(device, by=session.member, head_pin=head_pin)

    def allow_trip_exception(self, session: Session, start: datetime, end: datetime,
                             reason: str, head_pin: str) -> PostingException:
        """A time-boxed permission for this computer to post (a trip, a match)."""
        window = validate_trip_exception(start, end, reason)
        devices, device = self._this_computer(session)
        self._role(session, Action.TRIP_EXCEPTION)
        assert session.member is not None
        try:
            return devices.grant_exception(device, window.start, window.end, window.reason,
                                           by=session.member, head_pin=head_pin)
        except ValueError as exc:
            raise InvalidInput(str(exc)) from None

    def end_trip_exception(self, session: Session) -> bool:
        """Back from the trip: end this computer's exception now (narrowing needs no PIN).

        False when there was none to end.
        """
        devices, device = self._this_computer(session)
        exception = devices.active_exception(device)
        if exception is None:
            return False
        assert session.member is not None
        try:
            devices.end_exception(exception.exception_id, by=session.member)
        except ValueError as exc:
            raise InvalidInput(str(exc)) from None
        return True

    # -- the X account -----------------------------------------------------------------
    def connect_x(self, session: Session, credentials: Callable[[], XCredentials],
                  head_pin: str) -> Account:
        """Check the keys with X, refuse keys that allow direct messages, keep them in the
        keyring, then note the real account is connected, with its audit entry."""
        from stpeters_desk.x.connect import check_credentials
        from stpeters_desk.x.credentials import save_credentials

        clearance = self._gate.clear(session, Action.CONNECT_X, head_pin=head_pin)
        keys = credentials()
        account = check_credentials(keys)
        if account.can_send_dms:
            raise NotAllowed(translate(
                "Operations", "These keys allow direct messages, which the school's policy "
                              "rules out. In the X developer portal set the app to “Read and "
                              "write”, regenerate the access token and try again."))
        self._refuse_the_retired_keys(keys)
        save_credentials(keys)
        self._note_keys_generation()
        with self._db_transaction():
            write(self._services.settings, REAL_ACCOUNT_CONNECTED, True)
            self._gate.record(clearance, f"@{account.handle}", "keys stored in the OS keyring")
        return account

    def _refuse_the_retired_keys(self, keys: XCredentials) -> None:
        """The keys this computer held when they were retired are refused: they must be
        regenerated on the X developer portal first."""
        from stpeters_desk.ops.computers import x_keys_retired
        from stpeters_desk.x.credentials import load_credentials

        if x_keys_retired(self._services.db) and load_credentials() == keys:
            raise InvalidInput(translate(
                "Operations", "These are the X keys that were retired when a computer that "
                              "held them was removed. Regenerate the keys on the X developer "
                              "portal and enter the new ones."))

    def _note_keys_generation(self) -> None:
        """These keys came after every retirement of the school's X keys so far."""
        from stpeters_desk.core.storage.school_store import x_keys_generation
        from stpeters_desk.x.credentials import save_keys_generation

        db = self._services.db
        if db is not None:
            generation = x_keys_generation(db.reader())
            if generation:
                save_keys_generation(generation)

    def store_x_password(self, session: Session, password: str, head_pin: str) -> None:
        from stpeters_desk.x.credentials import save_account_password

        validate_x_password(password)
        clearance = self._gate.clear(session, Action.STORE_X_PASSWORD, head_pin=head_pin)
        save_account_password(password)
        with self._db_transaction():
            self._gate.record(clearance, "", "stored in the OS keyring")

    def show_x_password(self, session: Session, head_pin: str) -> str:
        """The stored password ("" when none), recorded as shown before it is returned."""
        from stpeters_desk.x.credentials import load_account_password

        return self._gate.perform(session, Action.SHOW_X_PASSWORD,
                                  lambda _c: load_account_password() or "", head_pin=head_pin)

    # -- the pupil roster --------------------------------------------------------------
    def import_roster(self, session: Session, path: Path, head_pin: str) -> RosterCounts:
        """Replace the whole pupil roster: the head's say-so, all or nothing."""
        from stpeters_desk.core.roster import import_roster

        roster = self._services.roster
        if roster is None:
            raise NotAllowed(translate("Operations", "The school's database is not open, so "
                                                     "nothing was changed."))

        def replace(clearance: Clearance) -> RosterCounts:
            return import_roster(path, roster, imported_by=clearance.actor)

        counts = self._gate.perform(session, Action.IMPORT_ROSTER, replace, target=path.name,
                                    detail=lambda c: f"{c.pupils} pupils", head_pin=head_pin)
        self._services.forget_name_guard()
        return counts

    # -- the staffroom kiosk -------------------------------------------------------------
    def kiosk_on(self, session: Session) -> None:
        self._gate.perform(session, Action.KIOSK_ON,
                           lambda _c: write(self._services.settings, KIOSK_MODE, True))

    def kiosk_off(self, session: Session, head_pin: str) -> None:
        self._gate.perform(session, Action.KIOSK_OFF,
                           lambda _c: write(self._services.settings, KIOSK_MODE, False),
                           head_pin=head_pin)

    def close_kiosk(self, session: Session, head_pin: str) -> None:
        """The kiosk window may close: the head's PIN, whoever is (or is not) signed in."""
        self._gate.perform(session, Action.CLOSE_KIOSK, lambda _c: None, head_pin=head_pin)

    # -- the policy ----------------------------------------------------------------------
    def policy_dates(self, session: Session, adopted: date, months: int) -> None:
        validate_policy_dates(adopted, months)

        def keep(_clearance: Clearance) -> None:
            write(self._services.settings, POLICY_ADOPTED_ON, adopted)
            write(self._services.settings, POLICY_INTERVAL_MONTHS, months)

        self._gate.perform(session, Action.POLICY_DATES, keep,
                           detail=f"adopted {adopted}, every {months} months")

    def policy_text(self) -> str:
        """The school's policy as loaded, "" when none was.

        It lives in the database, so every computer of the school shows the same text. A
        policy loaded before that was a file in this computer's data folder: it is still
        shown until the head loads the policy again.
        """
        db = self._services.db
        loaded = PolicyStore(db).current() if db is not None else None
        if loaded is not None:
            return loaded.text
        try:
            return (self._services.data_dir / LEGACY_POLICY_FILE).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""

    def load_policy_file(self, session: Session, source: Path) -> str:
        """Keep the school's policy in the database, for every computer; returns its text."""
        text = validate_policy_file(source)

        def keep(clearance: Clearance) -> None:
            with self._db_transaction():
                db = self._services.db
                assert db is not None  # _db_transaction refuses without one
                PolicyStore(db).keep(text, source.name, clearance.actor)

        self._gate.perform(session, Action.POLICY_FILE, keep, target=source.name)
        return text

    # -- settings ------------------------------------------------------------------------
    def change_setting(self, session: Session, setting: Setting[T], value: T) -> bool:
        """Change a setting that has no operation of its own; False when it was unchanged.

        Checks the registry's ``changed_by`` for the person signed in (a practice set-up
        without staff accounts acts as the practice actor, as the gate allows it), then
        writes the value and its audit entry together.
        """
        if setting.operation:
            raise NotAllowed(translate("Operations", "This setting is changed only by its own "
                                                     "button, which asks what it needs."))
        text = setting.checked_text(value)
        if read(self._services.settings, setting) == value:
            return False
        actor = self._setting_actor(session, setting)
        with self._db_transaction() as conn:
            write(self._services.settings, setting, value)
            if setting.audit is not None:
                append_entries(conn, [NewAuditEntry(actor=actor, action=setting.audit.value,
                                                    detail=text, device=session.computer)])
        return True

    def _setting_actor(self, session: Session, setting: Setting[T]) -> str:
        staff = self._services.staff
        if staff is None:
            if session.practice:
                return session.actor
            raise NotAllowed(translate("Operations", "No staff accounts are set up, so this "
                                                     "cannot be changed here."))
        return staff.authorise(session.member, setting.changed_by).name

    def mark_tour_seen(self, session: Session) -> None:
        """Each person's own note that they have had the tour (no audit entry)."""
        if session.member is None:
            return
        write(self._services.settings, tour_seen(session.member.staff_id), True)
