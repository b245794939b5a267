"""The moderation work the Moderation and Followers tabs drive: fetch, assess, decide, record.

``ModerationInbox`` fetches new replies and mentions (incrementally, from the
stored since_id), assesses each offline, stores it and lists what needs a
person first. ``FollowerReview`` syncs the followers page by page, scores how
likely each is not school-focused and lists new ones first. Every action goes
through the ``XGateway`` and is recorded with who did it and why through the
``record`` callable the app backs with its audit log.

X's self-serve API cannot block or report, so both are hand-offs: the app
returns the x.com page for the head teacher to open, records the decision, and
``confirm_blocks`` later reads the account's blocked list; until then the
reply or follower stays "block pending". All calls may block on the network:
run them off the UI thread. Gateway errors (``XError``) reach the caller
unchanged, with nothing recorded, so the tab can show them as the composer does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.follower_risk import FollowerContext, context_stamp, score_follower
from stpeters_desk.core.incident import EvidencePicture, evidence_picture
from stpeters_desk.core.moderation import (
    HIDE,
    HIDE_AT,
    REVIEW,
    REVIEW_AT,
    REVIEW_CEILING,
    Assessment,
    Lexicon,
    assess,
    default_lexicon,
)
from stpeters_desk.core.moderation_reasons import BuiltIn, Reason
from stpeters_desk.core.reply_images import (
    CHECKED_OK,
    FLAGGED,
    UNCHECKED,
    CheckedPicture,
    ReplyPictures,
    blurred_copy,
    scaled_copy,
    worst,
)
from stpeters_desk.core.storage.moderation_store import (
    BLOCK_PENDING,
    HIDDEN,
    MUTED,
    REPORTED,
    REVIEWED,
    AssessedMention,
    FollowerLine,
    ModerationStore,
    PendingUnblock,
    StoredFollower,
    StoredMention,
)
from stpeters_desk.i18n import translate
from stpeters_desk.x.gateway import XGateway, pages
from stpeters_desk.x.models import HandOff, Mention, UserProfile


class AuditRecord(Protocol):
    """Writes one audit entry: the app's audit log, or an operation's gate."""

    def __call__(self, actor: str, action: str, target: str = "", detail: str = "", *,
                 reason: str = "") -> object: ...


Progress = Callable[[int, int], None]  # (done, total); total is 0 while unknown
Clock = Callable[[], datetime]

# X gives at most the 800 newest mentions. A refresh reads everything since the last one
# (newest first, paged by the gateway): reading less and moving the "since" mark to the
# newest would skip the older ones for good, and an unread reply is an unmoderated one.
MENTIONS_PER_FETCH = 800
FOLLOWERS_PER_PAGE = 1000
FIRST_REFRESH_LIMIT = 100  # replies and mentions read by the very first refresh
NEWCOMERS_PAGE_MIN = 5  # pages while looking for newcomers: 5 to FOLLOWERS_PER_PAGE
NEWCOMERS_MARGIN = 10
EVERY_FOLLOWER = 10_000_000  # a limit no school reaches: "all", in portable SQL
FULL_CHECK_EVERY = timedelta(days=7)  # how often a sync re-reads every follower
FULL_CHECK_MARK = "follower_full_check_at"
SCORED_WITH_MARK = "follower_scores_context"  # the context_stamp() of the stored scores
MAX_PAGES = 10_000  # a gateway that never stops paging must not hang the app
BLOCK_CHECKER = "St Peter's Desk"  # the actor when the app confirms a block by itself


@dataclass(frozen=True)
class ShownPicture:
    """A reply's picture as the Moderation tab may show it."""

    picture: CheckedPicture
    path: Path | None  # the kept copy; None when it could not be downloaded

    @property
    def blur_first(self) -> bool:
        """Flagged or not checked: shown blurred until a person chooses to reveal it."""
        return self.picture.result != CHECKED_OK


class ModerationError(ValueError):
    """The action does not apply (unknown reply, not the school's own post...)."""


@dataclass(frozen=True)
class RefreshResult:
    fetched: int
    new: int
    needs_someone: int
    maybe_missed: bool  # X gave all it gives: replies older than these may be unread


@dataclass(frozen=True)
class SyncResult:
    seen: int
    new: int
    gone: int
    complete: bool = True  # False: stopped at the first page with no new follower


def _short(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def _detail(*facts: str) -> str:
    return "; ".join(part for part in facts if part)


def confirm_blocks(store: ModerationStore, gateway: XGateway, record: AuditRecord,
                   actor: str = BLOCK_CHECKER) -> list[str]:
    """Settle pending blocks that the account's blocked list now shows; returns their handles."""
    pending = store.pending_blocks(gateway.kind)
    if not pending:
        return []
    blocked = _all_blocked_ids(gateway)
    confirmed = []
    for block in pending:
        if block.user_id not in blocked:
            continue
        with store.transaction():
            store.confirm_block(gateway.kind, block.user_id, actor)
            record(actor, AuditAction.BLOCK_CONFIRMED, f"@{block.handle}",
                   _detail("found in the account's blocked list",
                           f"requested by {block.requested_by}"))
        confirmed.append(block.handle)
    return confirmed


def _all_blocked_ids(gateway: XGateway) -> set[str]:
    return {user.user_id
            for page in pages(gateway.blocked, FOLLOWERS_PER_PAGE, MAX_PAGES)
            for user in page.items}


def with_pictures(assessment: Assessment, pictures: tuple[CheckedPicture, ...]
                  ) -> Assessment:
    """The text's assessment, raised by what the check said of the reply's pictures: a
    flagged picture suggests hiding ("image may be unsuitable"); one that could not be
    checked (no check installed here, or it failed) asks for a review ("picture not checked
    on this computer"). Never lowered."""
    result = worst(pictures)
    if result == FLAGGED:
        score = max(picture.score for picture in pictures if picture.result == FLAGGED)
        reason = Reason(BuiltIn.UNSUITABLE_IMAGE.value, HIDE, score=round(score, 2))
        return replace(assessment, level=HIDE, score=max(assessment.score, HIDE_AT),
                       reasons=[reason, *assessment.reasons], maybe=False)
    if result == UNCHECKED:
        reason = Reason(BuiltIn.IMAGE_NOT_CHECKED.value, REVIEW)
        if assessment.level == HIDE:
            return replace(assessment, reasons=[*assessment.reasons, reason])
        return replace(assessment, level=REVIEW,
                       score=min(max(assessment.score, REVIEW_AT), REVIEW_CEILING),
                       reasons=[reason, *assessment.reasons], maybe=False)
    return assessment


def _unchecked(mention: Mention) -> tuple[CheckedPicture, ...]:
    """No picture checker: every picture counts as not checked (a person looks)."""
    return tuple(CheckedPicture(photo.media_key, position, photo.kind, photo.url, "",
                                UNCHECKED, 0.0)
                 for position, photo in enumerate(mention.photos))


class ModerationInbox:
    """Replies and mentions, assessed and waiting for a person's decision."""

    def __init__(self, store: ModerationStore, gateway: XGateway, record: AuditRecord, *,
                 lexicon: Lexicon | None = None, batch: int = MENTIONS_PER_FETCH,
                 pictures: ReplyPictures | None = None) -> None:
        self._store = store
        self._gateway = gateway
        self._record = record
        self._lexicon = lexicon
        self._batch = batch
        self._pictures = pictures

    @property
    def kind(self) -> str:
        return self._gateway.kind

    def recording_to(self, record: AuditRecord) -> ModerationInbox:
        """The same inbox with its decisions recorded by ``record`` (an operation's gate)."""
        inbox = ModerationInbox(self._store, self._gateway, record, lexicon=self._lexicon,
                                batch=self._batch, pictures=self._pictures)
        return inbox

    def use_lexicon(self, lexicon: Lexicon | None) -> None:
        """Switch to the school's edited word lists (None: the shipped ones)."""
        self._lexicon = lexicon

    def _assessor(self) -> Lexicon:
        return self._lexicon or default_lexicon()

    # -- fetching -----------------------------------------------------------------------------

    def refresh(self, progress: Progress | None = None) -> RefreshResult:
        """Fetch what is new since last time, assess it offline and store it."""
        if progress:
            progress(0, 0)
        since_id = self._store.since_id(self.kind)
        # The first refresh would otherwise read (and pay for) the 800 most recent posts
        # that mention the school, and their authors: the last few days are what matter.
        limit = self._batch if since_id is not None else min(self._batch, FIRST_REFRESH_LIMIT)
        mentions = self._gateway.mentions(since_id=since_id, limit=limit)
        lexicon = self._assessor()
        assessed = []
        for done, mention in enumerate(mentions, start=1):
            pictures = self._check_pictures(mention)
            assessment = with_pictures(assess(mention.text, lexicon), pictures)
            assessed.append(AssessedMention(mention, assessment.level, assessment.score,
                                            tuple(assessment.reasons), tuple(assessment.notes),
                                            maybe=assessment.maybe, pictures=pictures))
            if progress:
                progress(done, len(mentions))
        new = self._store.save_mentions(self.kind, assessed)
        needs = self._store.inbox_counts(self.kind)["needs someone"]
        return RefreshResult(len(mentions), new, needs, len(mentions) >= limit)

    def _check_pictures(self, mention: Mention) -> tuple[CheckedPicture, ...]:
        """Download and check the pictures of a reply being assessed for the first time (a
        reply already stored keeps its own; a reply without pictures costs nothing)."""
        if not mention.photos or self._store.is_stored(self.kind, mention.post_id):
            return ()
        if self._pictures is None:
            return _unchecked(mention)
        return tuple(self._pictures.check(self.kind, mention, self._gateway.download_media))

    def reassess(self) -> int:
        """Assess undecided replies again, after the school edited its word lists."""
        lexicon = self._assessor()
        changed = 0
        for item in self._store.new_mentions(self.kind):
            assessment = with_pictures(assess(item.text, lexicon), item.pictures)
            if (assessment.level, assessment.score, tuple(assessment.reasons),
                    assessment.maybe) == (item.level, item.score, item.reasons, item.maybe):
                continue
            self._store.update_assessment(self.kind, item.post_id, assessment.level,
                                          assessment.score, assessment.reasons,
                                          assessment.notes, assessment.maybe)
            changed += 1
        return changed

    # -- listing ------------------------------------------------------------------------------

    def items(self, limit: int = 200, offset: int = 0,
              statuses: tuple[str, ...] | None = None) -> list[StoredMention]:
        """Needs-you-first: hide suggestions, reviews, pending blocks, then the rest; and
        within what needs someone, replies that touch safeguarding (threats, a concern
        about a child) before all others, so they are never lost among spam."""
        page = self._store.inbox(self.kind, limit, offset, statuses)
        return sorted(page, key=lambda item: not item.safeguarding)

    def fine_counts(self) -> tuple[int, int]:
        """(maybes listed this week, replies that look fine and are not listed)."""
        return self._store.fine_counts(self.kind)

    def counts(self) -> dict[str, int]:
        return self._store.inbox_counts(self.kind)

    def media(self, post_id: str) -> list[ShownPicture]:
        """A reply's pictures for display: each with its kept file (None if it could not be
        downloaded) and what the check said. The UI shows a flagged or unchecked picture
        blurred until a person chooses to see it."""
        item = self.get(post_id)
        return [ShownPicture(picture, self._picture_file(picture)) for picture in item.pictures]

    def _picture_file(self, picture: CheckedPicture) -> Path | None:
        if self._pictures is None:
            return None
        path = self._pictures.path_of(picture.local_path)
        return path if path is not None and path.is_file() else None

    def evidence_pictures(self, post_id: str) -> list[EvidencePicture]:
        """A reply's pictures for its incident pack: blurred copies and the originals'
        checksums (see core/incident.py for why the original is not put in the pack)."""
        pictures = []
        for shown in self.media(post_id):
            original = shown.path.read_bytes() if shown.path is not None else None
            pictures.append(evidence_picture(shown.picture, original))
        return pictures

    def _kept(self, post_id: str, media_key: str) -> tuple[StoredMention, ShownPicture]:
        item = self.get(post_id)
        for shown in self.media(post_id):
            if shown.picture.media_key == media_key:
                return item, shown
        raise ModerationError(translate("Moderation", "That picture is not kept on this "
                                        "computer any more."))

    def blurred_picture(self, post_id: str, media_key: str, long_side: int) -> bytes | None:
        """The picture as the tab shows it first: blurred beyond recognition (the same copy
        as the incident pack's). None when it was never downloaded."""
        _item, shown = self._kept(post_id, media_key)
        if shown.path is None:
            return None
        return blurred_copy(shown.path.read_bytes(), long_side)

    def reveal_picture(self, post_id: str, media_key: str, actor: str,
                       long_side: int) -> bytes:
        """The picture itself, for a person who chose to see it; who looked, and at which
        picture, goes in the audit log first (nothing is shown if that fails)."""
        item, shown = self._kept(post_id, media_key)
        if shown.path is None:
            raise ModerationError(translate("Moderation", "That picture could not be "
                                            "downloaded: look at the reply on X."))
        picture = scaled_copy(shown.path.read_bytes(), long_side)
        check = shown.picture
        with self._store.transaction():
            self._record(actor, AuditAction.SHOW_REPLY_PICTURE,
                         f"@{item.author_handle} post {item.post_id}",
                         _detail(f"picture {check.position + 1} of {len(item.pictures)}",
                                 f"check: {check.result}", f"score {check.score:.2f}"))
        return picture

    def forget(self, post_id: str, actor: str, why: str) -> int:
        """Remove a reply from the inbox with its pictures' rows and their audit entry in
        one transaction, then delete the kept picture files; returns how many pictures went.
        The entry names the reply, not its words: forgetting is for not keeping them."""
        item = self.get(post_id)
        with self._store.transaction():
            self._store.forget_mention(self.kind, post_id)
            self._record(actor, AuditAction.FORGET_REPLY,
                         f"@{item.author_handle} post {item.post_id}",
                         _detail(f"status {item.status}",
                                 f"{len(item.pictures)} picture(s) deleted with it"),
                         reason=why.strip())
        if self._pictures is not None:
            self._pictures.forget(self.kind, post_id)
        return len(item.pictures)

    def get(self, post_id: str) -> StoredMention:
        item = self._store.mention(self.kind, post_id)
        if item is None:
            raise ModerationError(translate("Moderation",
                                            "The reply {post} is not in the moderation inbox.")
                                  .format(post=post_id))
        return item

    # -- actions ------------------------------------------------------------------------------

    # Each decision asks X first (where X has a say), then keeps the new status and its
    # audit entry in one transaction: both or neither.

    def hide(self, post_id: str, actor: str, why: str = "") -> None:
        item = self.get(post_id)
        self._gateway.hide_reply(post_id, True)
        self._decide(item, HIDDEN, actor, why, AuditAction.HIDE_REPLY)

    def unhide(self, post_id: str, actor: str, why: str = "") -> None:
        item = self.get(post_id)
        self._gateway.hide_reply(post_id, False)
        self._decide(item, REVIEWED, actor, why, AuditAction.UNHIDE_REPLY)

    def mute_author(self, post_id: str, actor: str, why: str = "") -> None:
        item = self.get(post_id)
        self._gateway.mute(item.author_id, True)
        self._decide(item, MUTED, actor, why, AuditAction.MUTE_AUTHOR)

    def mark_reviewed(self, post_id: str, actor: str, why: str = "") -> None:
        self._decide(self.get(post_id), REVIEWED, actor, why, AuditAction.MARK_REVIEWED)

    def request_block(self, post_id: str, actor: str, why: str = "") -> HandOff:
        """Record the decision and hand the block to a person on x.com."""
        item = self.get(post_id)
        handoff = self._gateway.block_handoff(item.author)
        with self._store.transaction():
            self._store.request_block(self.kind, item.author_id, item.author_handle, actor,
                                      why)
            self._decide(item, BLOCK_PENDING, actor, why, AuditAction.BLOCK_REQUESTED)
        return handoff

    def confirm_blocks(self, actor: str = BLOCK_CHECKER) -> list[str]:
        return confirm_blocks(self._store, self._gateway, self._record, actor)

    def report_handoff(self, post_id: str) -> HandOff:
        """The x.com page where a person reports the reply; nothing is recorded yet."""
        item = self.get(post_id)
        return self._gateway.report_handoff(item.author, post_id)

    def mark_reported(self, post_id: str, actor: str, what: str) -> None:
        """After the person reported it on x.com: what they reported and why."""
        self._decide(self.get(post_id), REPORTED, actor, what, AuditAction.REPORT_TO_X)

    def delete_own_post(self, post_id: str, actor: str, why: str = "") -> None:
        """Delete one of the school's own posts (others' replies can only be hidden)."""
        if self._store.mention(self.kind, post_id) is not None:
            raise ModerationError(translate("Moderation", "That is someone else's reply: X lets "
                                                          "the school hide it, not delete it."))
        self._gateway.delete_post(post_id)
        self._record(actor, AuditAction.DELETE_OWN_POST, post_id, reason=why.strip())

    def _decide(self, item: StoredMention, status: str, actor: str, why: str,
                action: AuditAction) -> None:
        """The new status and its audit entry (why in the entry's reason) in one transaction."""
        with self._store.transaction():
            self._store.set_status(self.kind, item.post_id, status, actor, why)
            self._record(actor, action, f"@{item.author_handle} post {item.post_id}",
                         _detail(f"suggested {item.level}", f'reply: "{_short(item.text)}"'),
                         reason=why.strip())


class FollowerReview:
    """All followers with a "not school-focused" score; new since the last review first."""

    def __init__(self, store: ModerationStore, gateway: XGateway, record: AuditRecord, *,
                 clock: Clock = lambda: datetime.now(UTC), keywords: Lexicon | None = None,
                 places: Lexicon | None = None, page_size: int = FOLLOWERS_PER_PAGE) -> None:
        self._store = store
        self._gateway = gateway
        self._record = record
        self._clock = clock
        self._keywords = keywords
        self._places = places
        self._page_size = page_size

    @property
    def kind(self) -> str:
        return self._gateway.kind

    def recording_to(self, record: AuditRecord) -> FollowerReview:
        """The same review with its decisions recorded by ``record`` (an operation's gate)."""
        review = FollowerReview(self._store, self._gateway, record, clock=self._clock,
                                keywords=self._keywords, places=self._places,
                                page_size=self._page_size)
        return review

    def _context(self) -> FollowerContext:
        trusted, watchlist = self._store.school_lists(self.kind)
        return FollowerContext(now=self._clock(), trusted=trusted, watchlist=watchlist,
                               flagged_replies=self._store.flagged_reply_counts(self.kind),
                               keywords=self._keywords, places=self._places)

    def sync(self, progress: Progress | None = None, *, full: bool = False) -> SyncResult:
        """Read new followers, scoring each; a full check also finds who unfollowed.

        X lists followers newest first and bills every account it returns, so an
        ordinary sync stops at the first page with no new follower. A full check
        reads every page: the first sync, when asked, and once a week
        (``FULL_CHECK_EVERY``), so unfollowers still drop out. An error part-way
        keeps the pages already saved; the next sync completes the picture.
        """
        full = full or self._full_check_due()
        last = self._store.last_follower_sync(self.kind)
        number = last + 1 if full else last  # only a full check may mark anyone as gone
        context = self._context()
        expected = self._gateway.account().followers_count
        seen = new = 0
        page_size = self._page_size if full else self._newcomers_page(expected)
        for page in pages(self._gateway.followers, page_size, MAX_PAGES):
            rows = []
            for profile in page.items:
                risk = score_follower(profile, context)
                rows.append((profile, risk.score, risk.reasons))
            added = self._store.upsert_followers(self.kind, rows, number)
            new += added
            seen += len(rows)
            if progress:
                progress(seen, max(expected, seen) if full else seen)
            if not full and added == 0:
                break
        if not full:
            self._rescore_stored(context)
            return SyncResult(seen, new, 0, complete=False)
        gone = self._store.finish_follower_sync(self.kind, number)
        self._store.set_mark(self.kind, FULL_CHECK_MARK, self._clock().isoformat())
        self._store.set_mark(self.kind, SCORED_WITH_MARK, context_stamp(context))
        return SyncResult(seen, new, gone, complete=True)

    def _newcomers_page(self, followers_now: int) -> int:
        """X bills every account a page returns: ask for about as many as are new (the
        account's count minus those stored), with a margin for people who left."""
        newcomers = max(0, followers_now - self._store.follower_count(self.kind))
        return min(self._page_size, max(NEWCOMERS_PAGE_MIN, newcomers + NEWCOMERS_MARGIN))

    def _rescore_stored(self, context: FollowerContext) -> None:
        """Scores change without X (a reply assessed, the watchlist): rescore those this
        sync did not read, from what is stored, with no request to X. Only when what the
        scores depend on changed since they were worked out: with 100,000 followers a
        rescore costs seconds, and most quick syncs change nothing it depends on."""
        stamp = context_stamp(context)
        if self._store.mark(self.kind, SCORED_WITH_MARK) == stamp:
            return
        changes = []
        for follower in self._store.followers(self.kind, limit=EVERY_FOLLOWER):
            risk = score_follower(follower.profile, context)
            if risk.score != follower.risk_score or tuple(risk.reasons) != tuple(
                    follower.risk_reasons):
                changes.append((follower.profile.user_id, risk.score, risk.reasons))
        if changes:
            self._store.update_follower_risks(self.kind, changes)
        self._store.set_mark(self.kind, SCORED_WITH_MARK, stamp)

    def _full_check_due(self) -> bool:
        last = self._store.mark(self.kind, FULL_CHECK_MARK)
        if not last:
            return True
        try:
            return self._clock() - datetime.fromisoformat(last) >= FULL_CHECK_EVERY
        except (TypeError, ValueError):  # an unreadable mark: check everyone (fail safe)
            return True

    def followers(self, limit: int = 200, offset: int = 0) -> list[StoredFollower]:
        return self._store.followers(self.kind, limit, offset)

    def count(self, new_since_review_only: bool = False) -> int:
        return self._store.follower_count(self.kind, new_since_review_only)

    def lines(self, limit: int = -1) -> list[FollowerLine]:
        """What the Followers table shows, in the order of ``followers`` (-1: everyone)."""
        return self._store.follower_lines(self.kind, limit)

    def get(self, user_id: str) -> StoredFollower:
        follower = self._store.follower(self.kind, user_id)
        if follower is None:
            raise ModerationError(translate("Moderation",
                                            "The account {account} is not among the stored "
                                            "followers.").format(account=user_id))
        return follower

    # Each decision keeps its change and its audit entry in one transaction.

    def mark_ok(self, user_id: str, actor: str, why: str = "") -> StoredFollower:
        follower = self.get(user_id)
        with self._store.transaction():
            self._store.mark_follower_reviewed(self.kind, user_id, actor)
            self._audit(actor, AuditAction.FOLLOWER_REVIEWED_OK, follower.profile, why)
        return self.get(user_id)

    def set_watchlist(self, user_id: str, on: bool, actor: str, why: str = ""
                      ) -> StoredFollower:
        action = AuditAction.FOLLOWER_WATCHLIST_ON if on else AuditAction.FOLLOWER_WATCHLIST_OFF
        return self._flag(user_id, "watchlist", on, actor, why, action)

    def set_trusted(self, user_id: str, on: bool, actor: str, why: str = "") -> StoredFollower:
        action = AuditAction.FOLLOWER_TRUSTED_ON if on else AuditAction.FOLLOWER_TRUSTED_OFF
        return self._flag(user_id, "trusted", on, actor, why, action)

    def _flag(self, user_id: str, flag: str, on: bool, actor: str, why: str,
              action: AuditAction) -> StoredFollower:
        follower = self.get(user_id)
        with self._store.transaction():
            self._store.set_follower_flag(self.kind, user_id, flag, on)
            self._store.mark_follower_reviewed(self.kind, user_id, actor)
            self._rescore(follower.profile)
            self._audit(actor, action, follower.profile, why)
        return self.get(user_id)

    def request_block(self, user_id: str, actor: str, why: str = "") -> HandOff:
        follower = self.get(user_id)
        handoff = self._gateway.block_handoff(follower.profile)
        with self._store.transaction():
            self._store.request_block(self.kind, user_id, follower.profile.handle, actor, why)
            self._store.mark_follower_reviewed(self.kind, user_id, actor)
            self._audit(actor, AuditAction.BLOCK_REQUESTED, follower.profile, why)
        return handoff

    def confirm_blocks(self, actor: str = BLOCK_CHECKER) -> list[str]:
        return confirm_blocks(self._store, self._gateway, self._record, actor)

    # -- unblocking: approved here with the head's PIN, done on x.com, confirmed by X ---------

    def request_unblock(self, profile: UserProfile, actor: str, approved_by: str,
                        why: str) -> HandOff:
        """Keep the approved unblock until X confirms it, and hand it to a person on x.com."""
        with self._store.transaction():
            self._store.request_unblock(self.kind, profile, actor, approved_by, why.strip())
            self._audit(actor, AuditAction.UNBLOCK_REQUESTED, profile, why)
        return unblock_handoff(profile)

    def pending_unblocks(self) -> list[PendingUnblock]:
        """Approved unblocks the blocked list has not yet confirmed, oldest first."""
        return self._store.pending_unblocks(self.kind)

    def confirm_unblocks(self, still_blocked: set[str], actor: str) -> list[str]:
        """Settle the pending unblocks ``still_blocked`` (the blocked list's ids) no longer
        shows; the old block is forgotten, so a later block starts afresh. Returns handles."""
        confirmed = []
        for unblock in self.pending_unblocks():
            if unblock.user_id in still_blocked:
                continue
            with self._store.transaction():
                self._store.confirm_unblock(self.kind, unblock.user_id)
                self._record(actor, AuditAction.UNBLOCK_CONFIRMED, f"@{unblock.handle}",
                             _detail("no longer in the account's blocked list",
                                     f"requested by {unblock.requested_by}"))
            confirmed.append(unblock.handle)
        return confirmed

    def finish_review(self, actor: str) -> None:
        """Everyone seen so far is no longer "new"; the next newcomers will head the list."""
        new = self.count(new_since_review_only=True)
        with self._store.transaction():
            self._store.finish_follower_review(self.kind)
            self._record(actor, AuditAction.FOLLOWER_REVIEW_FINISHED, "",
                         f"{new} new follower{'s' if new != 1 else ''} looked at")

    def _rescore(self, profile: UserProfile) -> None:
        risk = score_follower(profile, self._context())
        self._store.update_follower_risk(self.kind, profile.user_id, risk.score, risk.reasons)

    def _audit(self, actor: str, action: AuditAction, profile: UserProfile, why: str) -> None:
        self._record(actor, action, f"@{profile.handle}", f"id {profile.user_id}",
                     reason=why.strip())


def unblock_handoff(user: UserProfile) -> HandOff:
    """X's API cannot unblock for the school's plan either: a person does it on x.com."""
    return HandOff(
        action="unblock",
        url=f"https://x.com/{user.handle}",
        user_id=user.user_id,
        handle=user.handle,
        instructions=translate(
            "FollowersTab",
            "On the page that opens, press the Blocked button next to @{handle} and confirm "
            "Unblock. The app confirms it when the blocked list no longer shows them.").format(
            handle=user.handle),
    )
