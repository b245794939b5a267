"""Every audit entry the app writes is named from the vocabulary (``AuditAction``), so the
Audit tab's filter and the governors' report can rely on the names."""

from __future__ import annotations

import ast
from pathlib import Path

from stpeters_desk.core.audit_actions import AuditAction

PACKAGE = Path(__file__).resolve().parents[1] / "stpeters_desk"
WRITERS = {"record", "_record", "_entry", "_audit", "NewAuditEntry", "entry"}


def _action_argument(call: ast.Call) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == "action":
            return keyword.value
    return call.args[1] if len(call.args) >= 2 else None


def _through_the_gate(call: ast.Call) -> bool:
    """``gate.record(clearance, target, detail)``: named by the table of actions."""
    func = call.func
    return isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute | ast.Name) \
        and getattr(func.value, "attr", getattr(func.value, "id", "")) in ("_gate", "gate")


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literal_actions(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and _name(node) in WRITERS) \
                or _through_the_gate(node):
            continue
        action = _action_argument(node)
        if isinstance(action, ast.JoinedStr):
            found.append((f"{path.name}:{node.lineno}", "an f-string"))
        elif isinstance(action, ast.Constant) and isinstance(action.value, str):
            found.append((f"{path.name}:{node.lineno}", action.value))
    return found


def test_no_audit_entry_is_named_by_a_bare_string() -> None:
    literal = [found for path in sorted(PACKAGE.rglob("*.py"))
               for found in _literal_actions(path)]
    assert not literal, "\n".join(f"{where}: {what!r}" for where, what in literal)


def test_the_vocabulary_has_no_two_names_for_one_entry() -> None:
    values = [action.value for action in AuditAction]
    assert len(values) == len(set(values))
