"""The Audit tab goes through ``ops.audit``: only those who may read the log see it, its
action filter is the audit vocabulary, and an export is itself recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.staff import StaffDirectory
from stpeters_desk.ops.audit import AuditLogOperations
from stpeters_desk.ops.context import gate_of, session_of
from stpeters_desk.ui.audit_tab import AuditTab
from stpeters_desk.ui.tasks import SyncTaskRunner

HEAD_PIN = "482915"


@pytest.fixture
def school(services: DeskServices) -> DeskServices:
    assert services.db is not None
    services.staff = StaffDirectory(services.db, services.audit, "Office PC (test)")
    head, _code = services.staff.create_head("Mrs Amberley Invented", HEAD_PIN)
    services.staff.add_member("Ms Secretary Invented", Role.SECRETARY, "731904", by=head,
                              head_pin=HEAD_PIN)
    services.sign_in(head)
    return services


def _tab(qtbot: QtBot, services: DeskServices) -> AuditTab:
    tab = AuditTab(AuditLogOperations(services.audit, gate_of(services)),
                   lambda: session_of(services), SyncTaskRunner())
    qtbot.addWidget(tab)
    return tab


def test_the_action_filter_offers_the_vocabulary_then_older_names(
        qtbot: QtBot, school: DeskServices) -> None:
    school.audit.record("Mrs Amberley Invented", "an action from an old version", "", "")
    tab = _tab(qtbot, school)
    offered = [tab.action.itemData(i) for i in range(1, tab.action.count())]
    assert offered[:len(AuditAction)] == [action.value for action in AuditAction]
    assert offered[len(AuditAction):] == ["an action from an old version"]


def test_someone_who_may_not_read_the_log_is_told_and_shown_nothing(
        qtbot: QtBot, school: DeskServices) -> None:
    assert school.staff is not None
    secretary = next(m for m in school.staff.members() if m.role == Role.SECRETARY)
    school.sign_in(secretary)
    tab = _tab(qtbot, school)
    assert tab.model.rowCount() == 0
    assert "may not do this" in tab.message.text()


def test_an_export_writes_the_rows_shown_and_records_who_took_it(
        qtbot: QtBot, school: DeskServices, tmp_path: Path) -> None:
    tab = _tab(qtbot, school)
    shown = tab.model.rowCount()
    target = tmp_path / "log.csv"
    tab.export_to(target)
    assert len(target.read_text(encoding="utf-8").splitlines()) == shown + 1
    entry = AuditTrail(school.db).recent(1)[0]  # type: ignore[arg-type]
    assert (entry.actor, entry.action, entry.target) == (
        "Mrs Amberley Invented", AuditAction.EXPORT_AUDIT_LOG.value, str(target))
    assert entry.detail == f"{shown} entries"


def test_an_export_to_a_folder_that_cannot_be_written_records_nothing(
        qtbot: QtBot, school: DeskServices, tmp_path: Path) -> None:
    tab = _tab(qtbot, school)
    before = len(school.audit.recent(1000))
    tab.export_to(tmp_path / "no such folder" / "log.csv")
    assert "Could not write" in tab.message.text()
    assert len(school.audit.recent(1000)) == before
