"""The moderation inbox and follower review, against the sandbox account and a real database."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from stpeters_desk.core.follower_risk import CHECK_FROM, HIGH_FROM
from stpeters_desk.core.moderation import HIDE, OK, REVIEW, Lexicon
from stpeters_desk.core.moderation_reasons import (
    BuiltIn,
    ChildNamesNote,
    FoundWords,
    Reason,
    touches_safeguarding,
)
from stpeters_desk.core.moderation_service import (
    BLOCK_CHECKER,
    FIRST_REFRESH_LIMIT,
    MENTIONS_PER_FETCH,
    FollowerReview,
    ModerationError,
    ModerationInbox,
)
from stpeters_desk.core.storage.audit import AuditLog
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import (
    BLOCK_PENDING,
    BLOCKED,
    CONFIRMED,
    HIDDEN,
    MUTED,
    NEW,
    PENDING,
    REPORTED,
    REVIEWED,
    SINCE_ID_MARK,
    AssessedMention,
    ModerationStore,
    id_after,
)
from stpeters_desk.x.errors import Offline, RejectedByX
from stpeters_desk.x.models import REAL, Mention
from stpeters_desk.x.sandbox import SandboxGateway
from stpeters_desk.x.sandbox_seed import HOSTILE_HANDLES, SPAM_HANDLES, snowflake_id

HEAD = "Mrs Okafor (head teacher)"


@dataclass
class Recorder:
    """Stands in for the app's audit log: keeps every (actor, action, target, detail), and
    each entry's reason (why a person decided it) apart, as the log's own column does."""

    entries: list[tuple[str, str, str, str]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def __call__(self, actor: str, action: str, target: str = "", detail: str = "", *,
                 reason: str = "") -> None:
        self.entries.append((actor, action, target, detail))
        self.reasons.append(reason)

    def actions(self) -> list[str]:
        return [action for _actor, action, _target, _detail in self.entries]


@pytest.fixture
def store(db: Database) -> ModerationStore:
    return ModerationStore(db)


@pytest.fixture
def record() -> Recorder:
    return Recorder()


@pytest.fixture
def inbox(store: ModerationStore, sandbox: SandboxGateway, record: Recorder) -> ModerationInbox:
    return ModerationInbox(store, sandbox, record)


@pytest.fixture
def review(store: ModerationStore, sandbox: SandboxGateway, record: Recorder) -> FollowerReview:
    return FollowerReview(store, sandbox, record, page_size=7)


def _find(inbox: ModerationInbox, snippet: str) -> str:
    matches = [item.post_id for item in inbox.items(500) if snippet in item.text]
    assert len(matches) == 1, snippet
    return matches[0]


def _add_sandbox_mention(db: Database, sandbox: SandboxGateway, text: str,
                         author_handle: str = "kerry_ann_w") -> str:
    """A reply arriving after the first fetch, as X would deliver it."""
    when = datetime.now(UTC)
    post_id = snowflake_id(when, 777)
    author = db.query_one("SELECT user_id FROM sandbox_users WHERE handle = :h",
                          {"h": author_handle})
    assert author is not None
    target = sandbox.own_posts(1)[0].post_id
    db.execute("INSERT INTO sandbox_mentions (post_id, author_id, text, created_at, "
               "conversation_id, in_reply_to_post_id, hidden) VALUES (:id, :author, :text, :at, "
               ":conv, :conv, 0)", {"id": post_id, "author": author["user_id"], "text": text,
                                    "at": when.isoformat(), "conv": target})
    return post_id


def _add_sandbox_follower(db: Database, handle: str, days_old: int) -> str:
    created = datetime.now(UTC) - timedelta(days=days_old)
    user_id = snowflake_id(created, 4242)
    db.execute(
        "INSERT INTO sandbox_users (user_id, handle, name, bio, location, created_at, "
        "followers_count, following_count, tweet_count, profile_image_url, verified, protected, "
        "follows_school) VALUES (:id, :handle, :handle, '', '', :at, 0, 3500, 0, '', 0, 0, 1)",
        {"id": user_id, "handle": handle, "at": created.isoformat()})
    return user_id


# --- fetching and listing ------------------------------------------------------------------


def test_refresh_fetches_assesses_and_stores_every_mention(inbox: ModerationInbox,
                                                           sandbox: SandboxGateway,
                                                           store: ModerationStore) -> None:
    progress: list[tuple[int, int]] = []
    result = inbox.refresh(lambda done, total: progress.append((done, total)))
    mentions = sandbox.mentions(limit=1000)
    assert result.fetched == result.new == len(mentions) and not result.maybe_missed
    assert progress[0] == (0, 0) and progress[-1] == (len(mentions), len(mentions))
    newest = max(mentions, key=lambda m: (len(m.post_id), m.post_id)).post_id
    assert store.since_id(sandbox.kind) == newest
    stored = inbox.items(500)
    assert {item.post_id for item in stored} == {m.post_id for m in mentions}
    assert all(item.status == NEW for item in stored)
    assert {item.level for item in stored} == {OK, REVIEW, HIDE}
    assert result.needs_someone == sum(item.level != OK for item in stored)


def test_refresh_is_incremental(inbox: ModerationInbox, db: Database,
                                sandbox: SandboxGateway) -> None:
    inbox.refresh()
    assert inbox.refresh().fetched == 0
    post_id = _add_sandbox_mention(db, sandbox, "You'll regret cancelling that trip.")
    result = inbox.refresh()
    assert (result.fetched, result.new) == (1, 1)
    item = inbox.get(post_id)
    assert item.level == HIDE and item.needs_someone
    assert item.reasons[0].rule == "threat" and item.safeguarding


def test_more_than_x_gives_is_said_not_hidden(store: ModerationStore, sandbox: SandboxGateway,
                                               record: Recorder) -> None:
    small = ModerationInbox(store, sandbox, record, batch=10)
    assert small.refresh().maybe_missed
    assert len(small.items(500)) == 10


def test_a_refresh_reads_everything_since_the_last_one(db: Database, sandbox: SandboxGateway,
                                                        inbox: ModerationInbox) -> None:
    """Replies that arrive between two refreshes are all read, none skipped."""
    inbox.refresh()
    before = len(inbox.items(5000))
    target = sandbox.own_posts(1)[0].post_id
    author = db.query_one("SELECT user_id FROM sandbox_users LIMIT 1")
    assert author is not None
    start = datetime.now(UTC)
    for number in range(150):
        when = start + timedelta(milliseconds=number)
        db.execute("INSERT INTO sandbox_mentions (post_id, author_id, text, created_at, "
                   "conversation_id, in_reply_to_post_id, hidden) VALUES (:id, :author, :text, "
                   ":at, :conv, :conv, 0)",
                   {"id": snowflake_id(when, number), "author": author["user_id"],
                    "text": f"Great work at the science fair, part {number}",
                    "at": when.isoformat(), "conv": target})
    result = inbox.refresh()
    assert (result.fetched, result.new, result.maybe_missed) == (150, 150, False)
    assert len(inbox.items(5000)) == before + 150


def test_needs_you_first_order(inbox: ModerationInbox) -> None:
    inbox.refresh()
    items = [item for item in inbox.items(500) if not item.safeguarding]
    levels = [item.level for item in items]
    first_review = levels.index(REVIEW)
    first_ok = levels.index(OK)
    assert set(levels[:first_review]) == {HIDE}
    assert set(levels[first_review:first_ok]) == {REVIEW}
    assert set(levels[first_ok:]) == {OK}
    hides = [item.score for item in items if item.level == HIDE]
    assert hides == sorted(hides, reverse=True)
    decided = inbox.items(500)[0]
    inbox.mark_reviewed(decided.post_id, HEAD)
    assert inbox.items(500)[-1].post_id == decided.post_id  # decided ones go to the end


def test_counts_and_status_filter(inbox: ModerationInbox) -> None:
    inbox.refresh()
    counts = inbox.counts()
    assert counts[NEW] == len(inbox.items(500))
    needs = counts["needs someone"]
    target = inbox.items(1)[0]
    inbox.mark_reviewed(target.post_id, HEAD, "spoke to the parent")
    assert inbox.counts()["needs someone"] == needs - 1
    assert [i.post_id for i in inbox.items(statuses=(REVIEWED,))] == [target.post_id]
    assert inbox.items(statuses=()) == []


def test_sandbox_and_real_account_are_kept_apart(inbox: ModerationInbox,
                                                 store: ModerationStore) -> None:
    inbox.refresh()
    assert store.inbox(REAL) == []
    assert store.since_id(REAL) is None
    assert store.inbox_counts(REAL)["needs someone"] == 0


def test_a_gateway_error_stores_nothing(store: ModerationStore, db: Database,
                                        record: Recorder) -> None:
    offline = SandboxGateway(db, simulate_offline=True)
    with pytest.raises(Offline):
        ModerationInbox(store, offline, record).refresh()
    assert store.inbox(offline.kind) == [] and store.since_id(offline.kind) is None


def test_fetching_again_never_undoes_a_decision(inbox: ModerationInbox, store: ModerationStore,
                                                sandbox: SandboxGateway) -> None:
    inbox.refresh()
    post_id = _find(inbox, "s**t")
    inbox.hide(post_id, HEAD, "swearing")
    store.set_mark(sandbox.kind, SINCE_ID_MARK, "0")
    inbox.refresh()
    assert inbox.get(post_id).status == HIDDEN


def test_reassess_after_the_school_edits_its_lists(inbox: ModerationInbox) -> None:
    inbox.refresh()
    gingerbread = _find(inbox, "Gingerbread people")
    decided = _find(inbox, "Scunthorpe United")
    inbox.mark_reviewed(decided, HEAD)
    assert inbox.get(gingerbread).level == OK
    inbox.use_lexicon(Lexicon.from_text("[advertising: review]\ngingerbread\nscunthorpe\n"))
    assert inbox.reassess() >= 1
    assert inbox.get(gingerbread).level == REVIEW
    assert inbox.get(gingerbread).reasons == (
        Reason("advertising", "review", (FoundWords("gingerbread"),)),)
    assert inbox.get(decided).level == OK  # decided replies keep what they were decided on


# --- actions -------------------------------------------------------------------------------


def test_hide_and_unhide_a_reply(inbox: ModerationInbox, sandbox: SandboxGateway,
                                 record: Recorder) -> None:
    inbox.refresh()
    post_id = _find(inbox, "F***ing hypocrites")
    inbox.hide(post_id, HEAD, "swearing at staff")
    assert [m.hidden for m in sandbox.mentions(limit=500) if m.post_id == post_id] == [True]
    item = inbox.get(post_id)
    assert (item.status, item.decided_by, item.decision_note) == (HIDDEN, HEAD,
                                                                  "swearing at staff")
    actor, action, target, detail = record.entries[-1]
    assert (actor, action) == (HEAD, "hide reply")
    assert target == f"@PilningTruthTeller post {post_id}"
    assert detail.startswith("suggested hide; reply:")
    assert record.reasons[-1] == "swearing at staff"
    inbox.unhide(post_id, HEAD, "checked with the class teacher")
    assert [m.hidden for m in sandbox.mentions(limit=500) if m.post_id == post_id] == [False]
    assert inbox.get(post_id).status == REVIEWED
    assert record.actions() == ["hide reply", "unhide reply"]


def test_x_refusing_an_action_changes_and_records_nothing(inbox: ModerationInbox,
                                                          record: Recorder) -> None:
    inbox.refresh()
    plain_mention = _find(inbox, "Someone should send Ofsted")
    with pytest.raises(RejectedByX):
        inbox.hide(plain_mention, HEAD)
    assert inbox.get(plain_mention).status == NEW
    assert record.entries == []
    with pytest.raises(ModerationError):
        inbox.hide("123", HEAD)


def test_mute_the_author(inbox: ModerationInbox, sandbox: SandboxGateway,
                         record: Recorder) -> None:
    inbox.refresh()
    post_id = _find(inbox, "Crap priorities")
    inbox.mute_author(post_id, HEAD, "repeated digs")
    assert "NoFilterNorm99" in {user.handle for user in sandbox.muted().items}
    assert inbox.get(post_id).status == MUTED
    assert record.entries[-1][:3] == (HEAD, "mute account", f"@NoFilterNorm99 post {post_id}")


def test_block_is_handed_off_then_confirmed_from_the_blocked_list(
        inbox: ModerationInbox, sandbox: SandboxGateway, store: ModerationStore,
        record: Recorder) -> None:
    inbox.refresh()
    post_id = _find(inbox, "waiting at the gate")
    handoff = inbox.request_block(post_id, HEAD, "threat to a teacher")
    assert handoff.action == "block" and handoff.url == "https://x.com/PilningTruthTeller"
    assert inbox.get(post_id).status == BLOCK_PENDING
    block = store.block(sandbox.kind, handoff.user_id)
    assert block is not None and (block.status, block.requested_by) == (PENDING, HEAD)
    assert inbox.confirm_blocks() == []  # nobody has clicked Block on x.com yet
    assert inbox.get(post_id).status == BLOCK_PENDING
    sandbox.complete_handoff(handoff)
    assert inbox.confirm_blocks() == ["PilningTruthTeller"]
    assert inbox.get(post_id).status == BLOCKED
    assert inbox.get(post_id).decided_by == HEAD
    confirmed = store.block(sandbox.kind, handoff.user_id)
    assert confirmed is not None and confirmed.status == CONFIRMED and confirmed.confirmed_at
    assert record.actions() == ["block requested", "block confirmed"]
    assert record.entries[-1][:3] == (BLOCK_CHECKER, "block confirmed", "@PilningTruthTeller")
    assert inbox.confirm_blocks() == []


def test_report_is_handed_off_and_recorded(inbox: ModerationInbox, record: Recorder) -> None:
    inbox.refresh()
    post_id = _find(inbox, "lonely tonight")
    handoff = inbox.report_handoff(post_id)
    assert handoff.action == "report" and handoff.url.endswith(f"/status/{post_id}")
    assert record.entries == []
    inbox.mark_reported(post_id, HEAD, "reported as spam")
    assert inbox.get(post_id).status == REPORTED
    assert record.entries[-1][:2] == (HEAD, "reported to X")


def test_delete_one_of_the_schools_own_posts(inbox: ModerationInbox, sandbox: SandboxGateway,
                                             record: Recorder) -> None:
    inbox.refresh()
    own = sandbox.post("A practice post to delete")
    inbox.delete_own_post(own.post_id, HEAD, "posted by mistake")
    assert own.post_id not in {post.post_id for post in sandbox.own_posts(200)}
    assert record.entries[-1] == (HEAD, "delete own post", own.post_id, "")
    assert record.reasons[-1] == "posted by mistake"
    reply = _find(inbox, "Crap priorities")
    with pytest.raises(ModerationError, match="hide it"):
        inbox.delete_own_post(reply, HEAD)


def test_actions_reach_the_real_audit_log(store: ModerationStore, sandbox: SandboxGateway,
                                          db: Database) -> None:
    audit = AuditLog(db)
    inbox = ModerationInbox(store, sandbox, audit.record)
    inbox.refresh()
    inbox.mark_reviewed(_find(inbox, "Bloody brilliant"), HEAD, "harmless, leave it")
    entry = audit.recent(1)[0]
    assert (entry.actor, entry.action) == (HEAD, "mark reply reviewed")
    assert entry.reason == "harmless, leave it"
    assert entry.detail.startswith("suggested review")


def test_store_keeps_assessments_and_notes(store: ModerationStore, sandbox: SandboxGateway
                                           ) -> None:
    mention = sandbox.mentions(limit=1)[0]
    reasons = (Reason("rule one", "review", (FoundWords("a"),)),
               Reason("spam sign", "hint", (FoundWords(built_in=BuiltIn.LINK),), weak=True))
    saved = AssessedMention(mention, REVIEW, 0.456, reasons, (ChildNamesNote(("Alfie",)),))
    assert store.save_mentions(sandbox.kind, [saved, saved]) == 1
    item = store.mention(sandbox.kind, mention.post_id)
    assert item is not None
    assert (item.level, item.score, item.reasons, item.notes) == (
        REVIEW, 0.456, reasons, (ChildNamesNote(("Alfie",)),))
    assert item.link == f"https://x.com/{mention.author.handle}/status/{mention.post_id}"
    with pytest.raises(ValueError, match="unknown status"):
        store.set_status(sandbox.kind, mention.post_id, "deleted", HEAD)


def test_ids_compare_as_numbers() -> None:
    assert id_after("100", "99") and not id_after("99", "100") and id_after("5", None)


# --- followers -----------------------------------------------------------------------------


def test_sync_scores_every_follower_page_by_page(review: FollowerReview,
                                                 sandbox: SandboxGateway) -> None:
    progress: list[tuple[int, int]] = []
    result = review.sync(lambda done, total: progress.append((done, total)))
    followers = sandbox.account().followers_count
    assert (result.seen, result.new, result.gone) == (followers, followers, 0)
    assert len(progress) == -(-followers // 7) and progress[-1] == (followers, followers)
    assert review.count() == followers
    listed = review.followers(500)
    top = {f.profile.handle for f in listed[:len(SPAM_HANDLES)]}
    assert top == SPAM_HANDLES
    assert all(f.risk_score >= HIGH_FROM and f.risk_reasons for f in listed[:len(top)])
    again = review.sync()  # X lists newest first: one page without a newcomer is enough
    assert (again.seen, again.new, again.gone, again.complete) == (7, 0, 0, False)


def test_a_sync_reads_only_up_to_the_first_page_without_a_new_follower(
        store: ModerationStore, sandbox: SandboxGateway, record: Recorder, db: Database) -> None:
    moments = iter([datetime(2026, 12, 1, 9, tzinfo=UTC)] * 3
                   + [datetime(2026, 12, 2, 9, tzinfo=UTC)] * 3)
    review = FollowerReview(store, sandbox, record, page_size=7, clock=lambda: next(moments))
    first = review.sync()
    assert first.complete and first.new == first.seen == sandbox.account().followers_count
    for number in range(9):  # more than a page of newcomers
        _add_sandbox_follower(db, f"new_parent_{number}", days_old=400 + number)
    fetched: list[int] = []
    original = sandbox.followers

    def counting(page_token: str | None = None, page_size: int = 100) -> Any:
        page = original(page_token, page_size)
        fetched.append(len(page.items))
        return page

    sandbox.followers = counting  # type: ignore[method-assign]
    result = review.sync()
    assert (result.new, result.complete) == (9, False)
    assert fetched == [7, 7, 7]  # 7 new, 2 new and 5 known, then a page of known: stop
    assert review.count() == first.seen + 9


def test_a_quick_sync_rescores_stored_followers_only_when_their_context_changed(
        store: ModerationStore, sandbox: SandboxGateway, record: Recorder) -> None:
    """With 100,000 followers rescoring costs seconds: a quick sync that changes nothing a
    score depends on leaves the stored scores alone; a watchlist change or a new day
    (account ages count in days) works them out again."""
    day = [datetime(2026, 12, 1, 9, tzinfo=UTC)]
    review = FollowerReview(store, sandbox, record, page_size=7, clock=lambda: day[0])
    review.sync()  # the first sync is a full check: every follower scored as read
    rescored: list[int] = []
    original = store.followers

    def counting(kind: str, limit: int = 200, offset: int = 0,
                 include_gone: bool = False) -> Any:
        found = original(kind, limit=limit, offset=offset, include_gone=include_gone)
        rescored.append(len(found))
        return found

    store.followers = counting  # type: ignore[method-assign]
    review.sync()
    review.sync()
    assert rescored == []  # nothing changed since the full check
    parent = original(sandbox.kind, limit=1)[0]
    store.set_follower_flag(sandbox.kind, parent.profile.user_id, "watchlist", True)
    review.sync()
    assert rescored == [sandbox.account().followers_count]
    watched = store.follower(sandbox.kind, parent.profile.user_id)
    assert watched is not None and watched.risk_score >= CHECK_FROM
    review.sync()
    assert len(rescored) == 1
    day[0] += timedelta(days=1)
    review.sync()
    assert len(rescored) == 2


def test_a_full_check_once_a_week_finds_who_unfollowed(
        store: ModerationStore, sandbox: SandboxGateway, record: Recorder, db: Database) -> None:
    now = [datetime(2026, 12, 1, 9, tzinfo=UTC)]
    review = FollowerReview(store, sandbox, record, page_size=7, clock=lambda: now[0])
    everyone = review.sync().seen
    leaver = review.followers(500)[-1].profile.user_id
    db.execute("UPDATE sandbox_users SET follows_school = 0 WHERE user_id = :id", {"id": leaver})
    now[0] += timedelta(days=6)
    quick = review.sync()
    assert (quick.gone, quick.complete) == (0, False)
    assert leaver in {f.profile.user_id for f in review.followers(500)}
    now[0] += timedelta(days=1)
    weekly = review.sync()
    assert (weekly.seen, weekly.gone, weekly.complete) == (everyone - 1, 1, True)
    assert leaver not in {f.profile.user_id for f in review.followers(500)}
    assert review.sync(full=True).complete  # and whenever someone asks for it


def test_new_followers_since_the_last_review_come_first(review: FollowerReview, db: Database,
                                                        record: Recorder) -> None:
    review.sync()
    review.finish_review(HEAD)
    assert review.count(new_since_review_only=True) == 0
    assert record.entries[-1][:2] == (HEAD, "follower review finished")
    newcomer = _add_sandbox_follower(db, "newbie_in_the_village", days_old=400)
    assert review.sync().new == 1
    first = review.followers(1)[0]
    assert first.profile.user_id == newcomer
    assert review.count(new_since_review_only=True) == 1


def test_unfollowers_and_blocked_accounts_drop_out(review: FollowerReview,
                                                   sandbox: SandboxGateway,
                                                   store: ModerationStore) -> None:
    review.sync()
    bot = next(f for f in review.followers(500) if f.profile.handle == "Mark49201839")
    handoff = review.request_block(bot.profile.user_id, HEAD, "spam bot")
    assert review.get(bot.profile.user_id).block_status == PENDING
    sandbox.complete_handoff(handoff)
    assert review.confirm_blocks() == ["Mark49201839"]
    assert review.get(bot.profile.user_id).block_status == CONFIRMED
    assert bot.profile.user_id not in {f.profile.user_id for f in review.followers(500)}
    result = review.sync()
    assert result.gone == 0  # already settled by the confirmed block
    assert store.follower(sandbox.kind, bot.profile.user_id) is not None


def test_mark_ok_watchlist_and_trusted(review: FollowerReview, record: Recorder) -> None:
    review.sync()
    parent = next(f for f in review.followers(500) if f.profile.handle == "sarah_j_pilning")
    review.mark_ok(parent.profile.user_id, HEAD)
    marked = review.get(parent.profile.user_id)
    assert marked.reviewed_by == HEAD and marked.reviewed_at
    review.set_watchlist(parent.profile.user_id, True, HEAD, "argued with staff at the gate")
    watched = review.get(parent.profile.user_id)
    assert watched.watchlist and watched.risk_score >= CHECK_FROM
    assert any("watchlist" in reason for reason in watched.risk_reasons)
    review.set_watchlist(parent.profile.user_id, False, HEAD)
    assert review.get(parent.profile.user_id).risk_score == parent.risk_score
    bot = next(f for f in review.followers(500) if f.profile.handle == "user83920174621")
    review.set_trusted(bot.profile.user_id, True, HEAD, "the caretaker's new account")
    trusted = review.get(bot.profile.user_id)
    assert trusted.trusted and trusted.risk_score == bot.risk_score - 50
    assert record.actions() == ["follower reviewed ok", "follower added to watchlist",
                                "follower taken off watchlist", "follower marked trusted"]
    assert record.entries[1][2:] == ("@sarah_j_pilning", f"id {parent.profile.user_id}")
    assert record.reasons[1] == "argued with staff at the gate"
    with pytest.raises(ModerationError):
        review.mark_ok("no-such-id", HEAD)


def test_hostile_followers_rise_once_their_replies_are_assessed(
        inbox: ModerationInbox, review: FollowerReview) -> None:
    review.sync()
    before = {f.profile.handle: f.risk_score for f in review.followers(500)}
    inbox.refresh()
    review.sync()
    after = {f.profile.handle: f for f in review.followers(500)}
    for handle in HOSTILE_HANDLES:
        assert before[handle] < CHECK_FROM
        assert after[handle].risk_score >= CHECK_FROM, after[handle].risk_reasons


def test_replies_that_touch_safeguarding_come_first(inbox: ModerationInbox) -> None:
    """A threat must not wait behind a page of spam for the safeguarding lead to see it."""
    inbox.refresh()
    items = inbox.items(500)
    flagged = [item for item in items if item.needs_someone and touches_safeguarding(item.reasons)]
    assert flagged, "the sandbox's replies include a threat"
    assert items[:len(flagged)] == flagged
    assert [item.safeguarding for item in items[:len(flagged) + 1]] == [True] * len(flagged) + [
        False]
    spam = Reason("spam", "hint", (FoundWords("cheap"),))
    threat = Reason("threat", "hide", (FoundWords("waiting at the gate for"),))
    assert touches_safeguarding([spam, threat])
    assert not touches_safeguarding([spam, Reason("mild swearing", "review")])
    assert not touches_safeguarding([replace(threat, weak=True)])  # a weak sign never is


def test_the_first_refresh_reads_a_bounded_recent_window(store: ModerationStore,
                                                         sandbox: SandboxGateway,
                                                         record: Recorder) -> None:
    """X bills every post read: the very first refresh must not pull 800 posts and authors."""
    asked: list[int] = []
    real = sandbox.mentions

    def counting(since_id: str | None = None, limit: int = 100) -> list[Mention]:
        asked.append(limit)
        return real(since_id=since_id, limit=limit)

    sandbox.mentions = counting  # type: ignore[method-assign]
    inbox = ModerationInbox(store, sandbox, record)
    inbox.refresh()
    inbox.refresh()
    assert asked == [FIRST_REFRESH_LIMIT, MENTIONS_PER_FETCH]
    assert FIRST_REFRESH_LIMIT <= 100 < MENTIONS_PER_FETCH


def test_a_sync_asks_for_about_as_many_accounts_as_are_new(
        store: ModerationStore, sandbox: SandboxGateway, record: Recorder, db: Database) -> None:
    """X bills every account on a page: with 1,000 a page, 3 newcomers must not cost 1,000."""
    review = FollowerReview(store, sandbox, record, page_size=1000)
    review.sync()
    for number in range(3):
        _add_sandbox_follower(db, f"newer_parent_{number}", days_old=300 + number)
    asked: list[int] = []
    original = sandbox.followers

    def recording(page_token: str | None = None, page_size: int = 100) -> Any:
        asked.append(page_size)
        return original(page_token, page_size)

    sandbox.followers = recording  # type: ignore[method-assign]
    assert review.sync().new == 3
    assert asked == [13, 13]  # 3 new and a margin of 10, then a page with no newcomer
