"""The few kinds of trouble X can cause, each with words a secretary understands.

Every gateway error says what happened (``message``) and what to do next
(``next_step``), and tells the outbox whether trying again later can help.
"""

from __future__ import annotations

from datetime import UTC, datetime


class XError(Exception):
    """Base of all gateway errors."""

    retryable: bool = False
    default_message = "X could not do that."
    default_next_step = "Try again later. If it keeps happening, tell the head teacher."

    def __init__(self, message: str | None = None, next_step: str | None = None) -> None:
        self.message = message or self.default_message
        self.next_step = next_step or self.default_next_step
        super().__init__(self.message)

    def user_text(self) -> str:
        """The message and next step together, as a dialog shows them."""
        return f"{self.message} {self.next_step}"


class CredentialsRejected(XError):
    default_message = "X did not accept the school account's sign-in details."
    default_next_step = (
        "Ask the head teacher to reconnect the X account in Settings. "
        "Your tweet is kept in the outbox."
    )


class NotAllowedOnAccessLevel(XError):
    """The school's X plan or token does not include this feature: disable it, never retry."""

    default_message = "The school's X plan does not allow this feature."
    default_next_step = "It has been switched off in the app; nothing else is affected."

    def __init__(self, feature: str = "", message: str | None = None,
                 next_step: str | None = None) -> None:
        self.feature = feature
        super().__init__(message, next_step)


class RateLimited(XError):
    retryable = True

    def __init__(self, reset_at: datetime | None = None, monthly_cap: bool = False) -> None:
        self.reset_at = reset_at
        self.monthly_cap = monthly_cap
        if monthly_cap:
            message = "The school's X account has used its monthly allowance."
            step = "It starts again next month; tweets wait in the outbox until then."
        elif reset_at is not None:
            local = reset_at.astimezone().strftime("%H:%M")
            message = f"X asks us to slow down until {local}."
            step = "The app will try again by itself after that; nothing is lost."
        else:
            message = "X asks us to slow down for a while."
            step = "The app will try again by itself in a few minutes; nothing is lost."
        super().__init__(message, step)

    def seconds_to_wait(self, now: datetime | None = None) -> float:
        if self.reset_at is None:
            return 15 * 60.0
        now = now or datetime.now(UTC)
        return max(1.0, (self.reset_at - now).total_seconds())


class CreditsExhausted(XError):
    default_message = "The school's X account has run out of API credits."
    default_next_step = (
        "Ask the head teacher to top up the X developer account. Tweets wait in the outbox."
    )


class Offline(XError):
    retryable = True
    default_message = "This computer cannot reach X just now."
    default_next_step = (
        "Check the internet connection. The tweet is safe in the outbox and "
        "will be sent automatically when the connection is back."
    )


class RejectedByX(XError):
    """X refused the content itself; a retry would be refused again."""

    def __init__(self, reason: str, message: str | None = None,
                 next_step: str | None = None) -> None:
        self.reason = reason  # "duplicate", "too_long", "not_found", "other"
        super().__init__(message or _REJECTION_TEXT.get(reason, XError.default_message),
                         next_step or "Change the tweet and try again.")

    @property
    def is_duplicate(self) -> bool:
        return self.reason == "duplicate"


_REJECTION_TEXT = {
    "duplicate": "X says this exact tweet has already been posted.",
    "too_long": "X says the tweet is too long.",
    "not_found": "X cannot find that post any more; it may already be deleted.",
    "bad_media": "X refused one of the photos.",
    "other": "X refused this.",
}
