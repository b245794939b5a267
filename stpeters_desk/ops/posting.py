"""Posting: the pre-flight, the outbox, taking a tweet back, deleting a post, and drafts.

Every way a tweet reaches the school's account starts here, so the rules are
checked in one place whichever window, command or computer asks:

* this computer may post now (registered, or a trip exception);
* the pre-flight runs inside the operation, with the photo library's real facts
  about each attached photo; when names cannot be checked, or a photo's facts are
  unknown, the tweet is refused (fail closed);
* a pre-flight block is passed only by someone allowed to override, with a reason,
  and never a block X or the photo library would refuse anyway (over-length, an
  unchecked photo);
* the tweet, its "queue tweet" entry, any override entry and the photos' "used"
  marks are kept in one transaction; the "post tweet" entry is written by the
  outbox itself with the item's "posted" mark, in the name of whoever queued it,
  so no window closing in between can lose it.

Drafts belong to a person on a computer: ``ComposerDrafts`` keys them by the
session, so nobody ever sees another person's half-written tweet.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from stpeters_desk.core.offline_drafts import LocalDrafts
from stpeters_desk.core.outbox import SendResult
from stpeters_desk.core.refusals import NotSignedIn, Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import ServerUnreachable
from stpeters_desk.core.storage.drafts import (
    COMPOSER_SLOT,
    PHOTOS_SLOT,
    PRACTICE_STAFF_ID,
    DraftNotSaved,
    DraftOwner,
)
from stpeters_desk.core.storage.outbox_store import NEEDS_ATTENTION, POSTED, OutboxItem
from stpeters_desk.i18n import translate
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import gate_of, photo_library_of
from stpeters_desk.ops.gate import Clearance, Gate
from stpeters_desk.ops.session import Session

if TYPE_CHECKING:  # the name guard's word lists load on first use, after sign-in
    from stpeters_desk.core.names import NameGuard
    from stpeters_desk.core.photo_library import PhotoLibrary
    from stpeters_desk.core.preflight import PhotoCheckInput, PreflightReport
    from stpeters_desk.x.models import PhotoUpload

__all__ = [
    "NEEDS_ATTENTION",
    "POSTED",
    "ComposerDraft",
    "ComposerDrafts",
    "DraftNotKept",
    "NamesCannotBeChecked",
    "OutboxItem",
    "Posting",
    "PostingRefused",
    "PreflightBlocked",
    "QueuedTweet",
    "overridable",
]

MAX_PHOTOS = 4

NOT_OVERRIDABLE = frozenset({"length", "alt_text", "photo_safety", "photo_text"})
"""Blocks no reason can pass: X refuses an over-long tweet or description, and the photo
library refuses a photo whose faces, consent or written text were not checked."""


class PostingRefused(Refused):
    """This computer may not post now, or the tweet cannot go out as it is."""


class NamesCannotBeChecked(PostingRefused):
    """The child-name guard could not be loaded (a roster without its key): never post."""


class PreflightBlocked(PostingRefused):
    """The pre-flight blocks the tweet and it was not (or may not be) overridden."""


class DraftNotKept(Refused):
    """The draft could not be saved; the text stays in the editor and is tried again."""


class QueuedTweet(NamedTuple):
    """A tweet in the outbox, not yet sent."""

    item: OutboxItem
    overridden: tuple[str, ...] = ()  # the keys of the pre-flight blocks that were overridden


def overridable(report: PreflightReport) -> bool:
    """Whether a reason may pass this report's blocks (none of them is one X refuses)."""
    return not report.can_post and not {c.key for c in report.blocking} & NOT_OVERRIDABLE


def photo_facts(library: PhotoLibrary | None, photo_ids: Sequence[int]) -> list[PhotoCheckInput]:
    """What the photo library knows about each photo; refused when a photo is unknown."""
    if not photo_ids:
        return []
    if library is None:
        raise PostingRefused(translate("Posting", "The photos cannot be checked on this "
                                                  "computer, so the tweet is not sent."))
    facts = []
    for photo_id in photo_ids:
        try:
            facts.append(library.check_input(photo_id))
        except Exception as exc:  # removed on the Photos tab meanwhile
            raise PostingRefused(translate(
                "Posting", "A photo attached to this tweet is no longer ready ({reason}). "
                           "Remove it and attach it again.").format(reason=exc)) from exc
    return facts


def run_checks(services: DeskServices, text: str, photos: Sequence[PhotoCheckInput],
               following_count: int = 0) -> PreflightReport:
    """The pre-flight over the school's settings and roster; refused if names cannot be
    checked (a missing guard is never treated as "no names found")."""
    from stpeters_desk.core.preflight import PreflightSettings, run_preflight

    return run_preflight(text, photos, name_guard_of(services),
                         PreflightSettings.from_store(services.settings, following_count))


def name_guard_of(services: DeskServices) -> NameGuard:
    try:
        return services.name_guard()
    except Exception as exc:  # RosterKeyError or a keyring failure: never post unchecked
        raise NamesCannotBeChecked(translate(
            "ComposerTab", "Not posted: pupils' names cannot be checked on this computer. "
                       "{reason}").format(reason=exc)) from exc


def blocked_message(report: PreflightReport) -> str:
    titles = ", ".join(check.title for check in report.blocking)
    return translate("Posting", "Not posted: the pre-flight check blocks it ({checks}). The "
                                "tweet is still here to edit.").format(checks=titles)


def clear_preflight(gate: Gate, session: Session, report: PreflightReport,
                    override_reason: str) -> Clearance | None:
    """None when nothing blocks; the override's clearance when a reason may pass the
    blocks; refused otherwise."""
    if report.can_post:
        return None
    if not override_reason.strip():
        raise PreflightBlocked(blocked_message(report))
    if not overridable(report):
        raise PreflightBlocked(translate(
            "Posting", "Not posted: X or the photo checks would refuse this tweet as it is "
                       "({checks}), so it cannot be overridden. Change it first.").format(
            checks=", ".join(c.title for c in report.blocking
                             if c.key in NOT_OVERRIDABLE)))
    return gate.clear(session, Action.OVERRIDE_PREFLIGHT, reason=override_reason)


class Posting:
    """Posting operations over one school's services (the window's, or the command line's)."""

    def __init__(self, services: DeskServices) -> None:
        self._services = services

    @property
    def _gate(self) -> Gate:
        return gate_of(self._services)

    def _library(self) -> PhotoLibrary | None:
        return photo_library_of(self._services)

    # -- checking ------------------------------------------------------------------------
    def preflight(self, text: str, photo_ids: Sequence[int] = (),
                  following_count: int = 0) -> PreflightReport:
        """The report the pre-flight panel shows; refused when it cannot be made safely."""
        return run_checks(self._services, text, photo_facts(self._library(), photo_ids),
                          following_count)

    def device_refusal(self) -> str:
        """Why this computer may not post now, or "" when it may (policy: registered
        devices). With staff accounts, a computer the app cannot identify may not post."""
        services = self._services
        devices, device = services.devices, services.device
        if devices is None or device is None:
            if services.staff is None:
                return ""  # a practice set-up without staff accounts
            return translate("Posting", "This computer cannot be identified, so it may not "
                                        "post.")
        allowed, reason = devices.may_post(device, datetime.now().astimezone())
        return "" if allowed else reason

    # -- posting -------------------------------------------------------------------------
    def queue(self, session: Session, text: str, photo_ids: Sequence[int] = (), *,
              following_count: int = 0, override_reason: str = "",
              action: Action = Action.QUEUE) -> QueuedTweet:
        """Check everything, then put the tweet in the outbox (it is sent by ``send``)."""
        if action not in (Action.QUEUE, Action.POST_NOW):
            raise ValueError(action)
        gate = self._gate
        clearance = gate.clear(session, action)
        if not text.strip() and not photo_ids:
            raise PostingRefused(translate("Approvals", "Write the tweet or add a photo first."))
        if len(photo_ids) > MAX_PHOTOS:
            raise PostingRefused(translate("Approvals", "A tweet can carry at most {count} "
                                                        "photos.").format(count=MAX_PHOTOS))
        refusal = self.device_refusal()
        if refusal:
            raise PostingRefused(refusal)
        self._refuse_retired_x_keys()
        report = self.preflight(text, photo_ids, following_count)
        override = clear_preflight(gate, session, report, override_reason)
        library = self._library()
        uploads = self._uploads(library, photo_ids)
        queued = gate.clear(session, Action.QUEUE) if action != Action.QUEUE else clearance
        db = self._services.db
        assert db is not None  # gate_of refused without one
        with db.transaction():
            item = self._services.outbox.add(text, uploads, created_by=queued.actor)
            where = f"outbox {item.item_id}"
            if override is not None:
                gate.record(override, ", ".join(c.key for c in report.blocking), where)
            gate.record(queued, where, self.for_the_record(text))
            for photo_id in photo_ids:
                assert library is not None
                library.mark_used(photo_id, queued.actor, where)
        blocks = tuple(c.key for c in report.blocking) if override is not None else ()
        return QueuedTweet(item, blocks)

    def post_now(self, session: Session, text: str, photo_ids: Sequence[int] = (), *,
                 following_count: int = 0, override_reason: str = "") -> SendResult | None:
        """Queue the tweet and send it at once (a dropped connection leaves it waiting)."""
        queued = self.queue(session, text, photo_ids, following_count=following_count,
                            override_reason=override_reason, action=Action.POST_NOW)
        return self.send(queued.item.item_id)

    def send(self, item_id: int) -> SendResult | None:
        """Send one outbox item now. Not guarded: the person who queued it was; the outbox
        writes the "post tweet" entry in their name when X has it."""
        self._refuse_retired_x_keys()
        return self._services.outbox.send(item_id, self._services.gateway)

    def send_due(self) -> list[SendResult]:
        """What the window's timer does every 30 s, signed in or not; nothing while the X
        keys here were retired (the tweets wait in the outbox)."""
        if self._x_keys_retired():
            return []
        return self._services.outbox.send_due(self._services.gateway)

    def _x_keys_retired(self) -> bool:
        """Whether the real account's keys on this computer were retired: a computer
        that held them was removed and X has not been reconnected here since."""
        from stpeters_desk.ops.computers import x_keys_retired
        from stpeters_desk.x.models import REAL

        return self._services.gateway.kind == REAL and x_keys_retired(self._services.db)

    def _refuse_retired_x_keys(self) -> None:
        if self._x_keys_retired():
            from stpeters_desk.ops.computers import x_keys_retired_message

            raise PostingRefused(x_keys_retired_message())

    def waiting(self) -> list[OutboxItem]:
        return self._services.outbox.open_items()

    def take_out_of_outbox(self, session: Session, item_id: int) -> OutboxItem:
        """Back to the editor: the tweet leaves the outbox (refused while it is being sent)."""
        outbox = self._services.outbox

        def take(_clearance: Clearance) -> OutboxItem:
            item = next((i for i in outbox.open_items() if i.item_id == item_id), None)
            if item is None or not outbox.discard(item_id):
                raise PostingRefused(translate("ComposerTab", "This tweet is being sent just now; "
                                                              "wait a moment."))
            return item

        return self._gate.perform(session, Action.TAKE_OUT_OF_OUTBOX, take,
                                  target=f"outbox {item_id}",
                                  detail=lambda item: self.for_the_record(item.text))

    def delete_post(self, session: Session, post_id: str, text: str, reason: str) -> None:
        """Delete one of the school's posts on X, then record who did it and why."""
        gate = self._gate
        clearance = gate.clear(session, Action.DELETE_OWN_POST, reason=reason)
        self._services.gateway.delete_post(post_id)
        gate.record(clearance, post_id, self.for_the_record(text))

    # -- helpers -------------------------------------------------------------------------
    def for_the_record(self, text: str) -> str:
        """The tweet's words for the audit log, unless they may name a child."""
        from stpeters_desk.core.names import text_for_the_record

        return text_for_the_record(text, self._services.name_guard)

    @staticmethod
    def _uploads(library: PhotoLibrary | None, photo_ids: Sequence[int]) -> list[PhotoUpload]:
        if not photo_ids:
            return []
        if library is None:
            raise PostingRefused(translate("Posting", "The photos cannot be checked on this "
                                                      "computer, so the tweet is not sent."))
        try:
            return [library.to_upload(photo_id) for photo_id in photo_ids]
        except Exception as exc:  # e.g. its confirmations were cleared on the Photos tab
            raise PostingRefused(translate("ComposerTab", "Not posted: {reason}").format(
                reason=exc)) from exc


# -- drafts ----------------------------------------------------------------------------------
class ComposerDraft(NamedTuple):
    """What one person left in the composer on one computer."""

    text: str = ""
    photo_ids: tuple[int, ...] = ()


def draft_owner(session: Session) -> DraftOwner:
    """Whose drafts the session reads and writes: the person on this computer (the one
    writer of a practice set-up); refused with no one signed in."""
    if session.member is not None:
        return DraftOwner(session.member.staff_id, session.computer)
    if session.practice:
        return DraftOwner(PRACTICE_STAFF_ID, session.computer)
    raise NotSignedIn(translate("Operations", "Sign in first."))


class ComposerDrafts:
    """The composer's text and photo selection, kept for the signed-in person only.

    Not audited: a draft is nobody's action yet. Saving at every keystroke must stay
    quick, so these touch only the drafts table.
    """

    def __init__(self, services: DeskServices) -> None:
        self._services = services

    def load(self, session: Session) -> ComposerDraft:
        owner = draft_owner(session)
        ids = tuple(int(part) for part in
                    _load_draft(self._services, owner, PHOTOS_SLOT).split(",")
                    if part.strip().isdigit())
        return ComposerDraft(_load_draft(self._services, owner, COMPOSER_SLOT), ids)

    def save_text(self, session: Session, text: str, *, durable: bool = True) -> None:
        self._save(session, text, COMPOSER_SLOT, durable)

    def save_photos(self, session: Session, photo_ids: Sequence[int]) -> None:
        self._save(session, ",".join(str(i) for i in photo_ids), PHOTOS_SLOT, True)

    def _save(self, session: Session, text: str, slot: str, durable: bool) -> None:
        _save_draft(self._services, draft_owner(session), text, slot, durable)


def _save_draft(services: DeskServices, owner: DraftOwner, text: str, slot: str,
                durable: bool) -> None:
    """Save a draft on the database; while its server cannot be reached, in a file on this
    computer (``core.offline_drafts``), put back in the draft at the next save or load."""
    local = LocalDrafts(services.data_dir)
    try:
        services.drafts.save(owner, text, slot, durable=durable)
    except ServerUnreachable:
        try:
            local.keep(owner.staff_id, slot, text)
        except OSError as exc:
            raise DraftNotKept(str(exc.strerror or exc)) from exc
        return
    except DraftNotSaved as exc:
        raise DraftNotKept(str(exc)) from exc
    local.forget(owner.staff_id, slot)


def _load_draft(services: DeskServices, owner: DraftOwner, slot: str) -> str:
    """The person's draft; typing kept on this computer while the server was away wins
    (it is the newer) and goes back to the server now if it can."""
    local = LocalDrafts(services.data_dir)
    kept = local.kept(owner.staff_id, slot)
    if kept is None:
        return services.drafts.load(owner, slot)
    try:
        services.drafts.save(owner, kept, slot)
    except (ServerUnreachable, DraftNotSaved):
        return kept  # still only here: saved again at the next keystroke
    local.forget(owner.staff_id, slot)
    return kept


class HalfDoneNotes:
    """Notes a person has started and not sent (a note sending a tweet back to its author),
    kept for that person on this computer: an idle lock or a closed dialog loses nothing,
    and nobody else is shown them. Not audited: nothing has been done yet."""

    def __init__(self, services: DeskServices) -> None:
        self._services = services

    def load(self, session: Session, slot: str) -> str:
        return _load_draft(self._services, draft_owner(session), _note_slot(slot))

    def save(self, session: Session, slot: str, text: str) -> None:
        _save_draft(self._services, draft_owner(session), text, _note_slot(slot), False)

    def clear(self, session: Session, slot: str) -> None:
        self.save(session, slot, "")


def _note_slot(slot: str) -> str:
    return f"note:{slot}"
