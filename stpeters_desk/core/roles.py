"""Who may do what: the school's roles and the permissions table, in one place.

The defaults follow the school's Twitter policy: the head teacher, teachers
and the school secretary may tweet; the head and the e-safety leader watch the
followers. Teachers submit their tweets for approval until the head makes
them approvers or changes the table. The head can change the table (stored in
the database); these are only the starting values.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from stpeters_desk.i18n import Translator, english, translate


class Role(StrEnum):
    HEAD = "head"
    ESAFETY = "esafety"
    TEACHER = "teacher"
    SECRETARY = "secretary"


def _role_titles(translate: Translator) -> dict[Role, str]:
    return {
        Role.HEAD: translate("Roles", "Head teacher"),
        Role.ESAFETY: translate("Roles", "E-safety leader"),
        Role.TEACHER: translate("Roles", "Teacher"),
        Role.SECRETARY: translate("Roles", "School secretary"),
    }


ROLE_TITLES: Mapping[Role, str] = MappingProxyType(_role_titles(english))  # audit log: English


class Permission(StrEnum):
    POST = "post"  # post straight to the account
    SUBMIT = "submit"  # write a tweet and submit it for approval
    APPROVE = "approve"
    MODERATE = "moderate"
    MANAGE_FOLLOWERS = "manage_followers"
    VIEW_AUDIT = "view_audit"
    MANAGE_STAFF = "manage_staff"
    CHANGE_CREDENTIALS = "change_credentials"
    REGISTER_DEVICES = "register_devices"


def _permission_titles(translate: Translator) -> dict[Permission, str]:
    return {
        Permission.POST: translate("Roles", "Post tweets directly"),
        Permission.SUBMIT: translate("Roles", "Submit tweets for approval"),
        Permission.APPROVE: translate("Roles", "Approve other people's tweets"),
        Permission.MODERATE: translate("Roles", "Hide or delete replies and mentions"),
        Permission.MANAGE_FOLLOWERS: translate("Roles", "Check and block followers"),
        Permission.VIEW_AUDIT: translate("Roles", "See the audit log"),
        Permission.MANAGE_STAFF: translate("Roles", "Add staff and change roles"),
        Permission.CHANGE_CREDENTIALS: translate("Roles", "Connect or change the X account"),
        Permission.REGISTER_DEVICES: translate("Roles", "Register school computers"),
    }


PERMISSION_TITLES: Mapping[Permission, str] = MappingProxyType(_permission_titles(english))

DEFAULT_PERMISSIONS: Mapping[Role, frozenset[Permission]] = MappingProxyType({
    Role.HEAD: frozenset(Permission),
    Role.ESAFETY: frozenset({Permission.MODERATE, Permission.MANAGE_FOLLOWERS,
                             Permission.VIEW_AUDIT, Permission.SUBMIT}),
    Role.TEACHER: frozenset({Permission.SUBMIT}),
    Role.SECRETARY: frozenset({Permission.POST, Permission.SUBMIT}),
})

APPROVER_GRANT: frozenset[Permission] = frozenset({Permission.APPROVE})
"""What the head's per-person "approver" grant adds to someone's role."""


def role_title(role: Role) -> str:
    """The role's name on screen, in the chosen language (the audit log keeps English)."""
    return _role_titles(translate)[role]


def permission_title(permission: Permission) -> str:
    """The permission's name on screen, in the chosen language (the audit log keeps English)."""
    return _permission_titles(translate)[permission]
