"""The few kinds of trouble X can cause, each with words a secretary understands.

Every gateway error says what happened (``message``) and what to do next
(``next_step``), and tells the outbox whether trying again later can help.
The words are in the language chosen in Settings, fixed when the error is made.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stpeters_desk.i18n import translate

CLOCK_SKEW_LIMIT = timedelta(minutes=5)
"""How far this computer's clock may be from X's before a refused sign-in is blamed on it
(OAuth 1.0a signatures carry a time, and X refuses ones far from its own)."""


class XError(Exception):
    """Base of all gateway errors.

    ``never_reached_x`` is True only when X certainly did not act on the request (it
    refused it, or the connection was never made): the outbox then knows a failed post
    cannot be on X. Otherwise (a timeout, a dropped answer, X's own failure) it may be.
    """

    retryable: bool = False
    never_reached_x: bool = False
    account_wide: bool = False
    """A fact about the school's account, not about one tweet (keys revoked, credits used
    up, the plan not enrolled): every tweet would be refused alike, so the outbox pauses."""

    def __init__(self, message: str | None = None, next_step: str | None = None) -> None:
        self.message = message or self.default_message()
        self.next_step = next_step or self.default_next_step()
        super().__init__(self.message)

    def default_message(self) -> str:
        """What happened, when the gateway gives no words of its own.

        A method rather than a class constant, so it is translated when the error is made,
        after the app has chosen its language, not when this module is imported.
        """
        return translate("XError", "X could not do that.")

    def default_next_step(self) -> str:
        return translate("XError",
                         "Try again later. If it keeps happening, tell the head teacher.")

    def user_text(self) -> str:
        """The message and next step together, as a dialog shows them."""
        return translate("XError", "{message} {next_step}").format(
            message=self.message, next_step=self.next_step)


class CredentialsRejected(XError):
    """X refused the signed request (401): the keys were revoked, or, just as often, this
    computer's clock is so wrong that the signature's time is refused."""

    never_reached_x = True
    account_wide = True

    def __init__(self, message: str | None = None, next_step: str | None = None, *,
                 clock_skew: timedelta | None = None) -> None:
        self.clock_skew = clock_skew
        if clock_skew is not None and abs(clock_skew) >= CLOCK_SKEW_LIMIT:
            minutes = round(abs(clock_skew).total_seconds() / 60)
            message = (translate("XError", "X did not accept the request because this "
                                           "computer's clock is {minutes} minutes fast.")
                       if clock_skew > timedelta(0) else
                       translate("XError", "X did not accept the request because this "
                                           "computer's clock is {minutes} minutes slow."))
            super().__init__(message.format(minutes=minutes), translate(
                "XError", "Set the computer's clock to the right time (and to set itself "
                          "automatically); the X account does not need reconnecting. Tweets "
                          "wait in the outbox."))
            return
        super().__init__(message, next_step)

    def default_message(self) -> str:
        return translate("XError", "X did not accept the school account's sign-in details.")

    def default_next_step(self) -> str:
        return translate("XError", "Ask the head teacher to reconnect the X account in "
                                   "Settings. Your tweet is kept in the outbox.")


class NotAllowedOnAccessLevel(XError):
    """The school's X plan or token does not include this feature: disable it, never retry."""

    never_reached_x = True

    def default_message(self) -> str:
        return translate("XError", "The school's X plan does not allow this feature.")

    def default_next_step(self) -> str:
        return translate("XError", "Nothing else is affected. If the school needs this, the "
                                   "head teacher can ask for it when choosing the school's "
                                   "X plan.")

    def __init__(self, feature: str = "", message: str | None = None,
                 next_step: str | None = None, *, account_wide: bool = False) -> None:
        self.feature = feature
        self.account_wide = account_wide
        super().__init__(message, next_step)


class RateLimited(XError):
    """X will take no more of these calls for now: until ``reset_at``, which for X's 24-hour
    allowance (``daily_cap``) can be most of a day away, not the usual 15 minutes."""

    retryable = True
    never_reached_x = True

    def __init__(self, reset_at: datetime | None = None, monthly_cap: bool = False,
                 daily_cap: bool = False) -> None:
        self.reset_at = reset_at
        self.monthly_cap = monthly_cap
        self.daily_cap = daily_cap and not monthly_cap
        if monthly_cap:
            message = translate("XError", "The school's X account has used its monthly "
                                          "allowance.")
            step = translate("XError", "It starts again next month. Tweets in the outbox wait "
                                       "until then; nothing is lost.")
        elif reset_at is not None and self.daily_cap:
            message = translate("XError", "The school's X account has reached X's daily limit "
                                          "for this; it starts again {when}.").format(
                when=_local_moment(reset_at))
            step = translate("XError", "Tweets in the outbox wait until then; nothing is lost.")
        elif reset_at is not None:
            message = translate("XError", "X asks us to slow down until {time}.").format(
                time=reset_at.astimezone().strftime("%H:%M"))
            step = translate("XError", "Try again after that; tweets in the outbox wait until "
                                       "then. Nothing is lost.")
        else:
            message = translate("XError", "X asks us to slow down for a while.")
            step = translate("XError", "Try again in a few minutes; tweets in the outbox wait. "
                                       "Nothing is lost.")
        super().__init__(message, step)

    def seconds_to_wait(self, now: datetime | None = None) -> float:
        if self.reset_at is None:
            return 15 * 60.0
        now = now or datetime.now(UTC)
        return max(1.0, (self.reset_at - now).total_seconds())


class CreditsExhausted(XError):
    never_reached_x = True
    account_wide = True

    def default_message(self) -> str:
        return translate("XError", "The school's X account has run out of API credits.")

    def default_next_step(self) -> str:
        return translate("XError", "Ask the head teacher to top up the X developer account. "
                                   "Tweets wait in the outbox.")


class ReadCapReached(XError):
    """This month's reads reached the cap the head teacher set; X was not asked.

    Only the reads the app makes to watch replies and followers stop: posting, and
    the outbox's check of its own posts, go on, because a tweet sent once and only
    once matters more than a few reads.
    """

    never_reached_x = True

    def default_message(self) -> str:
        return translate("XError", "This month's reads from X have reached the limit the head "
                                   "teacher set, so replies and followers are not fetched.")

    def default_next_step(self) -> str:
        return translate("XError", "They are fetched again from the 1st of next month, or the "
                                   "head teacher can raise the limit in Settings.")


class Offline(XError):
    retryable = True

    def __init__(self, message: str | None = None, next_step: str | None = None, *,
                 never_connected: bool = False) -> None:
        self.never_reached_x = never_connected
        super().__init__(message, next_step)

    def default_message(self) -> str:
        return translate("XError", "This computer cannot reach X just now.")

    def default_next_step(self) -> str:
        return translate("XError", "Check the internet connection and try again. Tweets in "
                                   "the outbox are sent by themselves when the connection is "
                                   "back.")


class MediaUnavailable(XError):
    """A reply's picture could not be downloaded (gone, too large, not an image, no
    answer). Never shown as it is: the moderation check records "image could not be
    checked" and asks a person to look."""

    def __init__(self, detail: str) -> None:
        self.detail = detail  # for the log only
        super().__init__()


class RejectedByX(XError):
    """X refused the content itself; a retry would be refused again."""

    never_reached_x = True

    def __init__(self, reason: str, message: str | None = None,
                 next_step: str | None = None) -> None:
        self.reason = reason  # "duplicate", "too_long", "not_found", "bad_media", "other"
        super().__init__(message or _rejection_text(reason),
                         next_step or _rejection_step(reason))

    @property
    def is_duplicate(self) -> bool:
        return self.reason == "duplicate"


def _rejection_step(reason: str) -> str:
    """What to do about a refusal: only some refusals are fixed by changing the tweet."""
    if reason == "not_found":
        return translate("XError", "Nothing needs doing: refresh the list to see what is "
                                   "there now.")
    return translate("XError", "Change the tweet and try again.")


def _local_moment(moment: datetime) -> str:
    """"at 05:32 tomorrow" or "at 14:10": a reset the person can plan around."""
    local = moment.astimezone()
    today = datetime.now(local.tzinfo).date()
    if local.date() == today:
        return translate("XError", "at {time} today").format(time=local.strftime("%H:%M"))
    if (local.date() - today).days == 1:
        return translate("XError", "at {time} tomorrow").format(time=local.strftime("%H:%M"))
    return translate("XError", "at {time} on {date}").format(
        time=local.strftime("%H:%M"), date=local.strftime("%d/%m"))


def _rejection_text(reason: str) -> str:
    """X's refusal in plain words; ``reason`` is the gateway's key, never shown itself."""
    if reason == "duplicate":
        return translate("XError", "X says this exact tweet has already been posted.")
    if reason == "too_long":
        return translate("XError", "X says the tweet is too long.")
    if reason == "not_found":
        return translate("XError", "X cannot find that post any more; it may already be deleted.")
    if reason == "bad_media":
        return translate("XError", "X refused one of the photos.")
    if reason == "other":
        return translate("XError", "X refused this.")
    return translate("XError", "X could not do that.")
