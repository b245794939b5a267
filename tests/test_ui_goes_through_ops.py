"""No widget decides a rule: nothing under ``ui/`` records audit entries, checks the
head-teacher PIN or touches a store itself. Operations do, below the UI."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "stpeters_desk" / "ui"
FORBIDDEN_CALLS = {"record", "require_head_pin", "check_head_pin"}
FORBIDDEN_IMPORTS = ("stpeters_desk.core.storage",)

# Being moved into ``stpeters_desk.ops`` (issue 12); this list only ever shrinks.
NOT_YET_MOVED: set[str] = {
    "main_window.py",
}


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
    problems = [problem for path in sorted(UI.glob("*.py")) if path.name not in NOT_YET_MOVED
                for problem in _problems(path)]
    assert not problems, "\n".join(problems)


def test_the_list_of_modules_not_yet_moved_only_names_modules_that_still_need_it() -> None:
    stale = [name for name in NOT_YET_MOVED if not _problems(UI / name)]
    assert not stale, f"remove from NOT_YET_MOVED: {stale}"
