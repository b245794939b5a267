"""Every setting the app keeps, in one typed table: its key, type, default and who may
change it.

The settings table stores text. Reading goes through ``read`` here, which turns the
stored text into the setting's type and falls back to the one default written below
(an unreadable value reads as the default, never as an error); writing goes through
``write``, which refuses a value outside the setting's choices or range. Nothing else
spells a key or repeats a default.

``changed_by`` is the permission a member of staff needs to change the setting;
``operation`` names the one operation (an ``ops.actions.Action`` value) that changes
it when the change has its own rules (the head-teacher PIN, a second setting
changed with it). The Settings tab changes the others through the generic
``change setting`` operation, which checks ``changed_by`` and writes the audit entry.
``sealed`` settings are part of the integrity seal's "security settings".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final, Generic, TypeVar

from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.refusals import InvalidInput
from stpeters_desk.core.roles import Permission
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.i18n import DEFAULT_LANGUAGE, translate

T = TypeVar("T")

ON, OFF = "1", "0"


class Setting(Generic[T]):
    """One setting: how its text becomes a value and back, and who may change it.

    A plain class whose attributes are set once, not a dataclass: the registry loads on
    the way to the first window, where a dataclass's generated methods cost about a
    millisecond. Each setting is one object of the registry, compared by identity."""

    __slots__ = (
        "audit",
        "changed_by",
        "choices",
        "default",
        "key",
        "operation",
        "parse",
        "sealed",
        "text",
    )

    def __init__(self, key: str, default: T,
                 parse: Callable[[str], T | None],  # None: not a value of this setting
                 text: Callable[[T], str],
                 changed_by: Permission | None,  # None: anyone signed in may change it
                 audit: AuditAction | None = None,  # what the change records; None: nothing
                 operation: str = "",  # the ops Action that alone changes it ("": generic)
                 sealed: bool = False,
                 choices: tuple[str, ...] = ()) -> None:  # for one of a few words
        self.key: Final = key
        self.default: Final = default
        self.parse: Final = parse
        self.text: Final = text
        self.changed_by: Final = changed_by
        self.audit: Final = audit
        self.operation: Final = operation
        self.sealed: Final = sealed
        self.choices: Final = choices

    def __repr__(self) -> str:
        return f"Setting({self.key!r})"

    def value_of(self, stored: str | None) -> T:
        """The stored text as this setting's value, or the default when unreadable."""
        if stored is None:
            return self.default
        value = self.parse(stored)
        return self.default if value is None else value

    def checked_text(self, value: T) -> str:
        """The text to store for ``value``; refuses a value outside the setting's range."""
        text = self.text(value)
        if self.parse(text) is None:
            raise InvalidInput(translate("Settings", "That value cannot be used for this "
                                                     "setting."))
        return text


def _flag(text: str) -> bool | None:
    return {ON: True, OFF: False}.get(text)


def _flag_text(value: bool) -> str:
    return ON if value else OFF


def _whole_number(low: int, high: int) -> Callable[[str], int | None]:
    def parse(text: str) -> int | None:
        return int(text) if text.isdigit() and low <= int(text) <= high else None
    return parse


def _one_of(choices: tuple[str, ...]) -> Callable[[str], str | None]:
    return lambda text: text if text in choices else None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _choice(key: str, choices: tuple[str, ...], default: str, changed_by: Permission | None,
            audit: AuditAction, *, sealed: bool = False) -> Setting[str]:
    return Setting(key, default, _one_of(choices), str, changed_by, audit, sealed=sealed,
                   choices=choices)


# -- the X account ---------------------------------------------------------------------
REAL_ACCOUNT_CONNECTED: Setting[bool] = Setting(
    "x_account_connected", False, _flag, _flag_text, Permission.CHANGE_CREDENTIALS,
    operation="connect X", sealed=True)
REPLY_CHOICES = ("mentionedUsers", "following", "everyone")  # X's reply_settings
REPLY_SETTING: Setting[str] = _choice(
    "preflight.reply_settings", REPLY_CHOICES, "mentionedUsers",  # with following 0: replies off
    Permission.POST, AuditAction.REPLY_SETTING_CHANGED, sealed=True)

MAX_READ_CAP = 10_000_000
X_READ_CAP: Setting[int] = Setting(  # posts and accounts read from X a month; 0: no limit
    "x_monthly_read_cap", 0, _whole_number(0, MAX_READ_CAP), str,
    Permission.CHANGE_CREDENTIALS, operation="set monthly read limit", sealed=True)

# What the pre-flight knows of the school (no screen yet: set by the head's tools).
SCHOOL_HANDLES: Setting[str] = Setting("preflight.school_handles", "StPetersPilning",
                                       lambda text: text or None, str,
                                       Permission.MANAGE_STAFF)
TRUSTED_ACCOUNTS: Setting[str] = Setting("preflight.trusted_accounts", "", str, str,
                                         Permission.MANAGE_STAFF)
OWN_POSTCODES: Setting[str] = Setting("preflight.own_postcodes", "", str, str,
                                      Permission.MANAGE_STAFF)

# -- the staffroom kiosk ---------------------------------------------------------------
KIOSK_MODE: Setting[bool] = Setting(
    "kiosk_mode", False, _flag, _flag_text, Permission.REGISTER_DEVICES,
    operation="kiosk on", sealed=True)  # off: "kiosk off", with the head-teacher PIN
MIN_IDLE_MINUTES, MAX_IDLE_MINUTES = 1, 120
KIOSK_IDLE_MINUTES: Setting[int] = Setting(
    "kiosk_idle_minutes", 5, _whole_number(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES), str,
    Permission.REGISTER_DEVICES, AuditAction.KIOSK_IDLE_MINUTES_CHANGED, sealed=True)

# -- the policy review -----------------------------------------------------------------
MAX_INTERVAL_MONTHS = 60
POLICY_ADOPTED_ON: Setting[date | None] = Setting(
    "policy_adopted_on", None,  # None: not entered yet (a fresh install asks for it)
    _day, lambda day: day.isoformat() if day is not None else "", Permission.MANAGE_STAFF,
    operation="policy dates")
POLICY_INTERVAL_MONTHS: Setting[int] = Setting(
    "policy_review_interval_months", 24, _whole_number(1, MAX_INTERVAL_MONTHS), str,
    Permission.MANAGE_STAFF, operation="policy dates")

# -- this computer's look and language -------------------------------------------------
THEMES = ("system", "light", "dark", "high-contrast")
THEME: Setting[str] = _choice("appearance.theme", THEMES, "system", None,
                              AuditAction.THEME_CHANGED)
LANGUAGE_CHOICES = ("en", "cy")
LANGUAGE: Setting[str] = _choice("appearance.language", LANGUAGE_CHOICES, DEFAULT_LANGUAGE, None,
                                 AuditAction.LANGUAGE_CHANGED)

SETTINGS: Mapping[str, Setting[Any]] = MappingProxyType({s.key: s for s in (
    REAL_ACCOUNT_CONNECTED, REPLY_SETTING, X_READ_CAP, SCHOOL_HANDLES, TRUSTED_ACCOUNTS,
    OWN_POSTCODES, KIOSK_MODE, KIOSK_IDLE_MINUTES, POLICY_ADOPTED_ON,
    POLICY_INTERVAL_MONTHS, THEME, LANGUAGE)})

SEALED_KEYS: tuple[str, ...] = tuple(sorted(key for key, s in SETTINGS.items() if s.sealed))


# -- each person's own ------------------------------------------------------------------
TOUR_SEEN_PREFIX = "tour.seen."


def tour_seen(staff_id: int) -> Setting[bool]:
    """Per person, not per computer: whether this member of staff has had the guided tour.

    Stored as "1" once seen (older copies wrote only that value, so anything else reads
    as not seen). Each person marks only their own.
    """
    return Setting(f"{TOUR_SEEN_PREFIX}{staff_id}", False,
                   lambda text: text == ON, _flag_text, None)


# -- reading and writing ----------------------------------------------------------------
def read(store: SettingsStore, setting: Setting[T]) -> T:
    """The setting's value now; its default when nothing (or nothing readable) is stored."""
    return setting.value_of(store.get(setting.key))


def write(store: SettingsStore, setting: Setting[T], value: T) -> str:
    """Store ``value`` (the caller has checked who may change it); returns the text stored."""
    text = setting.checked_text(value)
    store.set(setting.key, text)
    return text
