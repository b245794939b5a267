"""The app's own hourly check of the account's promises: it follows no one, its keys
cannot send direct messages, and it can post.

Not a person's action, so no gate: the check runs for whoever has the window open, and
a broken promise is recorded under the actor "account check" for the head to see.
"""

from __future__ import annotations

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.invariants import ERROR, InvariantProblem, check_account
from stpeters_desk.x.gateway import XGateway

CHECK_ACTOR = "account check"


class AccountCheck:
    def __init__(self, gateway: XGateway, audit: AuditTrail) -> None:
        self._gateway = gateway
        self._audit = audit

    def run(self) -> list[InvariantProblem]:
        """Check X now (blocks: run it off the UI thread); record each broken promise."""
        problems = check_account(self._gateway)
        for problem in problems:
            if problem.severity == ERROR:
                self._audit.record(CHECK_ACTOR, problem.code, "", problem.audit_detail)
        return problems
