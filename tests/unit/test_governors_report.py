"""The governors' report: a period's posts, decisions, blocks, incidents and followers."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

from stpeters_desk.core.governors_report import (
    GovernorsReport,
    ReportPeriod,
    build_governors_report,
    render_report_html,
    save_governors_report,
    write_report_csv,
)
from stpeters_desk.core.incident import INCIDENT_ACTION
from stpeters_desk.core.moderation_service import FollowerReview, ModerationInbox
from stpeters_desk.core.storage.audit import AuditLog
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import ModerationStore
from stpeters_desk.x.sandbox import SandboxGateway
from stpeters_desk.x.sandbox_seed import SPAM_HANDLES

HEAD = "Mrs Invented Head"
ESAFETY = "Mr Made-Up (e-safety)"
TODAY = date.today()
RECENT = ReportPeriod(TODAY - timedelta(days=90), TODAY)


@pytest.fixture
def audit(db: Database) -> AuditLog:
    return AuditLog(db)


@pytest.fixture
def store(db: Database) -> ModerationStore:
    return ModerationStore(db)


@pytest.fixture
def busy_term(sandbox: SandboxGateway, store: ModerationStore, audit: AuditLog) -> str:
    """A term's worth of work on the practice account; returns the blocked bot's handle."""
    inbox = ModerationInbox(store, sandbox, audit.record)
    review = FollowerReview(store, sandbox, audit.record)
    inbox.refresh()
    review.sync()
    threat = next(i for i in inbox.items(500) if "waiting at the gate" in i.text)
    inbox.hide(threat.post_id, HEAD, "Threat or intimidation")
    kind = next(i for i in inbox.items(500) if "Well done everyone" in i.text)
    inbox.mark_reviewed(kind.post_id, ESAFETY, "Looked at: fine")
    bot = next(f for f in review.followers(500) if f.profile.handle in SPAM_HANDLES)
    handoff = review.request_block(bot.profile.user_id, HEAD, "Spam or bot account")
    sandbox.complete_handoff(handoff)
    review.confirm_blocks()
    review.sync()  # the bot no longer follows
    review.mark_ok(review.followers(1)[0].profile.user_id, ESAFETY, "Known parent")
    audit.record(HEAD, INCIDENT_ACTION, f"@{threat.author_handle} post {threat.post_id}",
                 "what happened: threat to a teacher; action taken: hidden")
    audit.record(HEAD, "unblock requested", "@cheap_likes_4u", "blocked by mistake")
    for text in ("=SUM(A1:A2) is how Year 6 checked the tuck shop takings",
                 "<script>alert(1)</script> Year 5 coding club made this!"):
        post = sandbox.post(text)
        audit.record(HEAD, "post tweet", post.post_id, "")
    audit.record(HEAD, "sign in", HEAD, "")  # not a moderation action: must stay out
    return bot.profile.handle


def make(period: ReportPeriod, audit: AuditLog, store: ModerationStore,
         sandbox: SandboxGateway, post_limit: int = 400) -> GovernorsReport:
    return build_governors_report(period, audit=audit, store=store, gateway=sandbox,
                                  generated_by=HEAD, post_limit=post_limit)


def figures(report: GovernorsReport) -> dict[str, str]:
    return {label.strip(): value for label, value in report.summary()}


def test_the_report_counts_what_happened_in_the_period(
        busy_term: str, audit: AuditLog, store: ModerationStore,
        sandbox: SandboxGateway) -> None:
    report = make(RECENT, audit, store, sandbox)
    numbers = figures(report)

    assert report.school_handle == "StPetersPilning"
    assert numbers["Posts sent through this app"] == "2"
    assert int(numbers["Posts on the account"]) == len(sandbox.own_posts(400))
    assert numbers["Replies and mentions received"] == "68"
    assert int(numbers["of which: Hide suggested"]) >= 5
    assert numbers["Blocks requested"] == "1" and numbers["Blocks confirmed on X"] == "1"
    assert numbers["Unblocks (head teacher's PIN)"] == "1"
    assert numbers["Incident packs made"] == "1"
    assert numbers["New followers"] == "68"
    assert numbers["Followers who left or were blocked"] == "1"
    assert numbers["Followers now"] == "67"
    actions = [line.action for line in report.moderation]
    assert actions == ["hide reply", "mark reply reviewed", "follower reviewed ok"]
    assert [line.who for line in report.moderation] == [HEAD, ESAFETY, ESAFETY]
    assert report.moderation[0].detail.startswith("Threat or intimidation")
    assert [line.action for line in report.blocks] == [
        "block requested", "block confirmed", "unblock requested"]
    (lost,) = report.lost_followers
    assert lost.about == f"@{busy_term}" and lost.action == "blocked"
    assert report.replies_by_status["hidden"] >= 1
    assert any("first read the followers" in note for note in report.notes)
    posts = [post.created_at for post in report.posts]
    assert posts == sorted(posts) and all(RECENT.contains(moment) for moment in posts)


def test_an_earlier_period_leaves_todays_work_out(
        busy_term: str, audit: AuditLog, store: ModerationStore,
        sandbox: SandboxGateway) -> None:
    period = ReportPeriod(TODAY - timedelta(days=90), TODAY - timedelta(days=1))

    report = make(period, audit, store, sandbox)

    assert report.moderation == [] and report.blocks == [] and report.incidents == []
    assert report.new_followers == [] and report.lost_followers == []
    assert report.posts_through_app == 0
    assert all(not post.text.startswith("=SUM") for post in report.posts)
    assert sum(report.replies_by_level.values()) == 68  # the invented replies are older


def test_when_x_does_not_reach_back_far_enough_the_report_says_so(
        busy_term: str, audit: AuditLog, store: ModerationStore,
        sandbox: SandboxGateway) -> None:
    report = make(RECENT, audit, store, sandbox, post_limit=3)

    assert len(report.posts) == 3 and not report.posts_complete
    assert figures(report)["Posts on the account"] == "3 or more"
    assert any("recent posts" in note for note in report.notes)


def test_csv_has_every_section_and_cannot_run_formulas(
        busy_term: str, audit: AuditLog, store: ModerationStore, sandbox: SandboxGateway,
        tmp_path: Path) -> None:
    report = make(RECENT, audit, store, sandbox)

    path = write_report_csv(report, tmp_path / "report.csv")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))

    sections = {row["section"] for row in rows}
    assert {"period", "summary", "post", "moderation", "block", "incident", "new follower",
            "follower lost", "note"} <= sections
    assert sum(1 for row in rows if row["section"] == "new follower") == 68
    sums = [row["detail"] for row in rows if "SUM(A1:A2)" in row["detail"]]
    assert sums and all(cell.startswith("'=SUM") for cell in sums)
    incident = next(row for row in rows if row["section"] == "incident")
    assert incident["who"] == HEAD and incident["action"] == INCIDENT_ACTION


def test_html_is_escaped_self_contained_and_leaves_reply_texts_out(
        busy_term: str, audit: AuditLog, store: ModerationStore,
        sandbox: SandboxGateway) -> None:
    report = make(RECENT, audit, store, sandbox)

    page = render_report_html(report)

    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Year 5 coding club" in page
    assert "Threat or intimidation" in page and "Spam or bot account" in page
    assert "waiting at the gate" not in page  # the reply's words stay in the incident pack
    assert "Practice account" in page
    assert RECENT.label in page
    assert "src=" not in page and "<link" not in page


def test_saving_writes_html_and_csv_named_after_the_period(
        busy_term: str, audit: AuditLog, store: ModerationStore, sandbox: SandboxGateway,
        tmp_path: Path) -> None:
    report = make(RECENT, audit, store, sandbox)

    paths = save_governors_report(report, tmp_path / "governors")

    stem = f"governors-report-{RECENT.first_day.isoformat()}-to-{TODAY.isoformat()}"
    assert [p.name for p in paths] == [f"{stem}.html", f"{stem}.csv"]
    assert all(p.stat().st_size > 0 for p in paths)


def test_an_empty_account_gives_an_empty_but_readable_report(
        audit: AuditLog, store: ModerationStore, sandbox: SandboxGateway) -> None:
    period = ReportPeriod(TODAY, TODAY)

    report = make(period, audit, store, sandbox)
    page = render_report_html(report)

    assert figures(report)["Moderation decisions"] == "0"
    assert "No moderation decisions in this period." in page
    assert "No incident packs in this period." in page


def test_a_period_must_run_forwards() -> None:
    with pytest.raises(ValueError, match="before its first day"):
        ReportPeriod(TODAY, TODAY - timedelta(days=1))
    one_day = ReportPeriod(TODAY, TODAY)
    assert one_day.end - one_day.start >= timedelta(hours=23)
