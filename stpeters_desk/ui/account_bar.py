"""The strip across the top: which account, and whether it still obeys the policy.

It always says plainly whether this is the practice (sandbox) account or the
school's real account, and it raises a warning if the account ever follows
anyone or can send direct messages, which the policy forbids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from stpeters_desk.ui.styling import set_style_state
from stpeters_desk.x.kinds import SANDBOX

if TYPE_CHECKING:
    from stpeters_desk.x.models import Account


class AccountBar(QFrame):
    def __init__(self, parent: QWidget | None = None, *, sandbox: bool = False) -> None:
        """``sandbox``: the gateway's kind, known before X answers. The badge takes its
        colour now, so the account's arrival changes only its words: re-polishing a
        widget before the first frame would build Qt's whole enum namespace (see
        ``styling.set_style_state``)."""
        super().__init__(parent)
        self.setObjectName("AccountBar")
        self.mode_label = QLabel(self.tr("Connecting…"))
        self.mode_label.setObjectName("ModeBadge")
        self.mode_label.setProperty("sandbox", sandbox)
        self.handle_label = QLabel("")
        self.handle_label.setObjectName("AccountHandle")
        self.handle_label.setProperty("data", True)  # the account's handle and name
        self.followers_label = QLabel("")
        self.following_label = QLabel("")
        self.warning_label = QLabel("")
        self.warning_label.setObjectName("PolicyWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self._account_problems: list[str] = []
        self._checked_problems: list[str] = []
        self._outbox_paused = ""
        for label, name in ((self.mode_label, self.tr("Which account")),
                            (self.handle_label, self.tr("Account name")),
                            (self.followers_label, self.tr("Followers")),
                            (self.following_label, self.tr("Following")),
                            (self.warning_label, self.tr("Policy warning"))):
            label.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.mode_label)
        layout.addWidget(self.handle_label)
        layout.addStretch(1)
        layout.addWidget(self.warning_label, 2)
        layout.addWidget(self.followers_label)
        layout.addWidget(self.following_label)

    def show_account(self, account: Account) -> None:
        sandbox = account.kind == SANDBOX
        if sandbox:
            self.mode_label.setText(self.tr("Practice account (sandbox)"))
            self.mode_label.setToolTip(self.tr(
                "Nothing here reaches X: posts, replies and followers are invented and stored "
                "on this computer."))
        else:
            self.mode_label.setText(self.tr("Real X account"))
            self.mode_label.setToolTip(self.tr("Posts made here appear on X for everyone."))
        set_style_state(self.mode_label, "sandbox", sandbox)
        self.handle_label.setText(f"@{account.handle} · {account.name}")
        self.followers_label.setText(self.tr("{count} followers").format(
            count=f"{account.followers_count:,}"))
        self.following_label.setText(self.tr("following {count}").format(
            count=f"{account.following_count:,}"))
        # The colour of a following count above 0 is backed by words: the warning beside it.
        self.following_label.setToolTip(
            self.tr("The school's policy says the account follows no one.")
            if account.follows_anyone else "")
        self._show_policy_warnings(account)

    def show_problems(self, messages: list[str]) -> None:
        """The hourly account check's findings (e.g. which accounts are being followed)."""
        self._checked_problems = messages
        self._render_warnings()

    def _show_policy_warnings(self, account: Account) -> None:
        problems = []
        if account.follows_anyone:
            problems.append(self.tr("The account follows {count} account(s), but the "
                                    "school's policy says it follows no one.").format(
                                        count=account.following_count))
        if account.can_send_dms:
            problems.append(self.tr("The X connection allows direct messages, which the policy "
                                    "rules out. Reconnect with read-and-write access only."))
        set_style_state(self.following_label, "problem", account.follows_anyone)
        self._account_problems = problems
        self._render_warnings()

    def show_outbox_paused(self, reason: str) -> None:
        """Why no tweet is going out (the account refused, credits used up), said once here
        rather than on every tweet in the outbox; empty when tweets go out again."""
        self._outbox_paused = reason
        self._render_warnings()

    def _render_warnings(self) -> None:
        # The hourly check names the followed accounts, so it replaces the bare count.
        problems = self._checked_problems or self._account_problems
        lines = []
        if self._outbox_paused:
            lines.append(self.tr("✖ Tweets are not going out: {reason}").format(
                reason=self._outbox_paused))
        if problems:
            lines.append(self.tr("⚠ {problems} Tell the head teacher.").format(
                problems=" ".join(problems)))
        if not lines:
            self.warning_label.clear()
            self.warning_label.hide()
            return
        self.warning_label.setText("\n".join(lines))
        self.warning_label.show()

    def show_unavailable(self, message: str) -> None:
        self.mode_label.setText(self.tr("Account unavailable"))
        self.mode_label.setToolTip(self.tr("Tweets wait safely in the outbox and go out when X "
                                           "can be reached again."))
        self.handle_label.setText(message)
