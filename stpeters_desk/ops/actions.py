"""Every guarded action in one table a head teacher could read.

For each action: the permission a role needs, whether the head-teacher PIN is
asked, whether a reason must be given, and the name the audit log records. The
``Gate`` reads only this table; the Staff tab and the help show it; a table-driven
test runs every action for every role, with and without the PIN.

An action missing from the table is refused (fail closed).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from stpeters_desk.core.audit_actions import AuditAction as A
from stpeters_desk.core.i18n import Translator, english
from stpeters_desk.core.roles import Permission as P


class Action(StrEnum):
    # posting
    POST_NOW = "post now"
    QUEUE = "queue"
    OVERRIDE_PREFLIGHT = "override pre-flight"
    TAKE_OUT_OF_OUTBOX = "take out of outbox"
    DELETE_OWN_POST = "delete own post"
    # approvals
    SUBMIT = "submit"
    APPROVE = "approve"
    REJECT = "reject"
    WITHDRAW = "withdraw"
    SCHEDULE = "schedule"
    # photos
    PREPARE_PHOTO = "prepare photo"
    CONFIRM_PHOTO = "confirm photo"
    # replies
    HIDE = "hide"
    UNHIDE = "unhide"
    MUTE = "mute"
    REPORT = "report"
    MARK_REVIEWED = "mark reviewed"
    INCIDENT_PACK = "incident pack"
    GOVERNORS_REPORT = "governors report"
    # followers
    SYNC_FOLLOWERS = "sync followers"
    REVIEW_FOLLOWER = "review follower"
    BLOCK_HANDOFF = "block hand-off"
    REQUEST_UNBLOCK = "request unblock"
    CONFIRM_UNBLOCK = "confirm unblock"
    # staff
    ADD_STAFF = "add staff"
    CHANGE_ROLE = "change role"
    RESET_PIN = "reset PIN"
    UNLOCK_PIN = "unlock PIN"
    NEW_RECOVERY_CODE = "new recovery code"
    DEACTIVATE = "deactivate"
    CHANGE_PERMISSIONS = "change permissions"
    # this computer, the account, the school's settings
    REGISTER_DEVICE = "register device"
    UNREGISTER_DEVICE = "unregister device"
    TRIP_EXCEPTION = "trip exception"
    CONNECT_X = "connect X"
    STORE_X_PASSWORD = "store X password"
    SHOW_X_PASSWORD = "show X password"
    IMPORT_ROSTER = "import roster"
    KIOSK_ON = "kiosk on"
    KIOSK_OFF = "kiosk off"
    CLOSE_KIOSK = "close kiosk"
    POLICY_DATES = "policy dates"
    POLICY_FILE = "policy file"
    EXPORT_AUDIT = "export audit"


@dataclass(frozen=True)
class ActionRule:
    """What an action needs. ``permission`` None: any signed-in member of staff."""

    permission: P | None
    audit: A
    head_pin: bool = False
    reason: bool = False
    signed_in: bool = True  # False: may be done with no one signed in (the head's PIN suffices)


def _rule(permission: P | None, audit: A, *, pin: bool = False, reason: bool = False,
          signed_in: bool = True) -> ActionRule:
    return ActionRule(permission, audit, pin, reason, signed_in)


ACTIONS: Mapping[Action, ActionRule] = MappingProxyType({
    Action.POST_NOW: _rule(P.POST, A.POST_TWEET),
    Action.QUEUE: _rule(P.POST, A.QUEUE_TWEET),
    Action.OVERRIDE_PREFLIGHT: _rule(P.POST, A.OVERRIDE_PREFLIGHT, reason=True),
    Action.TAKE_OUT_OF_OUTBOX: _rule(P.POST, A.TAKE_OUT_OF_OUTBOX),
    Action.DELETE_OWN_POST: _rule(P.POST, A.DELETE_TWEET, reason=True),
    Action.SUBMIT: _rule(P.SUBMIT, A.SUBMIT_FOR_APPROVAL),
    Action.APPROVE: _rule(P.APPROVE, A.APPROVE_TWEET),
    Action.REJECT: _rule(P.APPROVE, A.REJECT_TWEET, reason=True),
    Action.WITHDRAW: _rule(P.SUBMIT, A.WITHDRAW_TWEET),
    Action.SCHEDULE: _rule(P.POST, A.SCHEDULE_TWEET),
    Action.PREPARE_PHOTO: _rule(P.SUBMIT, A.PREPARE_PHOTO),
    Action.CONFIRM_PHOTO: _rule(P.SUBMIT, A.CONFIRM_FACES_CHECKED),
    Action.HIDE: _rule(P.MODERATE, A.HIDE_REPLY),
    Action.UNHIDE: _rule(P.MODERATE, A.UNHIDE_REPLY),
    Action.MUTE: _rule(P.MODERATE, A.MUTE_AUTHOR),
    Action.REPORT: _rule(P.MODERATE, A.REPORT_TO_X),
    Action.MARK_REVIEWED: _rule(P.MODERATE, A.MARK_REVIEWED),
    Action.INCIDENT_PACK: _rule(P.MODERATE, A.INCIDENT_PACK),
    Action.GOVERNORS_REPORT: _rule(P.VIEW_AUDIT, A.GOVERNORS_REPORT),
    Action.SYNC_FOLLOWERS: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWERS_SYNCED),
    Action.REVIEW_FOLLOWER: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWER_REVIEWED_OK),
    Action.BLOCK_HANDOFF: _rule(P.MANAGE_FOLLOWERS, A.BLOCK_REQUESTED),
    Action.REQUEST_UNBLOCK: _rule(P.MANAGE_FOLLOWERS, A.UNBLOCK_REQUESTED, pin=True,
                                  reason=True),
    Action.CONFIRM_UNBLOCK: _rule(P.MANAGE_FOLLOWERS, A.UNBLOCK_CONFIRMED),
    Action.ADD_STAFF: _rule(P.MANAGE_STAFF, A.ADD_STAFF, pin=True),
    Action.CHANGE_ROLE: _rule(P.MANAGE_STAFF, A.CHANGE_ROLE, pin=True),
    Action.RESET_PIN: _rule(P.MANAGE_STAFF, A.RESET_PIN, pin=True),
    Action.UNLOCK_PIN: _rule(P.MANAGE_STAFF, A.UNLOCK_PIN, pin=True),
    Action.NEW_RECOVERY_CODE: _rule(P.MANAGE_STAFF, A.NEW_RECOVERY_CODE, pin=True),
    Action.DEACTIVATE: _rule(P.MANAGE_STAFF, A.DEACTIVATE_STAFF, pin=True),
    Action.CHANGE_PERMISSIONS: _rule(P.MANAGE_STAFF, A.CHANGE_PERMISSIONS, pin=True),
    Action.REGISTER_DEVICE: _rule(P.REGISTER_DEVICES, A.REGISTER_DEVICE, pin=True),
    Action.UNREGISTER_DEVICE: _rule(P.REGISTER_DEVICES, A.UNREGISTER_DEVICE, pin=True),
    Action.TRIP_EXCEPTION: _rule(P.REGISTER_DEVICES, A.GRANT_POSTING_EXCEPTION, pin=True,
                                 reason=True),
    Action.CONNECT_X: _rule(P.CHANGE_CREDENTIALS, A.X_ACCOUNT_CONNECTED, pin=True),
    Action.STORE_X_PASSWORD: _rule(P.CHANGE_CREDENTIALS, A.X_PASSWORD_CHANGED, pin=True),
    Action.SHOW_X_PASSWORD: _rule(P.CHANGE_CREDENTIALS, A.X_PASSWORD_SHOWN, pin=True),
    Action.IMPORT_ROSTER: _rule(P.MANAGE_STAFF, A.ROSTER_IMPORTED, pin=True),
    Action.KIOSK_ON: _rule(P.REGISTER_DEVICES, A.KIOSK_ON),
    Action.KIOSK_OFF: _rule(None, A.KIOSK_OFF, pin=True, signed_in=False),
    Action.CLOSE_KIOSK: _rule(None, A.KIOSK_CLOSED, pin=True, signed_in=False),
    Action.POLICY_DATES: _rule(P.MANAGE_STAFF, A.POLICY_DATES_CHANGED),
    Action.POLICY_FILE: _rule(P.MANAGE_STAFF, A.POLICY_FILE_LOADED),
    Action.EXPORT_AUDIT: _rule(P.VIEW_AUDIT, A.EXPORT_AUDIT_LOG),
})


def action_titles(translate: Translator = english) -> dict[Action, str]:
    """What each action is called on the Staff tab and in the help."""
    t = translate
    return {
        Action.POST_NOW: t("Actions", "Post a tweet now"),
        Action.QUEUE: t("Actions", "Put a tweet in the outbox"),
        Action.OVERRIDE_PREFLIGHT: t("Actions", "Post although a pre-flight check failed"),
        Action.TAKE_OUT_OF_OUTBOX: t("Actions", "Take a tweet out of the outbox"),
        Action.DELETE_OWN_POST: t("Actions", "Delete one of the school's posts"),
        Action.SUBMIT: t("Actions", "Submit a tweet for approval"),
        Action.APPROVE: t("Actions", "Approve a tweet"),
        Action.REJECT: t("Actions", "Reject a tweet"),
        Action.WITHDRAW: t("Actions", "Withdraw a submitted tweet"),
        Action.SCHEDULE: t("Actions", "Schedule a tweet"),
        Action.PREPARE_PHOTO: t("Actions", "Prepare a photo"),
        Action.CONFIRM_PHOTO: t("Actions", "Confirm a photo's faces and consent"),
        Action.HIDE: t("Actions", "Hide a reply"),
        Action.UNHIDE: t("Actions", "Unhide a reply"),
        Action.MUTE: t("Actions", "Mute a reply's author"),
        Action.REPORT: t("Actions", "Record a report to X"),
        Action.MARK_REVIEWED: t("Actions", "Mark a reply reviewed"),
        Action.INCIDENT_PACK: t("Actions", "Save an incident pack"),
        Action.GOVERNORS_REPORT: t("Actions", "Make the governors' report"),
        Action.SYNC_FOLLOWERS: t("Actions", "Fetch followers"),
        Action.REVIEW_FOLLOWER: t("Actions", "Review a follower"),
        Action.BLOCK_HANDOFF: t("Actions", "Block a follower (on x.com)"),
        Action.REQUEST_UNBLOCK: t("Actions", "Unblock an account"),
        Action.CONFIRM_UNBLOCK: t("Actions", "Confirm an unblock"),
        Action.ADD_STAFF: t("Actions", "Add a member of staff"),
        Action.CHANGE_ROLE: t("Actions", "Change someone's role"),
        Action.RESET_PIN: t("Actions", "Reset someone's PIN"),
        Action.UNLOCK_PIN: t("Actions", "Unlock someone's PIN"),
        Action.NEW_RECOVERY_CODE: t("Actions", "Issue a new recovery code"),
        Action.DEACTIVATE: t("Actions", "Deactivate a member of staff"),
        Action.CHANGE_PERMISSIONS: t("Actions", "Change what a role may do"),
        Action.REGISTER_DEVICE: t("Actions", "Register this computer"),
        Action.UNREGISTER_DEVICE: t("Actions", "Unregister this computer"),
        Action.TRIP_EXCEPTION: t("Actions", "Allow tweets from a trip"),
        Action.CONNECT_X: t("Actions", "Connect or replace the X account"),
        Action.STORE_X_PASSWORD: t("Actions", "Store the X password"),
        Action.SHOW_X_PASSWORD: t("Actions", "Show the X password"),
        Action.IMPORT_ROSTER: t("Actions", "Import the pupil roster"),
        Action.KIOSK_ON: t("Actions", "Turn kiosk mode on"),
        Action.KIOSK_OFF: t("Actions", "Turn kiosk mode off"),
        Action.CLOSE_KIOSK: t("Actions", "Close the kiosk"),
        Action.POLICY_DATES: t("Actions", "Change the policy's dates"),
        Action.POLICY_FILE: t("Actions", "Load the school's policy file"),
        Action.EXPORT_AUDIT: t("Actions", "Export the audit log"),
    }
