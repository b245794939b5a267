"""The bundle of services the window is given: the only way the UI reaches data or X.

Built once by ``stpeters_desk.app``; tests build their own over a temporary
folder and the sandbox account.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.settings_registry import REPLY_SETTING, read
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.drafts import DraftStore
from stpeters_desk.core.storage.outbox_store import OutboxStore
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.x.gateway import XGateway

if TYPE_CHECKING:
    from stpeters_desk.core.approvals import ApprovalQueue
    from stpeters_desk.core.devices import DeviceIdentity, DeviceRegistry
    from stpeters_desk.core.integrity import IntegrityGuard
    from stpeters_desk.core.moderation_service import FollowerReview, ModerationInbox
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.photo_library import PhotoLibrary
    from stpeters_desk.core.staff import StaffDirectory, StaffMember
    from stpeters_desk.core.storage.moderation_store import ModerationStore
    from stpeters_desk.core.storage.roster_store import RosterStore


class DeskServices:
    """The stores, the X gateway and who is signed in, for one window.

    A plain class, not a dataclass: it is made on the way to the first window, where a
    dataclass's generated methods cost about a millisecond."""

    def __init__(self, gateway: XGateway, drafts: DraftStore, outbox: Outbox,
                 audit: AuditTrail, settings: SettingsStore, data_dir: Path,
                 signed_in: str = "Office", notice: str = "", db: Database | None = None
                 ) -> None:
        self.gateway = gateway
        self.drafts = drafts
        self.outbox = outbox
        self.audit = audit
        self.settings = settings
        self.data_dir = data_dir
        self.signed_in = signed_in
        self.notice = notice  # shown once in the status bar, e.g. why the real account is not used
        self.db = db
        self.staff: StaffDirectory | None = None  # None only in tests and trials without staff
        self.devices: DeviceRegistry | None = None
        self.device: DeviceIdentity | None = None
        self.member: StaffMember | None = None
        self.integrity: IntegrityGuard | None = None  # set by the app's start
        self._roster: RosterStore | None = None
        self._name_guard: NameGuard | None = None
        self._approvals: ApprovalQueue | None = None
        self._photos: PhotoLibrary | None = None

    def __repr__(self) -> str:
        return f"DeskServices(signed_in={self.signed_in!r}, data_dir={self.data_dir!r})"

    def photo_library(self) -> PhotoLibrary:
        """Prepared photos (covered, metadata-free, described, checked), shared by the
        Photos tab and the composer."""
        if self._photos is None:
            from stpeters_desk.core.photo_library import PhotoLibrary

            assert self.db is not None
            self._photos = PhotoLibrary(self.db, self.audit.record, name_guard=self.name_guard)
        return self._photos

    @property
    def has_approvals(self) -> bool:
        """Whether ``approvals`` is there, without loading it (its module is slow to load)."""
        return self._approvals is not None or (
            self.db is not None and self.device is not None and self.staff is not None)

    @property
    def approvals(self) -> ApprovalQueue | None:
        """Approvals and scheduled tweets (staff accounts only); built on first use."""
        if self._approvals is None and self.db is not None and self.device is not None \
                and self.staff is not None:
            self._approvals = _approval_queue(self.db, self, self.device)
        return self._approvals

    @property
    def roster(self) -> RosterStore | None:
        """The hashed pupil roster; its module loads the name guard's word lists, so lazily."""
        if self._roster is None and self.db is not None:
            from stpeters_desk.core.storage.roster_store import RosterStore

            self._roster = RosterStore(self.db)
        return self._roster

    def name_guard(self) -> NameGuard:
        """The child-name guard over the imported roster, loaded once (it reads the keyring).

        Raises ``RosterKeyError`` when a roster exists but its key is gone: then names
        cannot be checked, and the composer must not post.
        """
        if self._name_guard is None:
            from stpeters_desk.core.names import NameGuard
            from stpeters_desk.core.roster import load_name_guard

            self._name_guard = (load_name_guard(self.roster) if self.roster is not None
                                else NameGuard.empty())
        return self._name_guard

    def loaded_name_guard(self) -> NameGuard | None:
        """The guard if it is already loaded (checking as someone types must not wait for the
        keyring), else None; ``name_guard`` loads it."""
        return self._name_guard

    def moderation(self) -> tuple[ModerationInbox, ModerationStore]:
        """The replies inbox over the moderation tables; every action goes to the audit log."""
        from stpeters_desk.core.moderation_service import ModerationInbox
        from stpeters_desk.core.reply_images import ReplyPictures
        from stpeters_desk.core.storage.moderation_store import ModerationStore

        assert self.db is not None
        store = ModerationStore(self.db)
        # Replies' pictures are kept under the data folder and checked offline (the
        # detector loads the first time a picture needs it, off the UI thread).
        return ModerationInbox(store, self.gateway, self.audit.record,
                               pictures=ReplyPictures(self.data_dir)), store

    def follower_review(self) -> FollowerReview:
        from stpeters_desk.core.moderation_service import FollowerReview
        from stpeters_desk.core.storage.moderation_store import ModerationStore

        assert self.db is not None
        return FollowerReview(ModerationStore(self.db), self.gateway, self.audit.record)

    def forget_name_guard(self) -> None:
        """After a roster import: the next check loads the new roster."""
        self._name_guard = None

    def sign_in(self, member: StaffMember) -> None:
        """From now on every action is attributed to this person."""
        self.member = member
        self.signed_in = member.name

    @classmethod
    def build(cls, db: Database, gateway: XGateway, data_dir: Path,
              signed_in: str = "Office", notice: str = "", device_label: str = ""
              ) -> DeskServices:
        """Services without staff accounts: for tests and trials that need no sign-in."""
        settings = SettingsStore(db)
        return cls(gateway=gateway, drafts=DraftStore(db),
                   outbox=Outbox(OutboxStore(db), gateway.kind,
                                 reply_settings=_school_reply_settings(settings),
                                 device=device_label),
                   audit=AuditTrail(db, device=device_label),
                   settings=settings, data_dir=data_dir, signed_in=signed_in,
                   notice=notice, db=db)

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


def _approval_queue(db: Database, services: DeskServices, device: DeviceIdentity
                    ) -> ApprovalQueue:
    """Approved and scheduled tweets reach the outbox only from a computer that may post."""
    from stpeters_desk.core.approvals import ApprovalQueue

    registry, staff = services.devices, services.staff
    assert registry is not None and staff is not None
    return ApprovalQueue(db, services.audit, staff, services.outbox,
                         posting_check=lambda now: registry.may_post(device, now),
                         name_guard=services.name_guard)


def _school_reply_settings(settings: SettingsStore) -> Callable[[], str | None]:
    """Read at each send, so a change in Settings applies to tweets already waiting."""
    return lambda: read(settings, REPLY_SETTING)
