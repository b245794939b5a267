"""The bundle of services the window is given: the only way the UI reaches data or X.

Built once by ``stpeters_desk.app``; tests build their own over a temporary
folder and the sandbox account.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.drafts import DraftStore
from stpeters_desk.core.storage.outbox_store import OutboxStore
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.x.gateway import XGateway

if TYPE_CHECKING:
    from stpeters_desk.core.devices import DeviceIdentity, DeviceRegistry
    from stpeters_desk.core.staff import StaffDirectory, StaffMember


@dataclass
class DeskServices:
    gateway: XGateway
    drafts: DraftStore
    outbox: Outbox
    audit: AuditTrail
    settings: SettingsStore
    data_dir: Path
    signed_in: str = "Office"
    notice: str = ""  # shown once in the status bar, e.g. why the real account is not in use
    staff: StaffDirectory | None = None  # None only in tests and trials without staff accounts
    devices: DeviceRegistry | None = None
    device: DeviceIdentity | None = None
    member: StaffMember | None = None

    def sign_in(self, member: StaffMember) -> None:
        """From now on every action is attributed to this person."""
        self.member = member
        self.signed_in = member.name

    @classmethod
    def build(cls, db: Database, gateway: XGateway, data_dir: Path,
              signed_in: str = "Office", notice: str = "", device_label: str = ""
              ) -> DeskServices:
        """Services without staff accounts: for tests and trials that need no sign-in."""
        return cls(gateway=gateway, drafts=DraftStore(db),
                   outbox=Outbox(OutboxStore(db), gateway.kind),
                   audit=AuditTrail(db, device=device_label),
                   settings=SettingsStore(db), data_dir=data_dir, signed_in=signed_in,
                   notice=notice)

    @classmethod
    def for_school(cls, db: Database, gateway: XGateway, data_dir: Path,
                   notice: str = "") -> DeskServices:
        """The app as staff use it: sign-in, roles, registered devices, a chained audit log."""
        from stpeters_desk.core.devices import DeviceRegistry, this_device
        from stpeters_desk.core.staff import StaffDirectory

        device = this_device()
        services = cls.build(db, gateway, data_dir, signed_in="", notice=notice,
                             device_label=device.label)
        services.staff = StaffDirectory(db, services.audit, device.label)
        services.devices = DeviceRegistry(db, services.audit, services.staff)
        services.device = device
        return services
