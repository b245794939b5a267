"""The incident pack: evidence of a serious reply, kept in one file the head can hand on.

When a reply threatens staff, targets a child or is abusive, the head teacher
may need to show it to governors, the local authority, the police or X later,
after it has been hidden, deleted by its author or blocked from view. So the
evidence is captured the moment someone opens the pack (the words, who wrote
it, its link, its time, what the app's check said, and a picture of the reply
as the app showed it), and the pack is written as one self-contained HTML
file: it opens in any browser on any computer, prints to PDF from there, and
needs nothing else alongside it.

Everything taken from the reply is HTML-escaped: a hostile reply must not be
able to change how the pack looks or run anything when the head opens it.

The picture is drawn by the UI (this module knows nothing of Qt) and arrives
here as PNG bytes.

A reply's own pictures (photos, video stills) go in as *blurred* copies, with the
SHA-256 of the original, its X address and what the app's check said. The original is
deliberately not put in the pack: the pack is made to be handed on and printed, and a
picture the check flags may be an indecent image of a child, which staff must not copy,
print or pass on even as evidence (UKCIS, "Sharing nudes and semi-nudes: advice for
education settings"): the designated safeguarding lead and the police get it from X, and
the checksum shows it is the same picture the app kept.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.moderation_reasons import english_reasons
from stpeters_desk.core.reply_images import (
    CHECKED_OK,
    FLAGGED,
    CheckedPicture,
    PictureNotChecked,
    blurred_copy,
)
from stpeters_desk.core.storage.moderation_store import StoredMention
from stpeters_desk.i18n import translate

INCIDENT_ACTION = AuditAction.INCIDENT_PACK  # the audit action the governors' report counts
X_HELP_FORMS_URL = "https://help.x.com/en/forms"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class EscalationRoute:
    """Somewhere outside the school to take a serious case, described in our own words."""

    name: str
    when: str
    how: str
    url: str = ""


def escalation_routes() -> tuple[EscalationRoute, ...]:
    """Where to take a serious case, in the language chosen in Settings."""
    return (
        EscalationRoute(
            name=translate("Incident", "The school's designated safeguarding lead"),
            when=translate("Incident", "First, for anything that touches a child's safety or "
                           "wellbeing, or a threat to a member of staff."),
            how=translate("Incident", "Tell them the same day and give them this pack; they "
                          "decide whether the local authority or the police need to know."),
        ),
        EscalationRoute(
            name=translate("Incident", "Professionals Online Safety Helpline "
                           "(UK Safer Internet Centre)"),
            when=translate("Incident", "When staff need advice about something online that "
                           "affects them or the children in their care: abuse or impersonation "
                           "of staff, harmful posts about the school, or getting content taken "
                           "down when X's own reporting has not worked."),
            how=translate("Incident", "A free helpline for the children's workforce. Email "
                          "helpline@saferinternet.org.uk or phone 0344 381 4772 in office "
                          "hours (check the website for current details)."),
            url="https://saferinternet.org.uk/professionals-online-safety-helpline",
        ),
        EscalationRoute(
            name=translate("Incident", "Report Harmful Content"),
            when=translate("Incident", "When harmful but not illegal content (bullying, "
                           "harassment, threats, impersonation, abuse) has been reported to X "
                           "and X's answer did not deal with it."),
            how=translate("Incident", "A UK service that reviews the case, explains the "
                          "platform's rules and can take it up with the platform. Report to X "
                          "first and keep X's reply."),
            url="https://reportharmfulcontent.com",
        ),
        EscalationRoute(
            name=translate("Incident", "The police"),
            when=translate("Incident", "When someone may be in danger, or a reply contains a "
                           "threat of violence, hate crime or anything that looks like a "
                           "crime."),
            how=translate("Incident", "Phone 999 if there is an immediate risk; otherwise 101, "
                          "and give them this pack. Hiding a reply keeps it on X, where the "
                          "police can ask X for it."),
        ),
    )


ESCALATION_ROUTES = escalation_routes()  # in English: the words the pack was checked in


@dataclass(frozen=True)
class EvidencePicture:
    """A picture on the reply, as the pack keeps it: blurred, with the original's checksum."""

    media_key: str
    kind: str
    url: str
    result: str  # what the app's check said: FLAGGED, CHECKED_OK or UNCHECKED
    score: float
    original_sha256: str = ""  # "" when the app never had the picture
    blurred_png: bytes = b""


def evidence_picture(picture: CheckedPicture, original: bytes | None) -> EvidencePicture:
    """The pack's record of one picture from its kept bytes (None: it was never kept)."""
    digest, blurred = "", b""
    if original:
        digest = hashlib.sha256(original).hexdigest()
        try:
            blurred = blurred_copy(original)
        except PictureNotChecked:
            blurred = b""
    return EvidencePicture(picture.media_key, picture.kind, picture.url, picture.result,
                           picture.score, digest, blurred)


@dataclass(frozen=True)
class IncidentEvidence:
    """What the reply was, captured once and never edited afterwards."""

    post_id: str
    text: str
    author_handle: str
    author_id: str
    author_name: str
    link: str
    posted_at: datetime
    level: str
    score: float
    reasons: tuple[str, ...]  # in English: a record for the school's files, not a screen
    status: str
    captured_at: datetime
    captured_by: str
    account_kind: str
    screenshot_png: bytes
    pictures: tuple[EvidencePicture, ...] = ()

    @property
    def screenshot_sha256(self) -> str:
        """Lets a reader check later that the picture in the pack is the one captured."""
        return hashlib.sha256(self.screenshot_png).hexdigest()


@dataclass(frozen=True)
class IncidentReport:
    """The evidence plus the short form a person fills in."""

    evidence: IncidentEvidence
    what_happened: str
    action_taken: str
    prepared_by: str
    school_handle: str = ""


def capture_evidence(item: StoredMention, screenshot_png: bytes, captured_by: str,
                     account_kind: str, now: datetime | None = None,
                     pictures: Sequence[EvidencePicture] | None = None) -> IncidentEvidence:
    """Freeze a reply as evidence; the PNG must be the picture the UI drew of it.

    ``pictures``: the reply's pictures with their blurred copies
    (``ModerationInbox.evidence_pictures``); without them the pack still lists each
    picture's address and what the check said."""
    if not screenshot_png.startswith(PNG_SIGNATURE):
        raise ValueError("The picture of the reply is not a PNG image.")
    if pictures is None:
        pictures = [evidence_picture(picture, None) for picture in item.pictures]
    return IncidentEvidence(
        post_id=item.post_id, text=item.text, author_handle=item.author_handle,
        author_id=item.author_id, author_name=item.author_name, link=item.link,
        posted_at=item.created_at, level=item.level, score=item.score,
        reasons=tuple(english_reasons(item.reasons)), status=item.status,
        captured_at=now or datetime.now(UTC), captured_by=captured_by,
        account_kind=account_kind, screenshot_png=screenshot_png, pictures=tuple(pictures))


def x_report_link(evidence: IncidentEvidence) -> str:
    """The reply itself: X's report form is in its ⋯ menu."""
    return evidence.link


def suggested_file_name(evidence: IncidentEvidence) -> str:
    """A name that sorts by date and says whose reply it was, safe on any file system."""
    day = evidence.captured_at.astimezone().strftime("%Y-%m-%d")
    handle = _UNSAFE_NAME.sub("", evidence.author_handle) or "unknown"
    post = _UNSAFE_NAME.sub("", evidence.post_id) or "reply"
    return f"incident-{day}-{handle}-{post}.html"


def audit_detail(report: IncidentReport, file_name: str) -> str:
    """What the audit log keeps about the pack: the form's answers and where it went."""
    parts = (f"what happened: {_one_line(report.what_happened)}",
             f"action taken: {_one_line(report.action_taken)}",
             f"file: {file_name}",
             f"screenshot sha256 {report.evidence.screenshot_sha256[:16]}")
    return "; ".join(parts)


def save_incident_pack(report: IncidentReport, path: Path) -> Path:
    """Write the pack as one HTML file; returns the path written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_incident_html(report), encoding="utf-8")
    return path


def render_incident_html(report: IncidentReport) -> str:
    evidence = report.evidence
    picture = base64.b64encode(evidence.screenshot_png).decode("ascii")
    practice = ("<p class='practice'>Practice account: this reply is invented and was "
                "never on X.</p>" if evidence.account_kind == "sandbox" else "")
    return _PAGE.format(
        title=_e(f"Incident record: reply by @{evidence.author_handle}"),
        handle=_e(evidence.author_handle),
        practice=practice,
        evidence_rows=_rows((
            ("Reply", _text_block(evidence.text)),
            ("Written by", _e(f"{evidence.author_name} (@{evidence.author_handle})")),
            ("X user id", _e(evidence.author_id)),
            ("Post id", _e(evidence.post_id)),
            ("Link", _link(evidence.link)),
            ("Posted", _e(_when(evidence.posted_at))),
            ("App's check", _e(_check_summary(evidence))),
            ("Why", _list(evidence.reasons) or "No rule matched"),
            ("Status in the app", _e(evidence.status)),
            ("Evidence captured", _e(f"{_when(evidence.captured_at)} by "
                                     f"{evidence.captured_by}")),
            ("Picture checksum", f"<code>SHA-256 {_e(evidence.screenshot_sha256)}</code>"),
            *((("Pictures on the reply", _pictures(evidence.pictures)),)
              if evidence.pictures else ()),
        )),
        picture=picture,
        picture_alt=_e(f"The reply by @{evidence.author_handle} as the app showed it"),
        what_happened=_text_block(report.what_happened or "Not filled in."),
        action_taken=_text_block(report.action_taken or "Not filled in."),
        prepared_by=_e(report.prepared_by),
        routes=_routes(escalation_routes()),
        report_link=_link(x_report_link(evidence)),
        forms_link=_link(X_HELP_FORMS_URL),
        school=_e(f"@{report.school_handle}" if report.school_handle else "the school"),
    )


def _pictures(pictures: Sequence[EvidencePicture]) -> str:
    results = {FLAGGED: "may be unsuitable", CHECKED_OK: "nothing found"}
    parts = ["<p class='note'>Blurred on purpose: the original is not in this pack. If it "
             "may show a child, do not look for, copy, print or forward it: give this pack "
             "to the designated safeguarding lead, who involves the police. The checksum "
             "identifies the original, which X and the police can obtain.</p>"]
    for number, picture in enumerate(pictures, start=1):
        check = results.get(picture.result, "could not be checked")
        if picture.result == FLAGGED:
            check += f" (score {picture.score:.2f})"
        image = (f"<img class='blurred' src='data:image/png;base64,"
                 f"{base64.b64encode(picture.blurred_png).decode('ascii')}' "
                 f"alt='Picture {number}, blurred'>" if picture.blurred_png
                 else "<p>The app did not keep this picture.</p>")
        checksum = (f"<br>Original SHA-256 <code>{_e(picture.original_sha256)}</code>"
                    if picture.original_sha256 else "")
        parts.append(f"<div>{image}<br>Picture {number} ({_e(picture.kind)}): the app's "
                     f"check: {_e(check)}<br>On X: {_link(picture.url)}{checksum}</div>")
    return "\n".join(parts)


def _check_summary(evidence: IncidentEvidence) -> str:
    titles = {"hide": "hide suggested", "review": "needs review", "ok": "looked fine"}
    return f"{titles.get(evidence.level, evidence.level)} (score {evidence.score:.2f} of 1)"


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{local.strftime('%A %d %B %Y, %H:%M:%S')} ({local.strftime('%Z') or 'local'})"


def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _text_block(text: str) -> str:
    return f"<div class='text'>{_e(text)}</div>"


def _link(url: str) -> str:
    return f"<a href='{_e(url)}'>{_e(url)}</a>"


def _list(items: Sequence[str]) -> str:
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{_e(item)}</li>" for item in items) + "</ul>"


def _rows(rows: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"<tr><th>{_e(label)}</th><td>{value}</td></tr>" for label, value in rows)


def _routes(routes: Sequence[EscalationRoute]) -> str:
    parts = []
    for route in routes:
        link = f"<br>{_link(route.url)}" if route.url else ""
        parts.append(f"<li><strong>{_e(route.name)}</strong><br>When: {_e(route.when)}"
                     f"<br>How: {_e(route.how)}{link}</li>")
    return "<ol>" + "\n".join(parts) + "</ol>"


_PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; \
style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font-family: Arial, Helvetica, sans-serif; margin: 2em auto; max-width: 52em;
       line-height: 1.45; color: #111; }}
h1 {{ font-size: 1.5em; margin-bottom: 0.2em; }}
h2 {{ font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #999; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; vertical-align: top; padding: 0.35em 0.6em;
          border: 1px solid #bbb; }}
th {{ width: 11em; background: #eee; }}
.text {{ white-space: pre-wrap; overflow-wrap: anywhere; }}
.practice {{ border: 2px dashed #555; padding: 0.5em; font-weight: bold; }}
.note {{ font-size: 0.9em; color: #333; }}
img {{ border: 1px solid #999; max-width: 100%; }}
img.blurred {{ max-width: 320px; }}
@media print {{ body {{ margin: 0; }} a {{ color: #111; }} }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="note">Made with St Peter's Desk for {school}. Confidential: for the head teacher,
the designated safeguarding lead and governors.</p>
{practice}
<h2>1. The evidence, as captured</h2>
<table>
{evidence_rows}
</table>
<h2>2. The reply as the app showed it</h2>
<p><img src="data:image/png;base64,{picture}" alt="{picture_alt}"></p>
<h2>3. What happened</h2>
{what_happened}
<h2>4. Action taken</h2>
{action_taken}
<p class="note">Prepared by {prepared_by}.</p>
<h2>5. Where to take it next</h2>
{routes}
<h2>6. Reporting it to X</h2>
<p>Open the reply, choose the &#8943; menu and then Report: {report_link}</p>
<p>X's other report forms (impersonation, copyright, private information): {forms_link}</p>
<p class="note">Keep this file: the reply may be deleted by its author or become hidden
from view once the account is blocked.</p>
</body>
</html>
"""
