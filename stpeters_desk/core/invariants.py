"""The account's standing promises, checked on start and every hour.

The policy says the school's account follows no one and never enters private
conversations. The app offers no follow and no direct messages, but someone
could still follow an account from a phone, or regenerate the token with
direct-message permission in X's developer portal. Neither would show
anywhere else, so the app looks for both regularly and says, in plain words,
what is wrong and how to put it right.

``check_account`` calls the gateway, so it may block on the network: run it
off the UI thread. Gateway errors (``XError``) reach the caller unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from stpeters_desk.x.gateway import XGateway, pages
from stpeters_desk.x.models import Account

FOLLOWS_SOMEONE = "follows someone"
DIRECT_MESSAGES = "direct messages allowed"
READ_ONLY = "cannot post"

ERROR = "error"      # the window shows a red banner
WARNING = "warning"  # the window shows a warning

NAMES_SHOWN = 10     # a banner naming fifty accounts helps nobody
FOLLOWING_PAGE_SIZE = 100
MAX_FOLLOWING_PAGES = 20

REGENERATE_STEPS = (
    "In the X developer portal, open the school's app, choose \"User authentication "
    "settings\" and set the app permissions to \"Read and write\" (not \"Read and write and "
    "Direct message\"). Save, then under \"Keys and tokens\" regenerate the Access Token and "
    "Secret and enter the new pair in Settings, Connect X account. Tokens made before the "
    "change keep their old permissions until they are regenerated."
)


@dataclass(frozen=True)
class InvariantProblem:
    """One broken promise: what it is, how serious, what to do, and who is involved."""

    code: str
    severity: str
    message: str
    accounts: tuple[str, ...] = ()


def check_account(gateway: XGateway) -> list[InvariantProblem]:
    """Every broken promise on the connected account; an empty list means all is well."""
    account = gateway.account()
    problems: list[InvariantProblem] = []
    if account.follows_anyone:
        problems.append(_following_problem(account, _followed_handles(gateway)))
    if account.can_send_dms:
        problems.append(_direct_messages_problem(account))
    elif _read_only(account.access_level):
        problems.append(_read_only_problem(account))
    return problems


def _followed_handles(gateway: XGateway) -> list[str]:
    return [user.handle
            for page in pages(gateway.following, FOLLOWING_PAGE_SIZE, MAX_FOLLOWING_PAGES)
            for user in page.items]


def _following_problem(account: Account, handles: list[str]) -> InvariantProblem:
    count = max(account.following_count, len(handles))
    accounts = "account" if count == 1 else "accounts"
    if handles:
        named = ", ".join(f"@{handle}" for handle in handles[:NAMES_SHOWN])
        more = len(handles) - NAMES_SHOWN
        named += f" and {more} more" if more > 0 else ""
        who = f": {named}"
    else:
        who = " (X did not say which)"
    return InvariantProblem(
        code=FOLLOWS_SOMEONE, severity=ERROR, accounts=tuple(handles),
        message=(f"@{account.handle} follows {count} {accounts}{who}. The school's policy "
                 "is that the account follows no one, so that nothing unsuitable reaches "
                 "its timeline. Sign in on x.com and unfollow them; this app never offers "
                 "follow."))


def _direct_messages_problem(account: Account) -> InvariantProblem:
    return InvariantProblem(
        code=DIRECT_MESSAGES, severity=WARNING,
        message=(f"The sign-in token for @{account.handle} allows direct messages "
                 f"(X reports \"{account.access_level}\"). The policy says the school never "
                 "enters private conversations, so the token should be read-and-write only. "
                 + REGENERATE_STEPS))


def _read_only(access_level: str) -> bool:
    return access_level.strip().lower() == "read"


def _read_only_problem(account: Account) -> InvariantProblem:
    return InvariantProblem(
        code=READ_ONLY, severity=WARNING,
        message=(f"The sign-in token for @{account.handle} is read-only, so tweets and "
                 "hiding replies will fail. " + REGENERATE_STEPS))
