"""The bundle of services the window is given: the only way the UI reaches data or X.

Built once by ``stpeters_desk.app``; tests build their own over a temporary
folder and the sandbox account.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.storage.audit import AuditLog
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.drafts import DraftStore
from stpeters_desk.core.storage.outbox_store import OutboxStore
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.x.gateway import XGateway


@dataclass
class DeskServices:
    gateway: XGateway
    drafts: DraftStore
    outbox: Outbox
    audit: AuditLog
    settings: SettingsStore
    data_dir: Path
    signed_in: str = "Office"
    notice: str = ""  # shown once in the status bar, e.g. why the real account is not in use

    @classmethod
    def build(cls, db: Database, gateway: XGateway, data_dir: Path,
              signed_in: str = "Office", notice: str = "") -> DeskServices:
        return cls(gateway=gateway, drafts=DraftStore(db),
                   outbox=Outbox(OutboxStore(db), gateway.kind), audit=AuditLog(db),
                   settings=SettingsStore(db), data_dir=data_dir, signed_in=signed_in,
                   notice=notice)
