"""Every guarded action in one table a head teacher could read.

For each action: the permission a role needs, whether the head-teacher PIN is
asked, whether a reason must be given, and the name the audit log records. The
``Gate`` reads only this table; the Staff tab and the help show it; a table-driven
test runs every action for every role, with and without the PIN.

An action missing from the table is refused (fail closed).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from stpeters_desk.core.audit_actions import AuditAction as A
from stpeters_desk.core.roles import Permission as P
from stpeters_desk.i18n import Translator, english


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
    BLOCK_REPLY_AUTHOR = "block reply author"
    DELETE_ANSWERED_POST = "delete answered post"
    INCIDENT_PACK = "incident pack"
    SHOW_REPLY_PICTURE = "show reply picture"
    FORGET_REPLY = "forget reply"
    GOVERNORS_REPORT = "governors report"
    # followers
    SYNC_FOLLOWERS = "sync followers"
    REVIEW_FOLLOWER = "review follower"
    WATCHLIST_ON = "watchlist on"
    WATCHLIST_OFF = "watchlist off"
    TRUST_FOLLOWER = "trust follower"
    STOP_TRUSTING = "stop trusting"
    FINISH_FOLLOWER_REVIEW = "finish follower review"
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
    ENROL_COMPUTER = "enrol computer"
    REMOVE_COMPUTER = "remove computer"
    CONNECT_X = "connect X"
    STORE_X_PASSWORD = "store X password"
    SHOW_X_PASSWORD = "show X password"
    SET_READ_CAP = "set monthly read limit"
    IMPORT_ROSTER = "import roster"
    KIOSK_ON = "kiosk on"
    KIOSK_OFF = "kiosk off"
    CLOSE_KIOSK = "close kiosk"
    POLICY_DATES = "policy dates"
    VIEW_AUDIT = "view audit"
    POLICY_FILE = "policy file"
    EXPORT_AUDIT = "export audit"


class ActionRule(NamedTuple):
    """What an action needs. ``permission`` None: any signed-in member of staff.
    ``audit`` None: the action only reads, and is not recorded."""

    permission: P | None
    audit: A | None
    head_pin: bool = False
    reason: bool = False
    signed_in: bool = True  # False: may be done with no one signed in (the head's PIN suffices)


def _rule(permission: P | None, audit: A | None, *, pin: bool = False, reason: bool = False,
          signed_in: bool = True) -> ActionRule:
    return ActionRule(permission, audit, pin, reason, signed_in)


ACTIONS: Mapping[Action, ActionRule] = MappingProxyType({
    Action.POST_NOW: _rule(P.POST, A.POST_TWEET),
    Action.QUEUE: _rule(P.POST, A.QUEUE_TWEET),
    Action.OVERRIDE_PREFLIGHT: _rule(P.APPROVE, A.OVERRIDE_PREFLIGHT, reason=True),
    Action.TAKE_OUT_OF_OUTBOX: _rule(P.POST, A.TAKE_OUT_OF_OUTBOX),
    Action.DELETE_OWN_POST: _rule(P.POST, A.DELETE_TWEET, reason=True),
    Action.SUBMIT: _rule(P.SUBMIT, A.SUBMIT_FOR_APPROVAL),
    Action.APPROVE: _rule(P.APPROVE, A.APPROVE_TWEET),
    Action.REJECT: _rule(P.APPROVE, A.REJECT_TWEET, reason=True),
    Action.WITHDRAW: _rule(P.SUBMIT, A.WITHDRAW_TWEET),
    Action.SCHEDULE: _rule(P.POST, A.SCHEDULE_TWEET),
    Action.PREPARE_PHOTO: _rule(P.SUBMIT, A.PREPARE_PHOTO),
    Action.CONFIRM_PHOTO: _rule(P.SUBMIT, A.CONFIRM_FACES_CHECKED),
    # Every decision about a reply or a follower says why: the governors read it.
    Action.HIDE: _rule(P.MODERATE, A.HIDE_REPLY, reason=True),
    Action.UNHIDE: _rule(P.MODERATE, A.UNHIDE_REPLY, reason=True),
    Action.MUTE: _rule(P.MODERATE, A.MUTE_AUTHOR, reason=True),
    Action.REPORT: _rule(P.MODERATE, A.REPORT_TO_X, reason=True),
    Action.MARK_REVIEWED: _rule(P.MODERATE, A.MARK_REVIEWED, reason=True),
    Action.BLOCK_REPLY_AUTHOR: _rule(P.MODERATE, A.BLOCK_REQUESTED, reason=True),
    Action.DELETE_ANSWERED_POST: _rule(P.MODERATE, A.DELETE_OWN_POST, reason=True),
    Action.INCIDENT_PACK: _rule(P.MODERATE, A.INCIDENT_PACK),
    # A picture that may be unsuitable is seen only by someone who chose to: who, and when.
    Action.SHOW_REPLY_PICTURE: _rule(P.MODERATE, A.SHOW_REPLY_PICTURE),
    Action.FORGET_REPLY: _rule(P.MODERATE, A.FORGET_REPLY, reason=True),
    Action.GOVERNORS_REPORT: _rule(P.VIEW_AUDIT, A.GOVERNORS_REPORT),
    Action.SYNC_FOLLOWERS: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWERS_SYNCED),
    Action.REVIEW_FOLLOWER: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWER_REVIEWED_OK, reason=True),
    Action.WATCHLIST_ON: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWER_WATCHLIST_ON, reason=True),
    Action.WATCHLIST_OFF: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWER_WATCHLIST_OFF, reason=True),
    Action.TRUST_FOLLOWER: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWER_TRUSTED_ON, reason=True),
    Action.STOP_TRUSTING: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWER_TRUSTED_OFF, reason=True),
    Action.FINISH_FOLLOWER_REVIEW: _rule(P.MANAGE_FOLLOWERS, A.FOLLOWER_REVIEW_FINISHED),
    Action.BLOCK_HANDOFF: _rule(P.MANAGE_FOLLOWERS, A.BLOCK_REQUESTED, reason=True),
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
    Action.ENROL_COMPUTER: _rule(P.REGISTER_DEVICES, A.ENROLMENT_CODE_MADE, pin=True),
    Action.REMOVE_COMPUTER: _rule(P.REGISTER_DEVICES, A.COMPUTER_REMOVED, pin=True),
    Action.CONNECT_X: _rule(P.CHANGE_CREDENTIALS, A.X_ACCOUNT_CONNECTED, pin=True),
    Action.STORE_X_PASSWORD: _rule(P.CHANGE_CREDENTIALS, A.X_PASSWORD_CHANGED, pin=True),
    Action.SHOW_X_PASSWORD: _rule(P.CHANGE_CREDENTIALS, A.X_PASSWORD_SHOWN, pin=True),
    Action.SET_READ_CAP: _rule(P.CHANGE_CREDENTIALS, A.X_READ_CAP_CHANGED, pin=True),
    Action.IMPORT_ROSTER: _rule(P.MANAGE_STAFF, A.ROSTER_IMPORTED, pin=True),
    Action.KIOSK_ON: _rule(P.REGISTER_DEVICES, A.KIOSK_ON),
    Action.KIOSK_OFF: _rule(None, A.KIOSK_OFF, pin=True, signed_in=False),
    Action.CLOSE_KIOSK: _rule(None, A.KIOSK_CLOSED, pin=True, signed_in=False),
    Action.POLICY_DATES: _rule(P.MANAGE_STAFF, A.POLICY_DATES_CHANGED),
    Action.VIEW_AUDIT: _rule(P.VIEW_AUDIT, None),
    Action.POLICY_FILE: _rule(P.MANAGE_STAFF, A.POLICY_FILE_LOADED),
    Action.EXPORT_AUDIT: _rule(P.VIEW_AUDIT, A.EXPORT_AUDIT_LOG),
})


def action_titles(translate: Translator = english) -> dict[Action, str]:
    """What each action is called on the Staff tab and in the help."""
    return {
        Action.POST_NOW: translate("Actions", "Post a tweet now"),
        Action.QUEUE: translate("Actions", "Put a tweet in the outbox"),
        Action.OVERRIDE_PREFLIGHT: translate("Actions", "Post although a pre-flight check failed"),
        Action.TAKE_OUT_OF_OUTBOX: translate("Actions", "Take a tweet out of the outbox"),
        Action.DELETE_OWN_POST: translate("Actions", "Delete one of the school's posts"),
        Action.SUBMIT: translate("Actions", "Submit a tweet for approval"),
        Action.APPROVE: translate("Actions", "Approve a tweet"),
        Action.REJECT: translate("Actions", "Reject a tweet"),
        Action.WITHDRAW: translate("Actions", "Withdraw a submitted tweet"),
        Action.SCHEDULE: translate("Actions", "Schedule a tweet"),
        Action.PREPARE_PHOTO: translate("Actions", "Prepare a photo"),
        Action.CONFIRM_PHOTO: translate("Actions", "Confirm a photo's faces and consent"),
        Action.HIDE: translate("Actions", "Hide a reply"),
        Action.UNHIDE: translate("Actions", "Unhide a reply"),
        Action.MUTE: translate("Actions", "Mute a reply's author"),
        Action.REPORT: translate("Actions", "Record a report to X"),
        Action.MARK_REVIEWED: translate("Actions", "Mark a reply reviewed"),
        Action.BLOCK_REPLY_AUTHOR: translate("Actions", "Block a reply's author (on x.com)"),
        Action.DELETE_ANSWERED_POST: translate("Actions",
                                               "Delete the school's post a reply answered"),
        Action.INCIDENT_PACK: translate("Actions", "Save an incident pack"),
        Action.SHOW_REPLY_PICTURE: translate("Actions", "Show a reply's blurred picture"),
        Action.FORGET_REPLY: translate("Actions", "Forget a reply and its pictures"),
        Action.GOVERNORS_REPORT: translate("Actions", "Make the governors' report"),
        Action.SYNC_FOLLOWERS: translate("Actions", "Fetch followers"),
        Action.REVIEW_FOLLOWER: translate("Actions", "Review a follower"),
        Action.WATCHLIST_ON: translate("Actions", "Put a follower on the watchlist"),
        Action.WATCHLIST_OFF: translate("Actions", "Take a follower off the watchlist"),
        Action.TRUST_FOLLOWER: translate("Actions", "Mark a follower trusted"),
        Action.STOP_TRUSTING: translate("Actions", "Stop trusting a follower"),
        Action.FINISH_FOLLOWER_REVIEW: translate("Actions", "Finish the follower review"),
        Action.BLOCK_HANDOFF: translate("Actions", "Block a follower (on x.com)"),
        Action.REQUEST_UNBLOCK: translate("Actions", "Unblock an account"),
        Action.CONFIRM_UNBLOCK: translate("Actions", "Confirm an unblock"),
        Action.ADD_STAFF: translate("Actions", "Add a member of staff"),
        Action.CHANGE_ROLE: translate("Actions", "Change someone's role"),
        Action.RESET_PIN: translate("Actions", "Reset someone's PIN"),
        Action.UNLOCK_PIN: translate("Actions", "Unlock someone's PIN"),
        Action.NEW_RECOVERY_CODE: translate("Actions", "Issue a new recovery code"),
        Action.DEACTIVATE: translate("Actions", "Deactivate a member of staff"),
        Action.CHANGE_PERMISSIONS: translate("Actions", "Change what a role may do"),
        Action.REGISTER_DEVICE: translate("Actions", "Register this computer"),
        Action.UNREGISTER_DEVICE: translate("Actions", "Unregister this computer"),
        Action.TRIP_EXCEPTION: translate("Actions", "Allow tweets from a trip"),
        Action.ENROL_COMPUTER: translate("Actions", "Make a code for a new school computer"),
        Action.REMOVE_COMPUTER: translate("Actions", "Remove a computer from the school"),
        Action.CONNECT_X: translate("Actions", "Connect or replace the X account"),
        Action.STORE_X_PASSWORD: translate("Actions", "Store the X password"),
        Action.SHOW_X_PASSWORD: translate("Actions", "Show the X password"),
        Action.SET_READ_CAP: translate("Actions", "Set the monthly limit on reads from X"),
        Action.IMPORT_ROSTER: translate("Actions", "Import the pupil roster"),
        Action.KIOSK_ON: translate("Actions", "Turn kiosk mode on"),
        Action.KIOSK_OFF: translate("Actions", "Turn kiosk mode off"),
        Action.CLOSE_KIOSK: translate("Actions", "Close the kiosk"),
        Action.POLICY_DATES: translate("Actions", "Change the policy's dates"),
        Action.VIEW_AUDIT: translate("Actions", "Read the audit log"),
        Action.POLICY_FILE: translate("Actions", "Load the school's policy file"),
        Action.EXPORT_AUDIT: translate("Actions", "Export the audit log"),
    }
