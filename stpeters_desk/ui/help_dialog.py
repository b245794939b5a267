"""Help for the tab in front of you (F1): what it is for and which part of the policy it serves.

Written in the app's own words; the school's policy itself is on the Policy tab.
Tabs are named here by their English names, the keys the window, ``--tab`` and the
tests use; ``tab_title`` gives the title shown in the chosen language. The texts are
marked for Qt's lupdate where they are defined and translated where they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from stpeters_desk.ui.messages import QT_TRANSLATE_NOOP, name_standard_buttons

TAB_TITLES: dict[str, str] = {
    "Compose": QT_TRANSLATE_NOOP("Tabs", "Compose"),
    "Photos": QT_TRANSLATE_NOOP("Tabs", "Photos"),
    "Approvals": QT_TRANSLATE_NOOP("Tabs", "Approvals"),
    "Moderation": QT_TRANSLATE_NOOP("Tabs", "Moderation"),
    "Followers": QT_TRANSLATE_NOOP("Tabs", "Followers"),
    "Staff": QT_TRANSLATE_NOOP("Tabs", "Staff"),
    "Audit": QT_TRANSLATE_NOOP("Tabs", "Audit"),
    "Settings": QT_TRANSLATE_NOOP("Tabs", "Settings"),
    "Policy": QT_TRANSLATE_NOOP("Tabs", "Policy"),
}


def tab_title(key: str) -> str:
    """The title shown on the tab whose English name is ``key``, in the chosen language."""
    return QCoreApplication.translate("Tabs", TAB_TITLES.get(key, key))

TAB_HELP: dict[str, tuple[str, str]] = {
    "Compose": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Write a tweet, see how much of X's 280-character allowance it uses (links always "
            "count as 23, emoji as 2), attach prepared photos and post it, or submit it for "
            "approval or schedule it. Every tweet is saved as you type and checked before it "
            "goes: children's names, photos, links, mentions, places and who can reply."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Roles and responsibilities: a child's name is never shown, and the person tweeting "
            "makes sure a tweet puts no one's safety or wellbeing at risk.")),
    "Photos": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Open photos from the iPads or a camera, crop them for X, cover every face that "
            "should not be seen (covering cannot be undone in the exported photo), describe the "
            "photo for people who use screen readers and confirm that every face was checked and "
            "every child shown has photo consent. Exported photos carry no camera, date or "
            "location details."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Roles and responsibilities: uploaders are responsible for what they share; the "
            "school's consent practice decides which children may appear.")),
    "Approvals": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Tweets from staff whose role does not post directly wait here for the head teacher "
            "or an approver, who can approve, edit then approve, or send them back with a note. "
            "Scheduled tweets wait here for their time; one that missed its time while the app "
            "was closed asks before going out late."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Code of conduct: tweets must not compromise personal or professional reputations, "
            "or the school's.")),
    "Moderation": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Replies and mentions, each checked on this computer and marked 'hide suggested', "
            "'needs review' or 'ok' with the reason. Hide, mute, block (on x.com, then "
            "confirmed), report, delete one of the school's own posts or mark reviewed; every "
            "action asks why and goes into the audit log. Serious cases get an incident pack."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Inappropriate content: offensive or undermining remarks are removed and their "
            "authors blocked and possibly reported.")),
    "Followers": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Everyone following the school, with a 'not school-focused' score and its reasons, "
            "new followers first. Mark them reviewed, trusted or on the watchlist, or block "
            "them; unblocking needs the head-teacher PIN."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Purpose: the head teacher and the e-safety leader monitor followers and block any "
            "that are not school-focused.")),
    "Staff": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Who may use the app, their role and what each role may do. Every change asks for "
            "the head-teacher PIN at the moment it is made."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Roles and responsibilities: the head teacher, teachers and the school secretary may "
            "tweet, and they alone look after the account's password.")),
    "Audit": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Every action in the app: who did it, when, on which computer and why. 'Check the "
            "log is intact' proves no entry was changed or removed; filter it or export it as "
            "CSV for governors."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Policy review: the record the Teaching & Learning committee needs when it reviews "
            "the policy.")),
    "Settings": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "The pupil roster for the name check, who can reply to tweets, registering this "
            "computer (and exceptions for trips and matches), the X account's keys and password, "
            "the staffroom kiosk and the policy review dates. Changes that weaken a safeguard "
            "ask for the head-teacher PIN."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "Code of conduct: tweets only from registered devices, and passwords changed only "
            "with the head teacher's permission.")),
    "Policy": (
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "The school's own Twitter policy, loaded from the school's file, beside a summary of "
            "how the app keeps to it."),
        QT_TRANSLATE_NOOP(
            "HelpDialog",
            "The whole policy.")),
}


def actions_table_html() -> str:
    """The table of guarded actions (``ops.actions``), as the gate reads it, in the chosen
    language: what each needs, so a head teacher can check the app against the policy."""
    from html import escape

    from stpeters_desk.core.roles import permission_title
    from stpeters_desk.ops.actions import ACTIONS, action_titles

    translate = QCoreApplication.translate
    titles = action_titles(translate)
    yes, no = translate("HelpDialog", "Yes"), "—"
    rows = []
    for action, rule in ACTIONS.items():
        needs = permission_title(rule.permission) if rule.permission else (
            translate("HelpDialog", "Anyone signed in") if rule.signed_in
            else translate("HelpDialog", "The head teacher's PIN alone"))
        cells = (titles[action], needs, yes if rule.head_pin else no, yes if rule.reason else no)
        rows.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>")
    head = "".join(f"<th>{escape(title)}</th>" for title in (
        translate("HelpDialog", "Action"), translate("HelpDialog", "The role needs"),
        translate("HelpDialog", "Head-teacher PIN"), translate("HelpDialog", "Reason asked")))
    title = escape(translate("HelpDialog", "What each action needs"))
    return (f"<h4>{title}</h4><table border='1' cellpadding='3'><tr>{head}</tr>"
            f"{''.join(rows)}</table>")


# What the app checks on this computer, and what it leaves to a person (issue 16).
CHECKED_HERE: dict[str, str] = {
    "Moderation": QT_TRANSLATE_NOOP(
        "HelpDialog",
        "Checked on this computer, nothing sent anywhere: the words of every reply (the "
        "school's word lists and a trained model) and its pictures (a photo, or the still of "
        "a video or GIF), by a check for unsuitable images. A picture the check could not "
        "look at, because it is not installed on this computer or failed, is marked "
        "'picture not checked on this computer' and waits for a person. Pictures stay "
        "blurred until someone presses 'Show picture', which goes into the audit log. Not "
        "checked: the rest of a video, sarcasm and in-jokes, and copyright (a reply that "
        "reposts one of the school's photos, or a picture taken from elsewhere): a person "
        "decides, and the 'Copyright infringement' reason records it."),
}


def help_html(tab: str) -> str:
    """The help page for the tab whose English name is ``tab``, in the chosen language."""
    from html import escape

    def tr(text: str) -> str:
        return QCoreApplication.translate("HelpDialog", text)

    title = tab_title(tab)
    what, clause = TAB_HELP.get(tab, ("", ""))
    if not what:
        return "<h3>{tab}</h3><p>{missing}</p>".format(
            tab=title, missing=QCoreApplication.translate(
                "HelpDialog", "No help has been written for this tab yet."))
    return ("<h3>{tab}</h3><p>{what}</p><p><b>{serves}</b> {clause}</p><p>{keys}</p>".format(
        tab=title, what=tr(what), clause=tr(clause),
        serves=QCoreApplication.translate("HelpDialog",
                                          "Which part of the school's policy it serves:"),
        keys=QCoreApplication.translate("HelpDialog",
                                        "Shortcuts: Ctrl+1 to Ctrl+9 open the tabs; "
                                        "F1 shows this help."))
            + (f"<p>{escape(tr(CHECKED_HERE[tab]))}</p>" if tab in CHECKED_HERE else "")
            + (actions_table_html() if tab == "Staff" else ""))


class HelpDialog(QDialog):
    """The help for one tab, named by its English name (the window's tab key)."""

    def __init__(self, tab: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = tab_title(tab)
        self.setWindowTitle(self.tr("Help: {tab}").format(tab=title))
        self.setMinimumSize(520, 360)
        self.text = QTextBrowser()
        self.text.setAccessibleName(self.tr("Help for the {tab} tab").format(tab=title))
        self.text.setHtml(help_html(tab))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        name_standard_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
