"""Which computers may tweet: the policy's "school registered" devices, and trip exceptions.

Each computer gets a random id the first time the app runs there, kept in a
small file in the user's config folder, so registration follows the computer
rather than its name (school IT renames machines). This is a safeguard against
tweeting from the wrong place by mistake, not a lock against a determined
copier of that file.

For a school trip or sports event the head teacher can allow an unregistered
laptop to post for a few days at most; the allowance ends by itself.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.dates import shown_moment
from stpeters_desk.core.pins import as_utc
from stpeters_desk.core.roles import Permission
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.audit import AuditLog, NewAuditEntry, time_text
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.device_store import DeviceStore, ExceptionRecord
from stpeters_desk.i18n import translate

CONFIG_DIR_ENV = "STPETERS_DESK_CONFIG_DIR"
DEVICE_FILE = "device.json"
MAX_EXCEPTION_LENGTH = timedelta(days=5)  # a residential trip, Monday to Friday
MAX_REASON_LENGTH = 200


class DeviceIdentity(NamedTuple):
    device_id: str
    name: str

    @property
    def label(self) -> str:
        """Name plus the start of the id: two laptops both called 'iPad' stay apart in the log."""
        return f"{self.name} ({self.device_id[:8]})"


class RegisteredDevice(NamedTuple):
    device: DeviceIdentity
    registered_at: datetime
    registered_by: str


class PostingException(NamedTuple):
    exception_id: int
    device: DeviceIdentity
    start: datetime
    end: datetime
    reason: str
    granted_by: str
    approved_by: str


def config_dir() -> Path:
    """Where the device id lives; ``STPETERS_DESK_CONFIG_DIR`` keeps tests off the real one."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("StPetersDesk", appauthor=False, roaming=True))


def this_device() -> DeviceIdentity:
    """This computer's identity, created on first use and the same ever after."""
    path = config_dir() / DEVICE_FILE
    device_id = _read_device_id(path) or _create_device_id(path)
    return DeviceIdentity(device_id=device_id, name=_computer_name())


COMPUTER_NAME_ENV = "STPETERS_DESK_COMPUTER_NAME"


def _computer_name() -> str:
    """The computer's network name; without importing socket, which start-up can spare.

    ``STPETERS_DESK_COMPUTER_NAME`` names it instead: the gallery's pictures show an
    invented name, never the name of the machine that drew them."""
    name = os.environ.get(COMPUTER_NAME_ENV, "").strip()
    if name:
        return name
    # os.uname is POSIX only; Windows names the computer in the environment.
    name = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    if not name:
        import socket

        name = socket.gethostname()
    return name or "This computer"


def _read_device_id(path: Path) -> str | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("device_id") if isinstance(data, dict) else None
    if isinstance(value, str) and len(value) == 32 and all(c in "0123456789abcdef" for c in value):
        return value
    return None


def _create_device_id(path: Path) -> str:
    """Write a new id atomically; if another process won the race, use theirs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    device_id = os.urandom(16).hex()  # random, as secrets would give, without hashlib
    import tempfile

    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False,
                                     suffix=".tmp") as tmp:
        json.dump({"device_id": device_id}, tmp)
        tmp.flush()
        os.fsync(tmp.fileno())
    try:
        os.link(tmp.name, path)
    except FileExistsError:
        existing = _read_device_id(path)
        if existing:
            return existing
        os.replace(tmp.name, path)  # a damaged file: replace it
    except OSError:
        os.replace(tmp.name, path)  # file systems without hard links
    finally:
        Path(tmp.name).unlink(missing_ok=True)
    return device_id


def _now(now: datetime | None) -> datetime:
    return datetime.now(UTC) if now is None else as_utc(now)


def _local(moment: datetime) -> str:
    return shown_moment(moment, year=False)


def _posting_exception(record: ExceptionRecord) -> PostingException:
    return PostingException(record.exception_id,
                            DeviceIdentity(record.device_id, record.device_name),
                            record.starts_at, record.ends_at, record.reason, record.granted_by,
                            record.approved_by)


class DeviceRegistry:
    """Registered computers and posting exceptions; changes need the head-teacher PIN."""

    def __init__(self, db: Database, audit: AuditLog,
                 staff: StaffDirectory | None = None) -> None:
        self._store = DeviceStore(db)
        self._audit = audit
        self._staff = staff or StaffDirectory(db, audit, this_device().label)

    def is_registered(self, device: DeviceIdentity) -> bool:
        return self._store.registered(device.device_id) is not None

    def registered_devices(self) -> list[RegisteredDevice]:
        return [RegisteredDevice(DeviceIdentity(r.device_id, r.name), r.registered_at,
                                 r.registered_by) for r in self._store.all_registered()]

    def register(self, device: DeviceIdentity, *, by: StaffMember, head_pin: str,
                 now: datetime | None = None) -> None:
        moment = _now(now)
        head = self._staff.require_head_pin(head_pin, by=by,
                                            permission=Permission.REGISTER_DEVICES,
                                            action=f"register {device.name}", now=moment)
        self._store.set_registered(device.device_id, device.name, True, by.name, moment, [
            self._entry(by.name, AuditAction.REGISTER_DEVICE, device.label, head, moment)])

    def unregister(self, device: DeviceIdentity, *, by: StaffMember, head_pin: str,
                   now: datetime | None = None) -> None:
        moment = _now(now)
        if not self.is_registered(device):
            return
        head = self._staff.require_head_pin(head_pin, by=by,
                                            permission=Permission.REGISTER_DEVICES,
                                            action=f"unregister {device.name}", now=moment)
        self._store.set_registered(device.device_id, device.name, False, by.name, moment, [
            self._entry(by.name, AuditAction.UNREGISTER_DEVICE, device.label, head, moment)])

    def grant_exception(self, device: DeviceIdentity, start: datetime, end: datetime,
                        reason: str, *, by: StaffMember, head_pin: str,
                        now: datetime | None = None) -> PostingException:
        """Let an unregistered device post from ``start`` to ``end``, with the head's say-so."""
        moment = _now(now)
        start, end = as_utc(start), as_utc(end)
        reason = " ".join(reason.split())
        self.check_exception(start, end, reason, moment)
        head = self._staff.require_head_pin(head_pin, by=by, permission=None,
                                            action=f"allow tweets from {device.name}",
                                            now=moment)
        detail = f"{_local(start)} to {_local(end)}"
        exception_id = self._store.add_exception(
            device.device_id, device.name, start, end, reason, by.name, head.name, moment,
            [self._entry(by.name, AuditAction.GRANT_POSTING_EXCEPTION, device.label, head, moment,
                         reason=reason, detail=detail)])
        return PostingException(exception_id, device, start, end, reason, by.name, head.name)

    def end_exception(self, exception_id: int, *, by: StaffMember,
                      now: datetime | None = None) -> None:
        """End an exception early (back from the trip). Narrowing needs no head PIN."""
        moment = _now(now)
        record = self._store.exception(exception_id)
        if record is None:
            raise ValueError(translate("Devices", "That posting exception does not exist."))
        self._store.end_exception(exception_id, moment, [NewAuditEntry(
            actor=by.name, action=AuditAction.END_POSTING_EXCEPTION,
            target=DeviceIdentity(record.device_id, record.device_name).label,
            reason=record.reason, device=self._staff.device, at=time_text(moment))])

    def active_exception(self, device: DeviceIdentity,
                         now: datetime | None = None) -> PostingException | None:
        covering = self._store.exceptions_covering(device.device_id, _now(now))
        return _posting_exception(covering[0]) if covering else None

    def current_and_future_exceptions(self,
                                      now: datetime | None = None) -> list[PostingException]:
        return [_posting_exception(r) for r in self._store.exceptions_ending_after(_now(now))]

    def may_post(self, device: DeviceIdentity,
                 now: datetime | None = None) -> tuple[bool, str]:
        """Whether tweets may be sent from this device now, and why, in plain English."""
        if self.is_registered(device):
            return True, translate("Devices", "{computer} is registered with the school for "
                                              "tweeting.").format(computer=device.name)
        exception = self.active_exception(device, now)
        if exception is not None:
            return True, translate("Devices", "Tweets may be sent from {computer} until {end} "
                                              "for: {reason}.").format(
                computer=device.name, end=_local(exception.end), reason=exception.reason)
        return False, translate("Devices", "{computer} is not a school-registered computer, so "
                                           "tweets cannot be sent from it. The head teacher can "
                                           "register it, or allow it for a school trip or sports "
                                           "event.").format(computer=device.name)

    @staticmethod
    def check_exception(start: datetime, end: datetime, reason: str, now: datetime) -> None:
        """Why this window or reason cannot be used (``ValueError``): checked before the PIN."""
        if not reason:
            raise ValueError(translate("Devices", "Say what the exception is for, e.g. “Year 6 "
                                                  "trip to the coast”."))
        if len(reason) > MAX_REASON_LENGTH:
            raise ValueError(translate("Devices", "Keep the reason under {count} characters.")
                             .format(count=MAX_REASON_LENGTH))
        if end <= start:
            raise ValueError(translate("Devices",
                                       "The end of the exception must come after its start."))
        if end <= now:
            raise ValueError(translate("Devices", "That time has already passed. Choose an end "
                                                  "in the future."))
        if end - start > MAX_EXCEPTION_LENGTH:
            raise ValueError(translate("Devices", "An exception can last at most {count} days. "
                                                  "For longer, register the computer instead.")
                             .format(count=MAX_EXCEPTION_LENGTH.days))

    def _entry(self, actor: str, action: str, target: str, head: StaffMember, now: datetime,
               *, reason: str = "", detail: str = "") -> NewAuditEntry:
        approval = f"head-teacher PIN: {head.name}"
        return NewAuditEntry(actor=actor, action=action, target=target,
                             detail=f"{detail}; {approval}" if detail else approval,
                             device=self._staff.device, reason=reason, at=time_text(now))
