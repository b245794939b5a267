"""The Moderation tab's operations: each decision is cleared by the gate for the roles
that may moderate, asks X first, and keeps its change and audit entry together; a
refused decision changes nothing, asks X nothing and records nothing."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.governors_report import ReportPeriod
from stpeters_desk.core.incident import IncidentReport, capture_evidence
from stpeters_desk.core.moderation_service import ModerationInbox
from stpeters_desk.core.refusals import NotAllowed, ReasonNeeded, Refused
from stpeters_desk.core.roles import Role
from stpeters_desk.core.staff import StaffDirectory, StaffMember
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.moderation_store import (
    BLOCK_PENDING,
    HIDDEN,
    MUTED,
    NEW,
    REPORTED,
    REVIEWED,
    ModerationStore,
)
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.gate import Gate
from stpeters_desk.ops.moderation import ModerationOps, gate_recorder
from stpeters_desk.ops.session import Session
from stpeters_desk.x.errors import RejectedByX
from stpeters_desk.x.sandbox import SandboxGateway
from tests.unit.school_people import COMPUTER, hash_pins_quickly, set_up_people

SWEARING = "What a load of s**t"
THREAT = "waiting at the gate"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


@pytest.fixture(autouse=True)
def _quick_pin_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    hash_pins_quickly(monkeypatch)


@pytest.fixture
def people(db: Database) -> dict[Role, StaffMember]:
    return set_up_people(db)


@pytest.fixture
def audit(db: Database) -> AuditTrail:
    return AuditTrail(db, device=COMPUTER)


@pytest.fixture
def store(db: Database) -> ModerationStore:
    return ModerationStore(db)


@pytest.fixture
def ops(db: Database, audit: AuditTrail, store: ModerationStore, sandbox: SandboxGateway,
        people: dict[Role, StaffMember]) -> ModerationOps:
    gate = Gate(db, StaffDirectory(db, audit, COMPUTER), COMPUTER)
    inbox = ModerationInbox(store, sandbox, audit.record)
    moderation = ModerationOps(gate, inbox, store, audit, sandbox)
    moderation.fetch()
    return moderation


def session(people: dict[Role, StaffMember], role: Role) -> Session:
    return Session(people[role], COMPUTER)


def find(ops: ModerationOps, snippet: str) -> str:
    (post_id,) = [item.post_id for item in ops.items(500) if snippet in item.text]
    return post_id


def status(store: ModerationStore, post_id: str) -> str:
    item = store.mention("sandbox", post_id)
    assert item is not None
    return item.status


def entries(audit: AuditTrail) -> list[tuple[str, str, str, str]]:
    """(who, what, why, device) of every entry after the staff were set up, oldest first."""
    return [(e.actor, e.action, e.reason, e.device) for e in reversed(audit.recent(500))
            if e.action not in (AuditAction.SET_UP_HEAD, AuditAction.ADD_STAFF)]


Decision = Callable[[ModerationOps, Session, str, str], object]
DECISIONS: dict[str, tuple[Decision, str, AuditAction]] = {
    "hide": (lambda ops, s, post, why: ops.hide(s, post, why), HIDDEN, AuditAction.HIDE_REPLY),
    "mute": (lambda ops, s, post, why: ops.mute_author(s, post, why), MUTED,
             AuditAction.MUTE_AUTHOR),
    "mark reviewed": (lambda ops, s, post, why: ops.mark_reviewed(s, post, why), REVIEWED,
                      AuditAction.MARK_REVIEWED),
    "block": (lambda ops, s, post, why: ops.block_author(s, post, why), BLOCK_PENDING,
              AuditAction.BLOCK_REQUESTED),
    "report": (lambda ops, s, post, why: ops.record_report(s, post, why), REPORTED,
               AuditAction.REPORT_TO_X),
}


@pytest.mark.parametrize("name", DECISIONS)
@pytest.mark.parametrize("role", [Role.HEAD, Role.ESAFETY])
def test_a_decision_by_someone_who_moderates_changes_the_reply_and_records_why(
        ops: ModerationOps, store: ModerationStore, audit: AuditTrail,
        people: dict[Role, StaffMember], name: str, role: Role) -> None:
    run, new_status, action = DECISIONS[name]
    post_id = find(ops, SWEARING)

    run(ops, session(people, role), post_id, "  Offensive language ")

    assert status(store, post_id) == new_status
    assert entries(audit)[-1] == (people[role].name, action, "Offensive language", COMPUTER)


@pytest.mark.parametrize("name", DECISIONS)
@pytest.mark.parametrize("role", [Role.TEACHER, Role.SECRETARY])
def test_a_decision_by_someone_who_does_not_moderate_is_refused_and_nothing_changes(
        ops: ModerationOps, store: ModerationStore, audit: AuditTrail, sandbox: SandboxGateway,
        people: dict[Role, StaffMember], name: str, role: Role) -> None:
    run, _status, _action = DECISIONS[name]
    post_id = find(ops, SWEARING)
    before = entries(audit)

    with pytest.raises(NotAllowed) as refused:
        run(ops, session(people, role), post_id, "Offensive language")

    assert refused.value.message
    assert status(store, post_id) == NEW and entries(audit) == before
    assert not next(m for m in sandbox.mentions() if m.post_id == post_id).hidden  # X not asked
    assert store.pending_blocks("sandbox") == []


@pytest.mark.parametrize("name", DECISIONS)
def test_a_decision_without_a_reason_is_refused(
        ops: ModerationOps, store: ModerationStore, audit: AuditTrail,
        people: dict[Role, StaffMember], name: str) -> None:
    run, _status, _action = DECISIONS[name]
    post_id = find(ops, SWEARING)
    before = entries(audit)
    with pytest.raises(ReasonNeeded):
        run(ops, session(people, Role.HEAD), post_id, "   ")
    assert status(store, post_id) == NEW and entries(audit) == before


def test_nobody_signed_in_decides_nothing(ops: ModerationOps, store: ModerationStore) -> None:
    post_id = find(ops, SWEARING)
    with pytest.raises(Refused):
        ops.hide(Session(None, COMPUTER), post_id, "Offensive language")
    assert status(store, post_id) == NEW


def test_unhide_after_hide(ops: ModerationOps, store: ModerationStore, sandbox: SandboxGateway,
                           audit: AuditTrail, people: dict[Role, StaffMember]) -> None:
    head = session(people, Role.HEAD)
    post_id = find(ops, SWEARING)
    ops.hide(head, post_id, "Offensive language")
    with pytest.raises(NotAllowed):
        ops.unhide(session(people, Role.TEACHER), post_id, "Author apologised")
    assert status(store, post_id) == HIDDEN
    assert next(m for m in sandbox.mentions() if m.post_id == post_id).hidden
    ops.unhide(head, post_id, "Author apologised")
    assert status(store, post_id) == REVIEWED
    assert not next(m for m in sandbox.mentions() if m.post_id == post_id).hidden
    assert [e[1] for e in entries(audit)[-2:]] == [AuditAction.HIDE_REPLY,
                                                   AuditAction.UNHIDE_REPLY]


def test_when_x_refuses_nothing_is_changed_or_recorded(
        ops: ModerationOps, store: ModerationStore, audit: AuditTrail,
        people: dict[Role, StaffMember]) -> None:
    mention = find(ops, "Someone should send Ofsted")  # a mention, not a reply: X cannot hide it
    before = entries(audit)
    with pytest.raises(RejectedByX):
        ops.hide(session(people, Role.HEAD), mention, "Undermines the school")
    assert status(store, mention) == NEW and entries(audit) == before


def test_the_change_and_its_audit_entry_are_kept_or_lost_together(
        ops: ModerationOps, store: ModerationStore, audit: AuditTrail,
        people: dict[Role, StaffMember], monkeypatch: pytest.MonkeyPatch) -> None:
    post_id = find(ops, SWEARING)
    before = entries(audit)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("the audit log could not be written")

    monkeypatch.setattr(Gate, "record", broken)
    with pytest.raises(OSError):
        ops.mark_reviewed(session(people, Role.HEAD), post_id, "Looked at")

    assert status(store, post_id) == NEW and entries(audit) == before


def test_a_recorder_refuses_what_the_gate_did_not_clear(
        db: Database, audit: AuditTrail, people: dict[Role, StaffMember]) -> None:
    gate = Gate(db, StaffDirectory(db, audit, COMPUTER), COMPUTER)
    clearance = gate.clear(session(people, Role.HEAD), Action.HIDE, reason="why")
    record = gate_recorder(gate, clearance)
    with pytest.raises(RuntimeError):
        record(people[Role.HEAD].name, AuditAction.DELETE_OWN_POST.value, "post 1")
    with pytest.raises(RuntimeError):
        record("Someone else", AuditAction.HIDE_REPLY.value, "post 1")
    record(people[Role.HEAD].name, AuditAction.HIDE_REPLY.value, "post 1", "detail")
    assert entries(audit)[-1][:3] == (people[Role.HEAD].name, AuditAction.HIDE_REPLY, "why")


def test_report_is_cleared_before_x_com_opens(ops: ModerationOps,
                                              people: dict[Role, StaffMember]) -> None:
    post_id = find(ops, THREAT)
    handoff = ops.report_handoff(session(people, Role.ESAFETY), post_id, "Threat to a teacher")
    assert handoff.action == "report" and handoff.url.endswith(post_id)
    with pytest.raises(NotAllowed):
        ops.report_handoff(session(people, Role.TEACHER), post_id, "Threat to a teacher")


def test_delete_the_schools_post_a_reply_answered(
        ops: ModerationOps, sandbox: SandboxGateway, audit: AuditTrail,
        people: dict[Role, StaffMember]) -> None:
    reply = next(item for item in ops.items(500) if SWEARING in item.text)
    parent = reply.in_reply_to_post_id
    assert parent is not None
    with pytest.raises(NotAllowed):
        ops.delete_answered_post(session(people, Role.SECRETARY), parent, "Attracted abuse")
    assert parent in {post.post_id for post in sandbox.own_posts(500)}

    ops.delete_answered_post(session(people, Role.HEAD), parent, "Attracted abuse")

    assert parent not in {post.post_id for post in sandbox.own_posts(500)}
    assert entries(audit)[-1][:3] == (people[Role.HEAD].name, AuditAction.DELETE_OWN_POST,
                                      "Attracted abuse")


def _report(ops: ModerationOps, captured_by: str) -> IncidentReport:
    item = next(item for item in ops.items(500) if THREAT in item.text)
    evidence = capture_evidence(item, PNG, captured_by, ops.kind)
    return IncidentReport(evidence, "A threat to a teacher.", "Hidden; DSL told.", "anyone")


def test_an_incident_pack_is_written_and_recorded_by_whoever_is_signed_in(
        ops: ModerationOps, audit: AuditTrail, people: dict[Role, StaffMember],
        tmp_path: Path) -> None:
    target = tmp_path / "pack.html"
    with pytest.raises(NotAllowed):
        ops.save_incident_pack(session(people, Role.TEACHER), _report(ops, "x"), target)
    assert not target.exists()

    written = ops.save_incident_pack(session(people, Role.ESAFETY), _report(ops, "x"), target)

    assert written == target and people[Role.ESAFETY].name in target.read_text("utf-8")
    actor, action, _why, _device = entries(audit)[-1]
    assert (actor, action) == (people[Role.ESAFETY].name, AuditAction.INCIDENT_PACK)


def test_the_governors_report_needs_the_audit_permission(
        ops: ModerationOps, audit: AuditTrail, people: dict[Role, StaffMember],
        tmp_path: Path) -> None:
    period = ReportPeriod(date(2026, 9, 1), date.today())
    with pytest.raises(NotAllowed):
        ops.make_governors_report(session(people, Role.SECRETARY), period, tmp_path / "no")
    assert not (tmp_path / "no").exists()

    report, paths = ops.make_governors_report(session(people, Role.HEAD), period,
                                              tmp_path / "yes")

    assert report.generated_by == people[Role.HEAD].name and all(p.exists() for p in paths)
    assert entries(audit)[-1][:2] == (people[Role.HEAD].name, AuditAction.GOVERNORS_REPORT)


# -- reply pictures: shown blurred, revealed on a person's choice, forgotten with the reply --

@pytest.fixture
def picture_ops(db: Database, audit: AuditTrail, store: ModerationStore,
                sandbox: SandboxGateway, people: dict[Role, StaffMember],
                tmp_path: Path) -> ModerationOps:
    from stpeters_desk.core.reply_images import PictureCheckers, ReplyPictures

    gate = Gate(db, StaffDirectory(db, audit, COMPUTER), COMPUTER)
    # no check installed: the pictures are kept but not checked (the reply goes to review)
    inbox = ModerationInbox(store, sandbox, audit.record,
                            pictures=ReplyPictures(tmp_path, PictureCheckers([])))
    moderation = ModerationOps(gate, inbox, store, audit, sandbox)
    moderation.fetch()
    return moderation


def _pictured(ops: ModerationOps) -> tuple[str, str]:
    item = next(item for item in ops.items(500) if item.pictures)
    return item.post_id, item.pictures[0].media_key


def test_the_blurred_thumbnail_is_not_recorded_but_showing_the_picture_is(
        picture_ops: ModerationOps, audit: AuditTrail, people: dict[Role, StaffMember]) -> None:
    from PIL import Image

    post_id, key = _pictured(picture_ops)
    before = entries(audit)
    blurred = picture_ops.blurred_picture(post_id, key, 200)
    assert blurred is not None and entries(audit) == before
    assert max(Image.open(io.BytesIO(blurred)).size) == 200

    shown = picture_ops.show_picture(session(people, Role.ESAFETY), post_id, key, 300)

    assert max(Image.open(io.BytesIO(shown)).size) <= 300 and shown != blurred
    [entry] = [e for e in audit.recent(5) if e.action == AuditAction.SHOW_REPLY_PICTURE]
    assert entry.actor == people[Role.ESAFETY].name and post_id in entry.target
    assert "picture 1 of 1" in entry.detail and "check: unchecked" in entry.detail


@pytest.mark.parametrize("role", [Role.TEACHER, Role.SECRETARY])
def test_someone_who_does_not_moderate_cannot_see_the_picture(
        picture_ops: ModerationOps, audit: AuditTrail, people: dict[Role, StaffMember],
        role: Role) -> None:
    post_id, key = _pictured(picture_ops)
    before = entries(audit)
    with pytest.raises(NotAllowed):
        picture_ops.show_picture(session(people, role), post_id, key, 300)
    assert entries(audit) == before


def test_forgetting_a_reply_deletes_its_pictures_and_is_recorded_with_why(
        picture_ops: ModerationOps, store: ModerationStore, audit: AuditTrail,
        people: dict[Role, StaffMember]) -> None:
    post_id, _key = _pictured(picture_ops)
    [kept] = picture_ops.pictures(post_id)
    assert kept.path is not None and kept.path.is_file()

    with pytest.raises(ReasonNeeded):
        picture_ops.forget(session(people, Role.HEAD), post_id, "  ")
    assert kept.path.is_file() and store.mention("sandbox", post_id) is not None
    with pytest.raises(NotAllowed):
        picture_ops.forget(session(people, Role.TEACHER), post_id, "retention")
    assert kept.path.is_file()

    gone = picture_ops.forget(session(people, Role.HEAD), post_id, "Past the retention date")

    assert gone == 1 and not kept.path.exists()
    assert store.mention("sandbox", post_id) is None
    assert entries(audit)[-1] == (people[Role.HEAD].name, AuditAction.FORGET_REPLY,
                                  "Past the retention date", COMPUTER)
