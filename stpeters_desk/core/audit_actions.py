"""The audit log's vocabulary: every action name it records, in one enum.

The values are the English words already in schools' audit logs, so old entries and
new ones read the same and the Audit tab can filter on them. Operations and core
services record only these; a test checks nothing else is written.
"""

from __future__ import annotations

from enum import StrEnum


class AuditAction(StrEnum):
    # posting
    POST_TWEET = "post tweet"
    QUEUE_TWEET = "queue tweet"
    OVERRIDE_PREFLIGHT = "override pre-flight block"
    TAKE_OUT_OF_OUTBOX = "take tweet out of outbox"
    DELETE_TWEET = "delete tweet"
    # approvals
    SUBMIT_FOR_APPROVAL = "save draft for approval"
    RESUBMIT_FOR_APPROVAL = "resubmit tweet for approval"
    APPROVE_TWEET = "approve tweet"
    EDIT_BEFORE_APPROVING = "edit tweet before approving"
    REJECT_TWEET = "reject tweet"
    WITHDRAW_TWEET = "withdraw tweet"
    SCHEDULE_TWEET = "schedule tweet"
    CHANGE_TWEET_TIME = "change tweet's time"
    # photos
    PREPARE_PHOTO = "prepare photo"
    PREPARE_PHOTO_AGAIN = "prepare photo again"
    DESCRIBE_PHOTO = "describe photo"
    CONFIRM_FACES_CHECKED = "confirm every face checked"
    CONFIRM_PHOTO_CONSENT = "confirm photo consent"
    PHOTO_USED = "photo used in a post"
    REMOVE_PHOTO = "remove prepared photo"
    # replies
    HIDE_REPLY = "hide reply"
    UNHIDE_REPLY = "unhide reply"
    MUTE_AUTHOR = "mute author"
    MARK_REVIEWED = "mark reply reviewed"
    REPORT_TO_X = "reported to X"
    DELETE_OWN_POST = "delete own post"
    INCIDENT_PACK = "incident pack saved"
    GOVERNORS_REPORT = "governors report made"
    # followers
    FOLLOWERS_SYNCED = "followers synced"
    FOLLOWER_REVIEWED_OK = "follower reviewed ok"
    BLOCK_REQUESTED = "block requested"
    BLOCK_CONFIRMED = "block confirmed"
    UNBLOCK_REQUESTED = "unblock requested"
    UNBLOCK_CONFIRMED = "unblock confirmed"
    FOLLOWER_REVIEW_FINISHED = "follower review finished"
    # staff and sign-in
    SET_UP_HEAD = "set up head teacher"
    SIGN_IN = "sign in"
    FAILED_SIGN_IN = "failed sign-in"
    FAILED_PIN_CHANGE = "failed PIN change"
    FAILED_HEAD_PIN = "failed head-teacher PIN"
    PIN_LOCKED = "PIN locked"
    LOCK = "lock"
    ADD_STAFF = "add staff"
    CHANGE_ROLE = "change role"
    DEACTIVATE_STAFF = "deactivate staff"
    REACTIVATE_STAFF = "reactivate staff"
    MAKE_APPROVER = "make approver"
    REMOVE_APPROVER = "remove approver"
    CHANGE_PERMISSIONS = "change permissions"
    RESET_PIN = "reset PIN"
    UNLOCK_PIN = "unlock PIN"
    CHANGE_OWN_PIN = "change own PIN"
    NEW_RECOVERY_CODE = "new recovery code"
    FAILED_RECOVERY_CODE = "failed recovery code"
    RECOVER_HEAD_PIN = "reset head PIN with recovery code"
    # this computer and the account
    REGISTER_DEVICE = "register device"
    UNREGISTER_DEVICE = "unregister device"
    GRANT_POSTING_EXCEPTION = "grant posting exception"
    END_POSTING_EXCEPTION = "end posting exception"
    X_ACCOUNT_CONNECTED = "X account connected"
    X_PASSWORD_CHANGED = "X password changed"
    X_PASSWORD_SHOWN = "X password shown"
    ROSTER_IMPORTED = "pupil roster imported"
    KIOSK_ON = "kiosk mode on"
    KIOSK_OFF = "kiosk mode off"
    KIOSK_CLOSED = "kiosk closed"
    KIOSK_IDLE_MINUTES_CHANGED = "kiosk idle minutes changed"
    REPLY_SETTING_CHANGED = "reply setting changed"
    THEME_CHANGED = "theme changed"
    LANGUAGE_CHANGED = "language changed"
    POLICY_DATES_CHANGED = "policy review dates changed"
    POLICY_FILE_LOADED = "policy file loaded"
    EXPORT_AUDIT_LOG = "export audit log"
