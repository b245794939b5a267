"""The governors' report: what the account did and what was done about it, for one period.

The Teaching & Learning committee reviews the Twitter policy every two years
and governors ask in between whether it is being followed. This report
answers from the record rather than from memory: the posts X holds for the
period, every moderation decision and block from the tamper-evident audit
log (who, when and why), the incident packs made, the replies received and
how the followers changed. It is written as CSV (for a spreadsheet) and as
one self-contained HTML file that any browser prints to PDF; the UI can also
print that HTML to PDF itself.

Reply texts are left out: parents' replies sometimes name their children,
and governors' papers travel further than the staffroom. The incident packs
keep the words where they matter.

Building the report calls the gateway (the school's posts, the account): run
it off the UI thread.
"""

from __future__ import annotations

import csv
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from stpeters_desk.core.audit_actions import AuditAction as A
from stpeters_desk.core.incident import INCIDENT_ACTION
from stpeters_desk.core.storage.audit import AuditEntry, AuditLog
from stpeters_desk.core.storage.moderation_store import CONFIRMED, ModerationStore
from stpeters_desk.x.gateway import XGateway
from stpeters_desk.x.models import Post

POSTS_FETCHED = 400  # X's recent timeline; a term of school posts is well under this
PAGE = 2000          # followers and replies are read from the database in pages
NAMES_LISTED = 300   # the HTML lists this many followers per table; the CSV lists all

POST_ACTION = A.POST_TWEET
BLOCK_ACTIONS = (A.BLOCK_REQUESTED, A.BLOCK_CONFIRMED, A.UNBLOCK_REQUESTED, A.UNBLOCK_CONFIRMED)
MODERATION_ACTIONS = (
    A.HIDE_REPLY, A.UNHIDE_REPLY, A.MUTE_AUTHOR, A.MARK_REVIEWED, A.REPORT_TO_X,
    A.DELETE_OWN_POST, A.FOLLOWER_REVIEWED_OK, A.FOLLOWER_WATCHLIST_ON,
    A.FOLLOWER_WATCHLIST_OFF, A.FOLLOWER_TRUSTED_ON, A.FOLLOWER_TRUSTED_OFF,
    A.FOLLOWER_REVIEW_FINISHED,
)
LEVEL_TITLES = {"hide": "Hide suggested", "review": "Needs review", "ok": "Looked fine"}
CSV_HEADER = ("section", "when", "who", "action", "about", "detail")

_REPLY_QUOTE = re.compile(r';?\s*reply: ".*"\s*$', re.DOTALL)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ReportPeriod:
    """Whole days, first and last included, in this computer's time zone."""

    first_day: date
    last_day: date

    def __post_init__(self) -> None:
        if self.last_day < self.first_day:
            raise ValueError("The report's last day comes before its first day.")

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first_day, time.min).astimezone()

    @property
    def end(self) -> datetime:
        """Midnight after the last day (not included)."""
        return datetime.combine(self.last_day + timedelta(days=1), time.min).astimezone()

    def contains(self, moment: datetime) -> bool:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return self.start <= moment < self.end

    @property
    def label(self) -> str:
        return f"{_day(self.first_day)} to {_day(self.last_day)}"

    @property
    def file_stem(self) -> str:
        return f"governors-report-{self.first_day.isoformat()}-to-{self.last_day.isoformat()}"


@dataclass(frozen=True)
class ReportLine:
    """One thing that happened: when, who, what, to whom, and the detail."""

    when: datetime | None
    who: str
    action: str
    about: str
    detail: str = ""


@dataclass(frozen=True)
class GovernorsReport:
    period: ReportPeriod
    school_handle: str
    account_kind: str
    generated_at: datetime
    generated_by: str
    posts: list[Post]
    posts_complete: bool  # False: X's recent timeline did not reach back to the start
    posts_through_app: int
    replies_by_level: dict[str, int]
    replies_by_status: dict[str, int]
    moderation: list[ReportLine]
    blocks: list[ReportLine]
    incidents: list[ReportLine]
    new_followers: list[ReportLine]
    lost_followers: list[ReportLine]
    followers_now: int
    notes: list[str] = field(default_factory=list)

    def summary(self) -> list[tuple[str, str]]:
        """The headline figures, in the order the committee reads them."""
        blocks = Counter(line.action for line in self.blocks)
        posts = f"{len(self.posts)}" + ("" if self.posts_complete else " or more")
        return [
            ("Posts on the account", posts),
            ("Posts sent through this app", str(self.posts_through_app)),
            ("Replies and mentions received", str(sum(self.replies_by_level.values()))),
            *((f"  of which: {LEVEL_TITLES.get(level, level)}", str(count))
              for level, count in self.replies_by_level.items()),
            ("Moderation decisions", str(len(self.moderation))),
            ("Blocks requested", str(blocks[A.BLOCK_REQUESTED])),
            ("Blocks confirmed on X", str(blocks[A.BLOCK_CONFIRMED])),
            ("Unblocks (head teacher's PIN)", str(blocks[A.UNBLOCK_REQUESTED])),
            ("Incident packs made", str(len(self.incidents))),
            ("New followers", str(len(self.new_followers))),
            ("Followers who left or were blocked", str(len(self.lost_followers))),
            ("Followers now", str(self.followers_now)),
        ]


def build_governors_report(period: ReportPeriod, *, audit: AuditLog, store: ModerationStore,
                           gateway: XGateway, generated_by: str, now: datetime | None = None,
                           post_limit: int = POSTS_FETCHED) -> GovernorsReport:
    account = gateway.account()
    posts, complete = _posts(gateway, period, post_limit)
    entries = list(reversed(audit.query(since=period.start, until=period.end, limit=None)))
    levels, statuses = _replies(store, gateway.kind, period)
    new, lost, notes = _follower_changes(store, gateway.kind, period)
    if not complete:
        notes.append(f"X returns only the account's recent posts; the {len(posts)} listed "
                     "are those X still had for the period.")
    return GovernorsReport(
        period=period, school_handle=account.handle, account_kind=gateway.kind,
        generated_at=now or datetime.now(UTC), generated_by=generated_by,
        posts=posts, posts_complete=complete,
        posts_through_app=sum(1 for e in entries if e.action == POST_ACTION),
        replies_by_level=levels, replies_by_status=statuses,
        moderation=[_line(e) for e in entries if e.action in MODERATION_ACTIONS],
        blocks=[_line(e) for e in entries if e.action in BLOCK_ACTIONS],
        incidents=[_line(e) for e in entries if e.action == INCIDENT_ACTION],
        new_followers=new, lost_followers=lost,
        followers_now=store.follower_count(gateway.kind), notes=notes)


def _posts(gateway: XGateway, period: ReportPeriod, limit: int) -> tuple[list[Post], bool]:
    """The school's posts in the period, oldest first, and whether X reached back far enough."""
    recent = gateway.own_posts(limit)
    reached_start = len(recent) < limit or any(p.created_at < period.start for p in recent)
    in_period = [post for post in recent if period.contains(post.created_at)]
    return sorted(in_period, key=lambda post: post.created_at), reached_start


def _replies(store: ModerationStore, kind: str,
             period: ReportPeriod) -> tuple[dict[str, int], dict[str, int]]:
    levels: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    offset = 0
    while True:
        page = store.inbox(kind, PAGE, offset)
        for item in page:
            if period.contains(item.created_at):
                levels[item.level] += 1
                statuses[item.status] += 1
        if len(page) < PAGE:
            break
        offset += PAGE
    ordered = {level: levels[level] for level in LEVEL_TITLES if levels[level]}
    return ordered, dict(sorted(statuses.items()))


def _follower_changes(store: ModerationStore, kind: str, period: ReportPeriod
                      ) -> tuple[list[ReportLine], list[ReportLine], list[str]]:
    new: list[ReportLine] = []
    lost: list[ReportLine] = []
    first_seen: datetime | None = None
    offset = 0
    while True:
        page = store.followers(kind, PAGE, offset, include_gone=True)
        for follower in page:
            seen = _parse(follower.first_seen_at)
            first_seen = seen if first_seen is None or seen < first_seen else first_seen
            profile = follower.profile
            if period.contains(seen):
                new.append(ReportLine(seen, "", "started following", f"@{profile.handle}",
                                      f"{profile.name}; risk score {follower.risk_score}"))
            last = _parse(follower.last_seen_at)
            if not follower.still_following and period.contains(last):
                how = ("blocked" if follower.block_status == CONFIRMED
                       else "no longer following")
                lost.append(ReportLine(last, "", how, f"@{profile.handle}",
                                       f"{profile.name}; last seen following then"))
        if len(page) < PAGE:
            break
        offset += PAGE
    notes = []
    if first_seen is not None and period.contains(first_seen):
        notes.append(f"The app first read the followers on {_day(first_seen.date())}: "
                     "everyone already following then is counted as new.")
    return (sorted(new, key=_line_time), sorted(lost, key=_line_time), notes)


def _line_time(line: ReportLine) -> datetime:
    return line.when or datetime.min.replace(tzinfo=UTC)


def _parse(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _line(entry: AuditEntry) -> ReportLine:
    why = " · ".join(part for part in (entry.reason, _without_reply_text(entry.detail)) if part)
    return ReportLine(_parse(entry.at), entry.actor, entry.action, entry.target, why)


def _without_reply_text(detail: str) -> str:
    return _REPLY_QUOTE.sub("", detail).strip()


# -- CSV ---------------------------------------------------------------------------------------


def write_report_csv(report: GovernorsReport, path: Path) -> Path:
    """One table with a section column, so a spreadsheet can filter and count it."""
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_HEADER)
        for row in _csv_rows(report):
            writer.writerow([_safe_cell(cell) for cell in row])
    return path


def _csv_rows(report: GovernorsReport) -> Iterable[Sequence[str]]:
    yield ("period", "", "", report.period.label, f"@{report.school_handle}",
           f"made {_moment(report.generated_at)} by {report.generated_by}")
    for label, value in report.summary():
        yield ("summary", "", "", label.strip(), "", value)
    for post in report.posts:
        yield ("post", _moment(post.created_at), "", "posted", post.post_id,
               f"{post.text} [photos {post.media_count}, likes {post.like_count}, "
               f"replies {post.reply_count}]")
    for section, lines in (("moderation", report.moderation), ("block", report.blocks),
                           ("incident", report.incidents),
                           ("new follower", report.new_followers),
                           ("follower lost", report.lost_followers)):
        for line in lines:
            yield (section, _moment(line.when), line.who, line.action, line.about, line.detail)
    for note in report.notes:
        yield ("note", "", "", "", "", note)


def _safe_cell(value: str) -> str:
    """A reply or a name that starts with "=" must not become a spreadsheet formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


# -- HTML --------------------------------------------------------------------------------------


def render_report_html(report: GovernorsReport) -> str:
    sections = [
        _table("Summary", ("Measure", "Figure"), report.summary()),
        _table("Posts on the account", ("When", "Post", "Photos", "Likes", "Replies"),
               [(_moment(p.created_at), p.text, str(p.media_count), str(p.like_count),
                 str(p.reply_count)) for p in report.posts],
               empty="No posts in this period."),
        _table("Replies received, by what the app's check suggested", ("Suggestion", "Replies"),
               [(LEVEL_TITLES.get(k, k), str(v)) for k, v in report.replies_by_level.items()],
               empty="No replies or mentions in this period."),
        _table("Where those replies stand now", ("Status", "Replies"),
               [(k, str(v)) for k, v in report.replies_by_status.items()],
               empty="Nothing to show."),
        _lines_table("Moderation decisions", report.moderation,
                     "No moderation decisions in this period."),
        _lines_table("Blocks and unblocks", report.blocks, "No blocks in this period."),
        _lines_table("Incidents", report.incidents, "No incident packs in this period."),
        _lines_table("New followers", report.new_followers, "No new followers.",
                     limit=NAMES_LISTED),
        _lines_table("Followers who left or were blocked", report.lost_followers,
                     "No followers left.", limit=NAMES_LISTED),
    ]
    notes = "".join(f"<li>{_e(note)}</li>" for note in report.notes)
    practice = ("<p class='practice'>Practice account: everything below is invented.</p>"
                if report.account_kind == "sandbox" else "")
    return _PAGE.format(
        title=_e(f"Twitter account report for governors: {report.period.label}"),
        handle=_e(report.school_handle), practice=practice,
        made=_e(f"Made {_moment(report.generated_at)} by {report.generated_by}"),
        body="\n".join(sections),
        notes=f"<h2>Notes</h2><ul>{notes}</ul>" if notes else "")


def _lines_table(title: str, lines: Sequence[ReportLine], empty: str,
                 limit: int | None = None) -> str:
    shown = lines if limit is None else lines[:limit]
    rows = [(_moment(line.when), line.who, line.action, line.about, line.detail)
            for line in shown]
    extra = ""
    if limit is not None and len(lines) > limit:
        extra = f"<p class='note'>And {len(lines) - limit} more: see the CSV file.</p>"
    return _table(title, ("When", "Who", "What", "About", "Why / detail"), rows,
                  empty=empty) + extra


def _table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]],
           empty: str = "") -> str:
    if not rows:
        return f"<h2>{_e(title)}</h2><p>{_e(empty)}</p>"
    head = "".join(f"<th>{_e(cell)}</th>" for cell in header)
    body = "\n".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>"
                     for row in rows)
    return (f"<h2>{_e(title)}</h2><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def save_governors_report(report: GovernorsReport, folder: Path) -> list[Path]:
    """Write the HTML and CSV versions side by side; returns both paths."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{report.period.file_stem}.html"
    page.write_text(render_report_html(report), encoding="utf-8")
    return [page, write_report_csv(report, folder / f"{report.period.file_stem}.csv")]


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def _moment(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; \
style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font-family: Arial, Helvetica, sans-serif; margin: 2em auto; max-width: 60em;
       line-height: 1.4; color: #111; }}
h1 {{ font-size: 1.45em; }}
h2 {{ font-size: 1.1em; margin-top: 1.5em; border-bottom: 1px solid #999; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: 0.3em 0.5em;
          border: 1px solid #bbb; overflow-wrap: anywhere; }}
th {{ background: #eee; }}
.note {{ font-size: 0.9em; color: #333; }}
.practice {{ border: 2px dashed #555; padding: 0.5em; font-weight: bold; }}
@media print {{ body {{ margin: 0; }} h2 {{ break-after: avoid; }}
               tr {{ break-inside: avoid; }} }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="note">Account @{handle}. {made}. Taken from the app's audit log, its moderation
records and X. Reply texts are left out on purpose; incident packs hold them.</p>
{practice}
{body}
{notes}
</body>
</html>
"""
