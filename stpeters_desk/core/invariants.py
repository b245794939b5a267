"""The account's standing promises, checked on start and every hour.

The policy says the school's account follows no one and never enters private
conversations. The app offers no follow and no direct messages, but someone
could still follow an account from a phone, or regenerate the token with
direct-message permission in X's developer portal. Neither would show
anywhere else, so the app looks for both regularly and says, in plain words,
what is wrong and how to put it right.

Each problem's ``message`` is in the language chosen in Settings, for the banner;
``audit_detail`` is the same words in English, for the audit log, which reads the
same on every computer.

``check_account`` calls the gateway, so it may block on the network: run it
off the UI thread. Gateway errors (``XError``) reach the caller unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.i18n import Translator, english, translate
from stpeters_desk.x.gateway import XGateway, pages
from stpeters_desk.x.models import Account

FOLLOWS_SOMEONE = AuditAction.ACCOUNT_FOLLOWS_SOMEONE.value
DIRECT_MESSAGES = AuditAction.ACCOUNT_ALLOWS_DIRECT_MESSAGES.value
READ_ONLY = AuditAction.ACCOUNT_CANNOT_POST.value

ERROR = "error"      # the window shows a red banner
WARNING = "warning"  # the window shows a warning

NAMES_SHOWN = 10     # a banner naming fifty accounts helps nobody
FOLLOWING_PAGE_SIZE = 100
MAX_FOLLOWING_PAGES = 20


def _regenerate_steps(translate: Translator) -> str:
    return translate(
        "AccountCheck",
        "In the X developer portal, open the school's app, choose \"User authentication "
        "settings\" and set the app permissions to \"Read and write\" (not \"Read and write and "
        "Direct message\"). Save, then under \"Keys and tokens\" regenerate the Access Token and "
        "Secret and enter the new pair in Settings, Connect X account. Tokens made before the "
        "change keep their old permissions until they are regenerated.")


@dataclass(frozen=True)
class InvariantProblem:
    """One broken promise: what it is, how serious, what to do, and who is involved."""

    code: str
    severity: str
    message: str  # in the language chosen in Settings
    accounts: tuple[str, ...] = ()
    audit_detail: str = ""  # the message in English, as the audit log keeps it


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
    return InvariantProblem(
        code=FOLLOWS_SOMEONE, severity=ERROR, accounts=tuple(handles),
        message=_following_words(account, handles, translate),
        audit_detail=_following_words(account, handles, english))


def _following_words(account: Account, handles: list[str], translate: Translator) -> str:
    count = max(account.following_count, len(handles))
    named = ", ".join(f"@{handle}" for handle in handles[:NAMES_SHOWN])
    more = len(handles) - NAMES_SHOWN
    if more > 0:
        named = translate("AccountCheck", "{handles} and {count} more").format(handles=named,
                                                                               count=more)
    if handles and count == 1:
        who = translate("AccountCheck", "@{school} follows {count} account: {handles}.")
    elif handles:
        who = translate("AccountCheck", "@{school} follows {count} accounts: {handles}.")
    elif count == 1:
        who = translate("AccountCheck", "@{school} follows {count} account (X did not say which).")
    else:
        who = translate("AccountCheck",
                        "@{school} follows {count} accounts (X did not say which).")
    policy = translate("AccountCheck",
                       "The school's policy is that the account follows no one, so that nothing "
                       "unsuitable reaches its timeline. Sign in on x.com and unfollow them; "
                       "this app never offers follow.")
    return who.format(school=account.handle, count=count, handles=named) + " " + policy


def _direct_messages_problem(account: Account) -> InvariantProblem:
    return InvariantProblem(
        code=DIRECT_MESSAGES, severity=WARNING,
        message=_direct_messages_words(account, translate),
        audit_detail=_direct_messages_words(account, english))


def _direct_messages_words(account: Account, translate: Translator) -> str:
    return translate(
        "AccountCheck",
        "The sign-in token for @{school} allows direct messages (X reports \"{access}\"). The "
        "policy says the school never enters private conversations, so the token should be "
        "read-and-write only. {steps}").format(school=account.handle,
                                               access=account.access_level,
                                               steps=_regenerate_steps(translate))


def _read_only(access_level: str) -> bool:
    return access_level.strip().lower() == "read"


def _read_only_problem(account: Account) -> InvariantProblem:
    return InvariantProblem(
        code=READ_ONLY, severity=WARNING,
        message=_read_only_words(account, translate),
        audit_detail=_read_only_words(account, english))


def _read_only_words(account: Account, translate: Translator) -> str:
    return translate("AccountCheck",
                     "The sign-in token for @{school} is read-only, so tweets and hiding replies "
                     "will fail. {steps}").format(school=account.handle,
                                                  steps=_regenerate_steps(translate))
