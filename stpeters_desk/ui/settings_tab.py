"""The Settings tab: this computer, the X account, kiosk behaviour, the policy review,
and how the app looks (light, dark, high contrast) and which language it speaks.

One section at a time, chosen from a list; each section says what came of its own
buttons on its own message line, under them. A person sees only the sections they may
change (the table of actions in ``ops.actions`` and the settings registry say who may),
and one line says where to ask for the rest.

Everything here that could weaken the school's safeguards (registering a
computer, allowing posts from an unregistered one, connecting or replacing
the X account, turning kiosk mode off) asks for the head-teacher PIN at the
moment it is done. The look and the language weaken nothing, so they change
without a PIN, but like every other setting the change goes into the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.dates import shown_day, shown_moment
from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.policy_review import review_status
from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.roles import Permission
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import (
    KIOSK_IDLE_MINUTES,
    KIOSK_MODE,
    LANGUAGE,
    MAX_IDLE_MINUTES,
    MAX_READ_CAP,
    MIN_IDLE_MINUTES,
    REPLY_SETTING,
    THEME,
    Setting,
)
from stpeters_desk.ops.actions import ACTIONS, Action
from stpeters_desk.ops.computers import x_keys_retired
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.school import (
    SchoolOperations,
    validate_policy_dates,
    validate_trip_exception,
    validate_x_password,
)
from stpeters_desk.ops.session import Session
from stpeters_desk.ops.settings import read_setting
from stpeters_desk.ops.staff import StaffOperations, validate_new_pin_choice
from stpeters_desk.ops.x_usage import validate_read_cap, x_usage_ops
from stpeters_desk.ui.messages import QT_TRANSLATE_NOOP
from stpeters_desk.ui.pin_pad import MAX_PIN_LENGTH
from stpeters_desk.ui.school_computers import SchoolComputersGroup, shared_database
from stpeters_desk.ui.security_dialogs import (
    GuardedFormDialog,
    HeadPinAsker,
    hidden_field,
    new_pin_fields,
    refusal_text,
    run_guarded,
    run_guarded_change,
)
from stpeters_desk.ui.styling import DATE_FORMAT, DATE_TIME_FORMAT, THEMES, show_theme
from stpeters_desk.ui.tasks import TaskRunner
from stpeters_desk.ui.translations import DEFAULT_LANGUAGE, LANGUAGES, translation_file

T = TypeVar("T")
REVEAL_SECONDS = 30
# The sections in the order listed: key, and the name shown (translated where shown).
SECTIONS = (
    ("computer", QT_TRANSLATE_NOOP("SettingsTab", "This computer")),
    ("computers", QT_TRANSLATE_NOOP("SettingsTab", "School computers")),
    ("account", QT_TRANSLATE_NOOP("SettingsTab", "The X account")),
    ("roster", QT_TRANSLATE_NOOP("SettingsTab", "Pupil roster")),
    ("replies", QT_TRANSLATE_NOOP("SettingsTab", "Replies to tweets")),
    ("kiosk", QT_TRANSLATE_NOOP("SettingsTab", "Kiosk")),
    ("policy", QT_TRANSLATE_NOOP("SettingsTab", "Policy review")),
    ("pin", QT_TRANSLATE_NOOP("SettingsTab", "Your PIN")),
    ("appearance", QT_TRANSLATE_NOOP("SettingsTab", "Appearance")),
)
NOT_SET = QDate(2006, 1, 1)  # the adoption date's "not set yet" (before any school tweeted)
# The stored value, and the words shown (translated where shown: tr() cannot run at import).
REPLY_CHOICES = (
    ("mentionedUsers",
     QT_TRANSLATE_NOOP("SettingsTab", "Only accounts the school mentions (recommended)")),
    ("following",
     QT_TRANSLATE_NOOP("SettingsTab", "Only accounts the school follows: nobody, replies off")),
    ("everyone", QT_TRANSLATE_NOOP("SettingsTab", "Everyone")),
)
THEME_CHOICES = {
    "system": QT_TRANSLATE_NOOP("SettingsTab", "Same as this computer (light or dark)"),
    "light": QT_TRANSLATE_NOOP("SettingsTab", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsTab", "Dark"),
    "high-contrast": QT_TRANSLATE_NOOP("SettingsTab", "High contrast (white on black)"),
}


def _moment(edit: QDateTimeEdit) -> datetime:
    moment = edit.dateTime().toPython()
    assert isinstance(moment, datetime)
    return moment.astimezone()


def _day(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


class ExceptionDialog(GuardedFormDialog):
    """A time-boxed permission to post from an unregistered computer (a trip, a match).

    Stays open until the exception is granted: a refusal is shown in it, with the times
    and the reason still there.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Allow posting from this computer for an event"))
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now)
        self.start.setDisplayFormat(DATE_TIME_FORMAT)
        self.start.setCalendarPopup(True)
        self.start.setAccessibleName(self.tr("From"))
        self.start.setToolTip(self.tr("When tweets from this computer may start"))
        self.end = QDateTimeEdit(now.addSecs(8 * 3600))
        self.end.setDisplayFormat(DATE_TIME_FORMAT)
        self.end.setCalendarPopup(True)
        self.end.setAccessibleName(self.tr("Until"))
        self.end.setToolTip(self.tr("After this moment the computer may no longer post"))
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. Year 6 residential trip"))
        self.reason.setToolTip(self.tr("Why this computer needs to post; recorded in the "
                                       "audit log"))
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("Until"), self.end)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.message)
        allow = self.ok_button
        allow.setText(self.tr("Allow posting"))
        allow.setToolTip(self.tr("Asks for the head teacher's PIN, then lets this computer "
                                 "post between these times"))
        allow.setProperty("primary", True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def window_times(self) -> tuple[datetime, datetime]:
        return _moment(self.start), _moment(self.end)


class SettingsTab(QWidget):
    def __init__(self, services: DeskServices, tasks: TaskRunner, ask_head_pin: HeadPinAsker,
                 connect_x: Callable[[], None], parent: QWidget | None = None,
                 roster_changed: Callable[[], None] = lambda: None) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsTab")
        self._services = services
        self._tasks = tasks
        self._ask_head_pin = ask_head_pin
        self._roster_changed = roster_changed
        self._operations = SchoolOperations(services)
        self._x_usage = x_usage_ops(services)
        self._allowed = self._permissions()
        self.messages: dict[str, QLabel] = {}
        self._last_message = ""
        self.sections = QListWidget()
        self.sections.setObjectName("SettingsSections")
        self.sections.setAccessibleName(self.tr("Settings sections"))
        self.sections.setToolTip(self.tr("Choose what to change"))
        self.pages = QStackedWidget()
        self._keys: list[str] = []
        groups = {"computer": self._device_group, "computers": self._computers_group,
                  "account": lambda: self._account_group(
            connect_x), "roster": self._roster_group, "replies": self._posting_group,
                  "kiosk": self._kiosk_group, "policy": self._policy_group,
                  "pin": self._own_pin_group, "appearance": self._appearance_group}
        for key, name in SECTIONS:
            self._add_section(key, QCoreApplication.translate("SettingsTab", name),
                              groups[key]())
        self.sections.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.ask_note = QLabel(self.tr("Only the settings you may change are shown. For the "
                                       "others, ask the head teacher."))
        self.ask_note.setObjectName("TabMessage")
        self.ask_note.setWordWrap(True)
        column = QVBoxLayout()
        column.addWidget(self.sections, 1)
        column.addWidget(self.ask_note)
        side = QWidget()
        side.setLayout(column)
        side.setMaximumWidth(260)
        outer = QHBoxLayout(self)
        outer.addWidget(side)
        outer.addWidget(self.pages, 1)
        self._show_allowed_sections()
        self.reload()

    # -- the sections and who sees them ---------------------------------------------------
    def _add_section(self, key: str, name: str, group: QGroupBox) -> None:
        """A page with the section's controls and, under them, its own message line."""
        message = QLabel()
        message.setObjectName("SectionMessage")
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = group.layout()
        assert layout is not None
        layout.addWidget(message)
        self.messages[key] = message
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(group)
        page_layout.addStretch(1)
        scroll = QScrollArea()  # only for very large text: a section fits 1180x760
        scroll.setObjectName("SettingsPage")
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        self.pages.addWidget(scroll)
        item = QListWidgetItem(name)
        # Rows tall enough to find and to touch (the kiosk's fingers as well).
        item.setSizeHint(QSize(0, max(44, self.sections.fontMetrics().height() * 2)))
        self.sections.addItem(item)
        self._keys.append(key)

    def _permissions(self) -> frozenset[Permission] | None:
        """What the person signed in may do; None in a practice set-up (no staff accounts:
        everything is shown, and the operations refuse what needs a head teacher)."""
        staff, member = self._services.staff, self._services.member
        if staff is None:
            return None
        if member is None:
            return frozenset()
        if staff.member(member.staff_id) is None:  # --screenshot draws a role, not a person
            return staff.role_permissions()[member.role]
        return staff.permissions(member)

    def _may(self, permission: Permission | None) -> bool:
        return permission is None or self._allowed is None or permission in self._allowed

    def _may_do(self, action: Action) -> bool:
        return self._may(ACTIONS[action].permission)

    def _section_allowed(self, key: str) -> bool:
        services = self._services
        if key == "computer":
            return self._may_do(Action.REGISTER_DEVICE) or self._exception_running()
        if key == "computers":  # only a school whose computers share a server
            return shared_database(services) and self._may_do(Action.ENROL_COMPUTER)
        if key == "account":
            return self._may_do(Action.CONNECT_X)
        if key == "roster":
            return self._may_do(Action.IMPORT_ROSTER)
        if key == "replies":
            return self._may(REPLY_SETTING.changed_by)
        if key == "kiosk":
            return self._may_do(Action.KIOSK_ON)
        if key == "policy":
            return self._may_do(Action.POLICY_DATES)
        if key == "pin":
            return services.staff is not None and services.member is not None
        return self._may(THEME.changed_by)

    def _exception_running(self) -> bool:
        """This computer may post for an event now: anyone signed in may end that."""
        devices, device = self._services.devices, self._services.device
        return (devices is not None and device is not None and self._services.member is not None
                and devices.active_exception(device, datetime.now().astimezone()) is not None)

    def _show_allowed_sections(self) -> None:
        hidden = False  # a section this person may not change (not "Your PIN" in practice)
        for row, key in enumerate(self._keys):
            allowed = self._section_allowed(key)
            hidden = hidden or (not allowed and key not in ("pin", "computers"))
            item = self.sections.item(row)
            if item is not None:
                item.setHidden(not allowed)
        self.ask_note.setVisible(hidden)
        current = self.sections.currentRow()
        if current < 0 or self.sections.item(current).isHidden():
            shown = [r for r in range(len(self._keys)) if not self.sections.item(r).isHidden()]
            if shown:
                self.sections.setCurrentRow(shown[0])

    def visible_sections(self) -> list[str]:
        """The sections this person is shown, in order (their keys, as in ``SECTIONS``)."""
        return [key for row, key in enumerate(self._keys)
                if not self.sections.item(row).isHidden()]

    def show_section(self, key: str) -> bool:
        """Open a section by its key (e.g. "policy" for the banner's link); False when this
        person is not shown it."""
        if key not in self.visible_sections():
            return False
        self.sections.setCurrentRow(self._keys.index(key))
        if key == "policy":
            self.adopted.setFocus()
        return True

    def current_section(self) -> str:
        row = self.sections.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    # -- messages: each under the buttons of its own section -------------------------------
    def _say(self, key: str, text: str) -> None:
        for other, label in self.messages.items():  # an answer from another section is old
            if other != key:
                label.clear()
        self.messages[key].setText(text)
        self._last_message = key

    def _saying(self, key: str) -> Callable[[str], None]:
        return lambda text: self._say(key, text)

    def _show_in(self, key: str) -> Callable[[str], None]:
        """Say it in the section, then show the settings afresh."""
        def show(text: str) -> None:
            self._say(key, text)
            self.reload()
        return show

    @property
    def message(self) -> QLabel:
        """The message line last written to (the section whose button was used last)."""
        return self.messages[self._last_message or self._keys[0]]

    # -- sections ------------------------------------------------------------------
    def _own_pin_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your PIN"))
        self.current_pin = hidden_field(self.tr("Your current PIN"), MAX_PIN_LENGTH)
        self.current_pin.setToolTip(self.tr("The PIN you signed in with"))
        self.new_pin, self.new_pin_again = new_pin_fields(
            self.tr("Your new PIN"), self.tr("Your new PIN again"), MAX_PIN_LENGTH)
        self.change_pin_button = QPushButton(self.tr("Change my PIN"))
        self.change_pin_button.setToolTip(self.tr("Your new PIN works at once; "
                                                  "the change is recorded in the audit log"))
        self.change_pin_button.clicked.connect(self.change_own_pin)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Current PIN"), self.current_pin)
        form.addRow(self.tr("New PIN"), self.new_pin)
        form.addRow(self.tr("New PIN again"), self.new_pin_again)
        form.addRow(self.change_pin_button)
        return box

    def change_own_pin(self) -> None:
        """Checked first; the fields are cleared only once the new PIN is kept."""
        current, new, again = (self.current_pin.text(), self.new_pin.text(),
                               self.new_pin_again.text())
        try:
            validate_new_pin_choice(new, again)
        except Refused as problem:
            self._say("pin", problem.message)
            return
        operations, session = StaffOperations(self._services), self._session()

        def changed(_result: object) -> None:
            for field in (self.current_pin, self.new_pin, self.new_pin_again):
                field.clear()
            self._say("pin", self.tr("Your PIN is changed. Use the new one from now on."))

        self._tasks.run(lambda: operations.change_own_pin(session, current, new, again),
                        changed, lambda error: self._say("pin", refusal_text(error)))

    def _roster_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pupil roster (for the child-name check)"))
        self.roster_label = QLabel()
        self.roster_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import the roster from a CSV file…"))
        self.import_button.setToolTip(self.tr("An export of pupils' names from the school's MIS "
                                              "(Arbor, SIMS, Bromcom…): forename, surname, "
                                              "class. You see a preview before anything "
                                              "changes."))
        self.import_button.clicked.connect(self.choose_roster)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.roster_label)
        layout.addLayout(row)
        return box

    def _posting_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who can reply to the school's tweets"))
        self.reply_box = QComboBox()
        self.reply_box.setAccessibleName(self.tr("Who can reply to the school's tweets"))
        self.reply_box.setToolTip(self.tr("Used for every tweet posted from now on; tweets "
                                          "already on X keep the setting they were posted with"))
        for value, label in REPLY_CHOICES:
            self.reply_box.addItem(QCoreApplication.translate("SettingsTab", label), value)
        self.reply_box.currentIndexChanged.connect(self.set_reply_settings)
        note = QLabel(self.tr("The account follows no one, so “accounts the school mentions” "
                              "keeps replies to the people a tweet names, and “accounts the "
                              "school follows” turns replies off."))
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.reply_box)
        layout.addWidget(note)
        return box

    def set_reply_settings(self) -> None:
        self._change_setting("replies", REPLY_SETTING, str(self.reply_box.currentData()),
                             self.tr("New tweets will use this reply setting."))

    def _device_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("This computer"))
        self.device_label = QLabel()
        self.device_label.setWordWrap(True)
        self.register_button = QPushButton(self.tr("Register this computer…"))
        self.register_button.setToolTip(self.tr("Tweets may only be sent from computers the "
                                                "head registers; needs the head teacher's PIN"))
        self.register_button.clicked.connect(self.register_device)
        self.unregister_button = QPushButton(self.tr("Remove registration…"))
        self.unregister_button.setToolTip(self.tr("Tweets can no longer be sent from this "
                                                  "computer until the head registers it again; "
                                                  "needs the head teacher's PIN"))
        self.unregister_button.clicked.connect(self.unregister_device)
        self.exception_button = QPushButton(self.tr("Allow posting here for an event…"))
        self.exception_button.setToolTip(self.tr(
            "For school trips and sports events: a time-limited permission, with a reason"))
        self.exception_button.clicked.connect(self.grant_exception)
        self.end_exception_button = QPushButton(self.tr("End the event's permission now"))
        self.end_exception_button.setToolTip(self.tr(
            "Back from the trip: this computer may no longer post from now on"))
        self.end_exception_button.clicked.connect(self.end_exception)
        row = QHBoxLayout()
        row.addWidget(self.register_button)
        row.addWidget(self.unregister_button)
        row.addWidget(self.exception_button)
        row.addWidget(self.end_exception_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.device_label)
        layout.addLayout(row)
        return box

    def _computers_group(self) -> QGroupBox:
        self.school_computers = SchoolComputersGroup(
            self._services, self._tasks, self._ask_head_pin,
            lambda text: self._say("computers", text))
        return self.school_computers

    def _account_group(self, connect_x: Callable[[], None]) -> QGroupBox:
        box = QGroupBox(self.tr("The school's X account"))
        self.account_label = QLabel()
        self.account_label.setWordWrap(True)
        self.connect_button = QPushButton(self.tr("Connect or replace the X account…"))
        self.connect_button.setToolTip(self.tr("Link the school's X account to this app, or "
                                               "swap it for another; needs the head "
                                               "teacher's PIN"))
        self.connect_button.clicked.connect(connect_x)
        self.password_field = hidden_field(self.tr("The X account's password"))
        self.password_field.setPlaceholderText(self.tr("The X account's password"))
        self.password_field.setToolTip(self.tr("Type the password here, then press “Store "
                                               "the password…”; it is never shown as you type"))
        self.store_password_button = QPushButton(self.tr("Store the password…"))
        self.store_password_button.setToolTip(self.tr(
            "Keep the X account's password in this computer's secure password store; "
            "the policy says it changes only with the head teacher's permission"))
        self.store_password_button.clicked.connect(self.store_password)
        self.reveal_password_button = QPushButton(self.tr("Show the stored password…"))
        self.reveal_password_button.setToolTip(self.tr(
            "Shows the stored password for {seconds} seconds; needs the head teacher's PIN "
            "and is recorded in the audit log").format(seconds=REVEAL_SECONDS))
        self.reveal_password_button.clicked.connect(self.reveal_password)
        self.revealed = QLabel()
        self.revealed.setObjectName("RevealedPassword")
        self.revealed.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(REVEAL_SECONDS * 1000)
        self._hide_timer.timeout.connect(self.revealed.clear)
        layout = QVBoxLayout(box)
        layout.addWidget(self.account_label)
        row = QHBoxLayout()
        row.addWidget(self.connect_button)
        row.addStretch(1)
        layout.addLayout(row)
        password_row = QHBoxLayout()
        password_row.addWidget(self.password_field, 1)
        password_row.addWidget(self.store_password_button)
        password_row.addWidget(self.reveal_password_button)
        layout.addLayout(password_row)
        layout.addWidget(self.revealed)
        layout.addWidget(self._reads_row())
        return box

    def _reads_row(self) -> QWidget:
        """What this month's reads from X cost, and the head's monthly limit on them."""
        row = QWidget()
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.reads_label = QLabel()
        self.reads_label.setObjectName("XReads")
        self.reads_label.setWordWrap(True)
        self.read_cap_spin = QSpinBox()
        self.read_cap_spin.setRange(0, MAX_READ_CAP)
        self.read_cap_spin.setSingleStep(1000)
        self.read_cap_spin.setGroupSeparatorShown(True)
        self.read_cap_spin.setSpecialValueText(self.tr("No limit"))
        self.read_cap_spin.setAccessibleName(self.tr("Monthly limit on reads from X"))
        self.read_cap_spin.setToolTip(self.tr(
            "Posts and accounts the app may read from X in a month, for all the school's "
            "computers; at the limit replies and followers are not fetched until the 1st, "
            "and posting goes on. 0: no limit"))
        self.read_cap_button = QPushButton(self.tr("Set the monthly limit…"))
        self.read_cap_button.setToolTip(self.tr("Needs the head teacher's PIN; recorded in "
                                                "the audit log"))
        self.read_cap_button.clicked.connect(self.set_read_cap)
        limit = QHBoxLayout()
        label = QLabel(self.tr("Monthly limit on reads:"))
        label.setBuddy(self.read_cap_spin)
        limit.addWidget(label)
        limit.addWidget(self.read_cap_spin)
        limit.addWidget(self.read_cap_button)
        limit.addStretch(1)
        layout.addWidget(self.reads_label)
        layout.addLayout(limit)
        return row

    def _show_reads(self) -> None:
        figures = self._x_usage.figures()
        usage = figures.usage
        text = self.tr("Reads from X this month: {reads} posts and accounts, in {requests} "
                       "requests (X charges for each one read).").format(
            reads=f"{usage.resources:,}", requests=f"{usage.requests:,}")
        if figures.cap is None:
            text += " " + self.tr("No monthly limit is set.")
        else:
            text += " " + self.tr("Limit: {cap} a month; {left} left.").format(
                cap=f"{figures.cap:,}", left=f"{figures.left or 0:,}")
        if self._services.gateway.kind == "sandbox":
            text = self.tr("The practice account is free: reads are counted on the school's "
                           "real X account only.")
        self.reads_label.setText(text)
        self.read_cap_spin.setValue(figures.cap or 0)
        staff, member = self._services.staff, self._services.member
        may_set = staff is not None and member is not None and staff.can(
            member, Permission.CHANGE_CREDENTIALS)
        for control in (self.read_cap_spin, self.read_cap_button):
            control.setVisible(may_set)

    def set_read_cap(self) -> None:
        cap, usage, session = self.read_cap_spin.value(), self._x_usage, self._session()
        run_guarded(self._ask_head_pin, self._tasks,
                    self.tr("set the monthly limit on reads from X"),
                    lambda head: usage.set_cap(session, cap, head),
                    lambda _figures: self._read_cap_set(cap), self._saying("account"),
                    validate=lambda: validate_read_cap(cap))  # a refusal keeps the number typed

    def _read_cap_set(self, cap: int) -> None:
        self._show_in("account")(
            self.tr("The monthly limit is now {cap} reads.").format(cap=f"{cap:,}")
            if cap else self.tr("There is no monthly limit on reads now."))

    def _kiosk_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Staffroom kiosk"))
        self.kiosk_box = QCheckBox(self.tr("Start in kiosk mode (full screen, locks when idle)"))
        self.kiosk_box.setToolTip(self.tr("For the staffroom computer: large buttons, the "
                                          "whole screen, and back to the sign-in screen when "
                                          "nobody uses it. Turning it off needs the head "
                                          "teacher's PIN."))
        self.kiosk_box.toggled.connect(self.set_kiosk)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle_spin.setKeyboardTracking(False)  # one change when typing "15", not two
        self.idle_spin.setSuffix(self.tr(" minutes"))
        self.idle_spin.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.idle_spin.setToolTip(self.tr("After this many minutes with no touch, click or key "
                                          "press, the kiosk goes back to the sign-in screen"))
        self.idle_spin.valueChanged.connect(self.set_idle_minutes)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.kiosk_box)
        form.addRow(self.tr("Lock after"), self.idle_spin)
        return box

    def _policy_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Twitter policy review"))
        self.adopted = QDateEdit()
        self.adopted.setDisplayFormat(DATE_FORMAT)
        self.adopted.setCalendarPopup(True)
        self.adopted.setMinimumDate(NOT_SET)  # shown as "not set yet" until a date is chosen
        self.adopted.setSpecialValueText(self.tr("Not set yet"))
        self.adopted.setAccessibleName(self.tr("Date the policy was adopted"))
        self.adopted.setToolTip(self.tr("The day the governors adopted the school's Twitter "
                                        "policy"))
        self.interval = QSpinBox()
        self.interval.setRange(6, 60)
        self.interval.setSuffix(self.tr(" months"))
        self.interval.setAccessibleName(self.tr("Review the policy every"))
        self.interval.setToolTip(self.tr("How often the policy is reviewed; a banner reminds "
                                         "the head teacher when a review is due"))
        self.review_label = QLabel()
        self.review_label.setWordWrap(True)
        save = QPushButton(self.tr("Save review dates"))
        save.setToolTip(self.tr("Keep these dates; the review reminder is worked out from them"))
        save.setMaximumWidth(240)
        save.clicked.connect(self.save_review)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Adopted on"), self.adopted)
        form.addRow(self.tr("Review every"), self.interval)
        form.addRow(self.review_label)
        form.addRow(save)
        return box

    def _appearance_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Appearance and language"))
        self.theme_box = QComboBox()
        self.theme_box.setAccessibleName(self.tr("Colours"))
        self.theme_box.setToolTip(self.tr(
            "Changes the colours at once, on this computer. “Same as this computer” "
            "follows its light or dark setting; high contrast has white words on black, "
            "thicker edges and a yellow outline around the control in use."))
        for key in THEMES:
            self.theme_box.addItem(QCoreApplication.translate("SettingsTab", THEME_CHOICES[key]),
                                   key)
        self.theme_box.currentIndexChanged.connect(self.set_theme)
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(self.tr("Language"))
        self.language_box.setToolTip(self.tr(
            "The language of the app's own words on this computer, from the next start. "
            "Tweets and replies are never translated."))
        # Each language is named in itself, so whoever needs it can find it.
        self.language_box.setProperty("data", True)
        for key, name in LANGUAGES.items():
            self.language_box.addItem(name, key)
        self.language_box.currentIndexChanged.connect(self.set_language)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Colours"), self.theme_box)
        form.addRow(self.tr("Language"), self.language_box)
        form.addRow(self.language_note)
        return box

    # -- showing ---------------------------------------------------------------------
    def reload(self) -> None:
        services = self._services
        self._show_roster_counts()
        self.school_computers.reload()
        current = read_setting(services, REPLY_SETTING)
        self.reply_box.blockSignals(True)
        self.reply_box.setCurrentIndex(max(0, self.reply_box.findData(current)))
        self.reply_box.blockSignals(False)
        devices, device = services.devices, services.device
        if devices is not None and device is not None:
            registered = devices.is_registered(device)
            now = datetime.now().astimezone()
            _, reason = devices.may_post(device, now)
            text = self.tr("This computer is called “{name}”. {reason}").format(
                name=device.name, reason=reason)
            others = [d.device.name for d in devices.registered_devices()]
            if others:
                text += " " + self.tr("Computers registered for tweeting: {names}.").format(
                    names=", ".join(others))
            self.device_label.setText(text)
            registrar = self._may_do(Action.REGISTER_DEVICE)
            self.register_button.setVisible(registrar and not registered)
            self.unregister_button.setVisible(registrar and registered)
            self.exception_button.setVisible(registrar and not registered)
            self.end_exception_button.setVisible(
                not registered and devices.active_exception(device, now) is not None)
        else:  # a trial without staff accounts: there is nobody to register it
            self.device_label.setText(self.tr(
                "Computers are registered for tweeting once the head teacher has set up staff "
                "accounts."))
            for button in (self.register_button, self.unregister_button, self.exception_button,
                           self.end_exception_button):
                button.setVisible(False)
        self._show_reads()
        kind = services.gateway.kind
        self.account_label.setText(
            self.tr("The app is on the practice (sandbox) account: nothing reaches X. Connect "
                    "the school's account when you are ready.") if kind == "sandbox"
            else self.tr("The app is connected to the school's real X account."))
        if kind != "sandbox" and x_keys_retired(services.db):
            self.account_label.setText(self.tr(
                "✖ The X account's keys were retired when a computer that held them was "
                "removed from the school. Regenerate them on the X developer portal and "
                "reconnect X here: nothing is sent with the old keys until then."))
        self.kiosk_box.blockSignals(True)
        self.kiosk_box.setChecked(read_setting(services, KIOSK_MODE))
        self.kiosk_box.blockSignals(False)
        self.idle_spin.blockSignals(True)
        self.idle_spin.setValue(read_setting(services, KIOSK_IDLE_MINUTES))
        self.idle_spin.blockSignals(False)
        status = review_status(services.settings)
        adopted = status.adopted_on
        self.adopted.setDate(NOT_SET if adopted is None
                             else QDate(adopted.year, adopted.month, adopted.day))
        self.interval.setValue(status.interval_months)
        self.review_label.setText(status.message)
        self._show_appearance()

    def _show_appearance(self) -> None:
        for box, key in ((self.theme_box, read_setting(self._services, THEME)),
                         (self.language_box, read_setting(self._services, LANGUAGE))):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(key)))
            box.blockSignals(False)
        self._show_language_note()

    def _show_language_note(self) -> None:
        language = str(self.language_box.currentData())
        note = self.tr("A new language is used from the next time the app starts.")
        if language != DEFAULT_LANGUAGE and not translation_file(resources_dir(),
                                                                 language).is_file():
            note += " " + self.tr("The {language} translation is not on this computer yet, so "
                                  "the app stays in English until it is installed.").format(
                language=LANGUAGES.get(language, language))
        self.language_note.setText(note)

    def _show_roster_counts(self) -> None:
        roster = self._services.roster
        counts = roster.counts() if roster is not None else None
        if counts is not None and counts.retired_reason:
            self.roster_label.setText(self.tr(
                "✖ The pupil roster was retired when a computer was removed from the school "
                "(it held the roster's key). Import the pupil list again: posting is blocked "
                "until then."))
            return
        if counts is None or not counts.imported:
            self.roster_label.setText(self.tr(
                "No roster imported yet: tweets are checked against common first names only. "
                "Import the pupil list so every child's name is caught."))
            return
        when = datetime.fromisoformat(counts.imported_at or "").astimezone()
        text = self.tr(
            "{pupils} pupils in {classes} classes, imported {date} by {name}. Names are kept "
            "only as scrambled fingerprints.").format(
                pupils=counts.pupils, classes=len(counts.groups),
                date=shown_day(when, weekday=False), name=counts.imported_by)
        if counts.made_under_older_rules:
            text += " " + self.tr(
                "✖ Import it again: this version also catches names written in disguise, "
                "and posting is blocked until the pupil list is imported again.")
        self.roster_label.setText(text)

    # -- the roster -------------------------------------------------------------------
    def choose_roster(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("The pupil roster"), "",
                                              self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if name:
            self.import_roster(Path(name))

    def import_roster(self, path: Path, confirm: Callable[[Path, object], bool] | None = None
                      ) -> None:
        """Preview the file, ask, then the head's PIN, then replace the roster; a bad file
        changes nothing."""
        from stpeters_desk.core.roster import RosterFileError, preview_roster

        try:
            preview = preview_roster(path)
        except (RosterFileError, OSError) as exc:
            self._say("roster", self.tr("{file} cannot be imported: {problem} Nothing was "
                                        "changed; correct the file and import it again.").format(
                file=path.name, problem=exc))
            return
        ask = confirm or self._confirm_roster
        if not ask(path, preview):
            return
        operations, session = self._operations, self._session()
        run_guarded(self._ask_head_pin, self._tasks, self.tr("replace the pupil roster"),
                    lambda head: operations.import_roster(session, path, head),
                    lambda _counts: self._roster_imported(path), self._roster_failed)

    def _confirm_roster(self, path: Path, preview: object) -> bool:
        from stpeters_desk.ui.roster_dialog import RosterPreviewDialog

        dialog = RosterPreviewDialog(path, preview, self)  # type: ignore[arg-type]
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _roster_imported(self, path: Path) -> None:
        self._roster_changed()
        self._say("roster", self.tr("The roster from {file} is in use.").format(file=path.name))
        self._show_roster_counts()

    def _roster_failed(self, problem: str) -> None:
        self._say("roster", self.tr("The roster was not changed: {problem}").format(
            problem=problem))

    # -- guarded changes ------------------------------------------------------------
    def _session(self) -> Session:
        return session_of(self._services)

    def _guarded(self, section: str, action: str, change: Callable[[str], object], done: str,
                 *, form: GuardedFormDialog | None = None,
                 validate: Callable[[], object] | None = None) -> None:
        """Check, ask for the head-teacher PIN, then change; a form stays open on refusal."""
        if not run_guarded_change(self._ask_head_pin, self._tasks, action, change, done,
                                  self._show_in(section), form=form, validate=validate):
            self.reload()  # e.g. put the kiosk box back as it was

    def _computer_name(self) -> str:
        device = self._services.device
        return device.name if device is not None else ""

    def register_device(self) -> None:
        operations, session = self._operations, self._session()
        self._guarded("computer", self.tr("register this computer for tweeting"),
                      lambda head: operations.register_device(session, head),
                      self.tr("{name} is registered: tweets may be sent from it.").format(
                          name=self._computer_name()))

    def unregister_device(self) -> None:
        operations, session = self._operations, self._session()
        self._guarded("computer", self.tr("remove this computer's registration"),
                      lambda head: operations.unregister_device(session, head),
                      self.tr("{name} is no longer registered.").format(
                          name=self._computer_name()))

    def grant_exception(self) -> None:
        dialog = ExceptionDialog(self)
        dialog.submitted.connect(lambda: self.grant_exception_from(dialog))
        dialog.exec()

    def grant_exception_from(self, dialog: ExceptionDialog) -> None:
        """The times and reason are checked before the PIN; the dialog stays open on a
        refusal, with everything typed."""
        start, end = dialog.window_times()
        reason = dialog.reason.text()
        operations, session = self._operations, self._session()
        self._guarded("computer", self.tr("allow tweets from this computer for an event"),
                      lambda head: operations.allow_trip_exception(session, start, end, reason,
                                                                   head),
                      self.tr("Tweets may be sent from {name} until {end}.").format(
                          name=self._computer_name(), end=shown_moment(end, year=False)),
                      form=dialog, validate=lambda: validate_trip_exception(start, end, reason))

    def end_exception(self) -> None:
        operations, session = self._operations, self._session()
        self._tasks.run(lambda: operations.end_trip_exception(session),
                        lambda _ended: self._show_in("computer")(
                            self.tr("This computer may no longer post.")),
                        lambda error: self._show_in("computer")(refusal_text(error)))

    def store_password(self) -> None:
        """Checked, then the PIN; the field is cleared only once the password is stored."""
        password = self.password_field.text()
        operations, session = self._operations, self._session()

        def stored(_result: object) -> None:
            self.password_field.clear()
            self._show_in("account")(self.tr("The X account's password is stored in this "
                                             "computer's password store."))

        run_guarded(self._ask_head_pin, self._tasks, self.tr("store the X account's password"),
                    lambda head: operations.store_x_password(session, password, head),
                    stored, self._show_in("account"),
                    validate=lambda: validate_x_password(password))

    def reveal_password(self) -> None:
        operations, session = self._operations, self._session()
        run_guarded(self._ask_head_pin, self._tasks, self.tr("show the X account's password"),
                    lambda head: operations.show_x_password(session, head),
                    lambda password: self._show_password(str(password)),
                    self._show_in("account"))

    def _show_password(self, password: str) -> None:
        if not password:
            self._say("account", self.tr("No X password is stored on this computer. Type it "
                                         "above and press “Store the password…”."))
            return
        self.revealed.setText(self.tr("Password: {password}   (hidden again in {seconds} s)")
                              .format(password=password, seconds=REVEAL_SECONDS))
        self._hide_timer.start()

    def set_kiosk(self, on: bool) -> None:
        operations, session = self._operations, self._session()
        if on:
            self._tasks.run(lambda: operations.kiosk_on(session),
                            lambda _r: self._show_in("kiosk")(
                                self.tr("Kiosk mode starts next time the app opens.")),
                            lambda error: self._show_in("kiosk")(refusal_text(error)))
            return
        self._guarded("kiosk", self.tr("turn kiosk mode off"),
                      lambda head: operations.kiosk_off(session, head),
                      self.tr("Kiosk mode is off from the next start."))

    def set_idle_minutes(self, minutes: int) -> None:
        self._change_setting("kiosk", KIOSK_IDLE_MINUTES, minutes,
                             self.tr("The kiosk locks after {count} idle minutes from the next "
                                     "start.").format(count=minutes))

    def save_review(self) -> None:
        if self.adopted.date() == NOT_SET:
            self._say("policy", self.tr("Choose the date the governors adopted the policy "
                                        "first."))
            self.adopted.setFocus()
            return
        adopted, months = _day(self.adopted), self.interval.value()
        operations, session = self._operations, self._session()
        try:
            validate_policy_dates(adopted, months)
        except Refused as problem:
            self._say("policy", problem.message)
            return

        def kept(_result: object) -> None:
            self._show_in("policy")(self.tr("The policy review dates are kept."))
            # The banner above the tabs follows at once (the window, when there is one).
            refresh = getattr(self.window(), "refresh_policy_banner", None)
            if callable(refresh):
                refresh()

        self._tasks.run(lambda: operations.policy_dates(session, adopted, months), kept,
                        lambda error: self._show_in("policy")(refusal_text(error)))

    def _change_setting(self, section: str, setting: Setting[T], value: T, done: str,
                        then: Callable[[], None] = lambda: None) -> None:
        """A setting without its own rules: the registry says who may change it."""
        operations, session = self._operations, self._session()

        def changed(did_change: bool) -> None:
            if did_change:
                then()
                self._say(section, done)

        self._tasks.run(lambda: operations.change_setting(session, setting, value), changed,
                        lambda error: self._show_in(section)(refusal_text(error)))

    # -- appearance and language ------------------------------------------------------------
    def set_theme(self) -> None:
        """Show the chosen colours at once; the choice is kept for the next start."""
        theme = str(self.theme_box.currentData())

        def show() -> None:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                show_theme(app, theme)

        self._change_setting("appearance", THEME, theme,
                             self.tr("The new colours are in use on this computer."), show)

    def set_language(self) -> None:
        """Keep the choice for the next start: widgets built already keep their words."""
        language = str(self.language_box.currentData())
        self._show_language_note()
        self._change_setting("appearance", LANGUAGE, language, self.language_note.text())
