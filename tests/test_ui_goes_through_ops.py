"""No widget decides a rule: nothing under ``ui/`` records audit entries, checks the
head-teacher PIN or touches a store itself. Operations do, below the UI."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "stpeters_desk" / "ui"
FORBIDDEN_CALLS = {"record", "require_head_pin", "check_head_pin"}
FORBIDDEN_IMPORTS = ("stpeters_desk.core.storage",)


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in FORBIDDEN_CALLS:
            found.append(f"{path.name}:{node.lineno} calls .{node.func.attr}()")
        if isinstance(node, ast.ImportFrom) and node.module \
                and node.module.startswith(FORBIDDEN_IMPORTS):
            found.append(f"{path.name}:{node.lineno} imports {node.module}")
        if isinstance(node, ast.Import):
            found.extend(f"{path.name}:{node.lineno} imports {alias.name}"
                         for alias in node.names if alias.name.startswith(FORBIDDEN_IMPORTS))
    return found


def test_no_widget_records_audit_entries_checks_the_head_pin_or_touches_a_store() -> None:
    problems = [problem for path in sorted(UI.glob("*.py")) for problem in _problems(path)]
    assert not problems, "\n".join(problems)


STORES = {"settings", "drafts", "outbox", "staff", "devices", "approvals", "audit", "roster",
          "db", "photo_library"}
READS = {"get", "is_set_up", "members", "member", "permissions", "can", "role_permissions",
         "lock_state", "registered_devices", "is_registered", "may_post", "paused_by",
         "head_pin_lock_state", "take_over_this_computers_leases", "open_items", "items",
         "counts", "current_and_future_exceptions", "active_exception", "query", "recent"}


def _receiver_chain(node: ast.expr) -> list[str]:
    names = []
    while isinstance(node, ast.Attribute | ast.Call):
        if isinstance(node, ast.Call):
            node = node.func
            continue
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    return list(reversed(names))


def _store_writes(path: Path) -> list[str]:
    """Calls like ``self._services.settings.set(...)``: a store changed from a widget."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        chain = _receiver_chain(node.func.value)
        if len(chain) >= 2 and chain[-2] in ("services", "_services") and chain[-1] in STORES \
                and node.func.attr not in READS:
            found.append(f"{path.name}:{node.lineno} calls {'.'.join(chain)}.{node.func.attr}()")
    return found


def test_no_widget_changes_a_store_through_the_services() -> None:
    problems = [problem for path in sorted(UI.glob("*.py")) for problem in _store_writes(path)]
    assert not problems, "\n".join(problems)
