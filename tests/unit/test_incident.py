"""The incident pack: evidence frozen at capture, one self-contained and safe HTML file."""

from __future__ import annotations

import base64
import hashlib
import html
import re
import struct
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stpeters_desk.core.incident import (
    ESCALATION_ROUTES,
    INCIDENT_ACTION,
    IncidentReport,
    audit_detail,
    capture_evidence,
    render_incident_html,
    save_incident_pack,
    suggested_file_name,
)
from stpeters_desk.core.moderation_reasons import english_reasons
from stpeters_desk.core.moderation_service import ModerationInbox
from stpeters_desk.core.storage.audit import AuditLog
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import ModerationStore, StoredMention
from stpeters_desk.x.sandbox import SandboxGateway

CAPTURED = datetime(2026, 11, 3, 15, 4, 5, tzinfo=UTC)


def tiny_png() -> bytes:
    """A real 1x1 PNG built by hand, so the core tests need no Qt."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


@pytest.fixture
def inbox(db: Database, sandbox: SandboxGateway) -> ModerationInbox:
    inbox = ModerationInbox(ModerationStore(db), sandbox, AuditLog(db).record)
    inbox.refresh()
    return inbox


def threat(inbox: ModerationInbox) -> StoredMention:
    return next(item for item in inbox.items(500) if "waiting at the gate" in item.text)


def hostile_mention(item: StoredMention, text: str) -> StoredMention:
    from dataclasses import replace

    return replace(item, text=text, author_name='Evil <b>"Name"</b>')


def test_evidence_keeps_the_reply_its_author_link_time_and_assessment(
        inbox: ModerationInbox) -> None:
    item = threat(inbox)
    png = tiny_png()

    evidence = capture_evidence(item, png, "Mrs Invented Head", inbox.kind, CAPTURED)

    assert evidence.text == item.text
    assert evidence.author_handle == "PilningTruthTeller"
    assert evidence.author_id == item.author_id
    assert evidence.link == f"https://x.com/PilningTruthTeller/status/{item.post_id}"
    assert evidence.posted_at == item.created_at
    assert evidence.level == "hide"
    assert evidence.reasons == tuple(english_reasons(item.reasons))  # a record: in English
    assert evidence.reasons[0].startswith("Threat: ")
    assert evidence.captured_at == CAPTURED and evidence.captured_by == "Mrs Invented Head"
    assert evidence.screenshot_sha256 == hashlib.sha256(png).hexdigest()


def test_a_picture_that_is_not_png_is_refused(inbox: ModerationInbox) -> None:
    with pytest.raises(ValueError, match="PNG"):
        capture_evidence(threat(inbox), b"GIF89a...", "Head", inbox.kind, CAPTURED)


def test_the_pack_holds_the_evidence_the_form_and_the_routes(
        inbox: ModerationInbox, tmp_path: Path) -> None:
    item = threat(inbox)
    png = tiny_png()
    evidence = capture_evidence(item, png, "Mrs Invented Head", inbox.kind, CAPTURED)
    report = IncidentReport(evidence, "Threat aimed at a teacher after the trip post.",
                            "Reply hidden; block started; DSL told.", "Mrs Invented Head")

    path = save_incident_pack(report, tmp_path / "packs" / suggested_file_name(evidence))
    page = path.read_text(encoding="utf-8")

    assert path.name == f"incident-{CAPTURED.astimezone():%Y-%m-%d}-PilningTruthTeller-" \
                        f"{item.post_id}.html"
    assert "waiting at the gate for that teacher" in page
    assert "@PilningTruthTeller" in page and item.author_id in page and item.post_id in page
    assert f"https://x.com/PilningTruthTeller/status/{item.post_id}" in page
    assert CAPTURED.astimezone().strftime("%d %B %Y") in page
    assert item.created_at.astimezone().strftime("%d %B %Y, %H:%M") in page
    assert "hide suggested" in page and "Threat" in page
    assert "Threat aimed at a teacher after the trip post." in page
    assert "Reply hidden; block started; DSL told." in page
    for route in ESCALATION_ROUTES:
        assert html.escape(route.name) in page
    assert "Professionals Online Safety Helpline" in page and "Report Harmful Content" in page
    embedded = re.search(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert embedded is not None and base64.b64decode(embedded.group(1)) == png
    assert hashlib.sha256(png).hexdigest() in page
    assert "Practice account" in page  # the sandbox reply is marked as invented


def test_the_pack_needs_nothing_from_outside(inbox: ModerationInbox) -> None:
    evidence = capture_evidence(threat(inbox), tiny_png(), "Head", "real", CAPTURED)
    page = render_incident_html(IncidentReport(evidence, "x", "y", "Head"))

    assert "<script" not in page.lower()
    assert not re.search(r'(src|href)=["\'](?!data:|https://)', page)  # no relative files
    assert re.findall(r'src="([^"]+)"', page)[0].startswith("data:image/png;base64,")
    assert "Practice account" not in page


def test_reply_text_and_names_are_escaped(inbox: ModerationInbox) -> None:
    nasty = ('<script>alert("x")</script><img src=x onerror=alert(1)> & '
             "<a href='javascript:evil()'>click</a>")
    item = hostile_mention(threat(inbox), nasty)
    evidence = capture_evidence(item, tiny_png(), "Head <i>", inbox.kind, CAPTURED)
    report = IncidentReport(evidence, "<b>form</b> text", "</div><script>bad()</script>",
                            "Head")

    page = render_incident_html(report)

    assert "<script>" not in page and "onerror=alert(1)>" not in page
    assert "<a href='javascript" not in page and "<b>form</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp;" in page
    assert "Evil &lt;b&gt;&quot;Name&quot;&lt;/b&gt;" in page
    assert "&lt;/div&gt;&lt;script&gt;bad()&lt;/script&gt;" in page
    assert "Head &lt;i&gt;" in page


def test_file_names_are_safe_whatever_the_handle(inbox: ModerationInbox) -> None:
    from dataclasses import replace

    item = replace(threat(inbox), author_handle="../../etc/passwd", post_id="12/34")
    evidence = capture_evidence(item, tiny_png(), "Head", inbox.kind, CAPTURED)

    name = suggested_file_name(evidence)

    assert "/" not in name and ".." not in name
    assert name.endswith("-etcpasswd-1234.html")


def test_the_audit_line_keeps_the_answers_and_the_file(inbox: ModerationInbox) -> None:
    evidence = capture_evidence(threat(inbox), tiny_png(), "Head", inbox.kind, CAPTURED)
    report = IncidentReport(evidence, "Threat\nto staff", "Hidden", "Head")

    detail = audit_detail(report, "incident.html")

    assert detail.startswith("what happened: Threat to staff; action taken: Hidden")
    assert "file: incident.html" in detail
    assert INCIDENT_ACTION == "incident pack saved"
