"""The Moderation tab: replies and mentions, what the app suggests, and what a person decides.

The head teacher or the e-safety leader opens it in the staffroom, presses
Refresh and sees first whatever needs a person: hide suggestions, then
replies to review, then blocks waiting for X to confirm them. Every decision
asks why; the operations (``ops.moderation``) check that the person may make it and
record it with their name.

X's self-serve API cannot block or report, so both open x.com for the person
to finish there (a "hand-off"); a block stays "block pending" until the
account's blocked list shows it. On the practice account the hand-off cannot
open a real page, so trainees get an "I have blocked them" button that plays
the part of x.com.

Serious cases get an incident pack (the evidence, a picture of the reply, a
short form and where to take it next) and the tab also makes the governors'
report for any period.

Fetching shows its progress and can be cancelled: the page of replies already
read is kept, and only the check of X's blocked list is skipped. The list sorts
from the keyboard like every table (``TableSorting``).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QIcon,
    QKeySequence,
    QPageSize,
    QPdfWriter,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.dates import shown_moment
from stpeters_desk.core.governors_report import (
    GovernorsReport,
    ReportPeriod,
    render_report_html,
)
from stpeters_desk.core.incident import (
    X_HELP_FORMS_URL,
    EscalationRoute,
    IncidentEvidence,
    IncidentReport,
    capture_evidence,
    escalation_routes,
    suggested_file_name,
    x_report_link,
)
from stpeters_desk.core.moderation_reasons import shown_note, shown_reasons
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.moderation import (
    BLOCK_PENDING,
    BLOCKED,
    HIDDEN,
    MUTED,
    NEW,
    REPORTED,
    REVIEWED,
    FetchResult,
    ModerationOps,
    StoredMention,
)
from stpeters_desk.ops.session import Session
from stpeters_desk.ui.messages import (
    QT_TRANSLATE_NOOP,
    marked_message,
    name_standard_buttons,
)
from stpeters_desk.ui.moderation_widgets import (
    ColumnsLayout,
    HandOffPanel,
    OpenUrl,
    ReadingSplit,
    action_button,
    button_columns,
    decisions_below,
    explain,
    practice_gateway,
    reason_combo,
    reason_or_ask,
    show_marked,
    show_progress,
    typed_reason,
)
from stpeters_desk.ui.reply_pictures import ReplyPictureStrip
from stpeters_desk.ui.status_marks import moderation_icon
from stpeters_desk.ui.styling import (
    DATE_FORMAT,
    empty_state_label,
    scrolls_when_short,
)
from stpeters_desk.ui.table_model import RowsTableModel, SortKey, TableSorting
from stpeters_desk.ui.tasks import TaskRunner, TaskToken
from stpeters_desk.x.models import HandOff

CONTEXT = "ModerationTab"  # translation context of the texts marked at import time
ITEMS_SHOWN = 500
# The "Show" box's choices; each item's data is its English name, so a translated
# name never changes what the box selects.
NEEDS_YOU = QT_TRANSLATE_NOOP("ModerationTab", "Needs you")
EVERYTHING = QT_TRANSLATE_NOOP("ModerationTab", "All replies and mentions")
CARD_WIDTH = 560

LEVEL_TEXT = {
    # words only: the mark beside them is the app's own icon (ui.status_marks), as an
    # emoji shows as an empty box where no colour-emoji font is installed
    "hide": QT_TRANSLATE_NOOP("ModerationTab", "Hide suggested"),
    "review": QT_TRANSLATE_NOOP("ModerationTab", "Needs review"),
    "ok": QT_TRANSLATE_NOOP("ModerationTab", "OK"),
}
STATUS_TEXT = {
    NEW: QT_TRANSLATE_NOOP("ModerationTab", "New"),
    REVIEWED: QT_TRANSLATE_NOOP("ModerationTab", "Reviewed"),
    HIDDEN: QT_TRANSLATE_NOOP("ModerationTab", "Hidden"),
    MUTED: QT_TRANSLATE_NOOP("ModerationTab", "Author muted"),
    BLOCK_PENDING: QT_TRANSLATE_NOOP("ModerationTab", "Block pending"),
    BLOCKED: QT_TRANSLATE_NOOP("ModerationTab", "Blocked"),
    REPORTED: QT_TRANSLATE_NOOP("ModerationTab", "Reported to X"),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("ModerationTab", "Suggestion and why"),
    QT_TRANSLATE_NOOP("ModerationTab", "From"),
    QT_TRANSLATE_NOOP("ModerationTab", "Reply"),
    QT_TRANSLATE_NOOP("ModerationTab", "Status"),
    QT_TRANSLATE_NOOP("ModerationTab", "When"),
)
SUGGESTION_COLUMN, FROM_COLUMN, REPLY_COLUMN, STATUS_COLUMN, WHEN_COLUMN = range(5)
# Each row is two lines high: the reply's words wrap onto the second line, the author's
# handle goes under their name, the reasons under the suggestion. The reply takes the
# width left over, so the list needs no sideways scrolling at 1180 px or wider.
COLUMN_WIDTHS = {SUGGESTION_COLUMN: 170, FROM_COLUMN: 140, STATUS_COLUMN: 90, WHEN_COLUMN: 96}
LIST_SHARE = 0.65  # of the tab's width, at first: the rest is the chosen reply and the buttons

# Common reasons, in the person's language; the box also takes any typed reason, and
# the audit log keeps what they chose or typed.
REASONS = (
    QT_TRANSLATE_NOOP("ModerationTab", "Offensive language"),
    QT_TRANSLATE_NOOP("ModerationTab", "Undermines the school or its staff"),
    QT_TRANSLATE_NOOP("ModerationTab", "Threat or intimidation"),
    QT_TRANSLATE_NOOP("ModerationTab", "Unsuitable image or content"),
    QT_TRANSLATE_NOOP("ModerationTab", "Spam or advertising"),
    QT_TRANSLATE_NOOP("ModerationTab", "Copyright infringement"),
    QT_TRANSLATE_NOOP("ModerationTab", "Names or identifies a child"),
    QT_TRANSLATE_NOOP("ModerationTab", "Fair comment: no action needed"),
)


def level_text(level: str) -> str:
    """The suggestion in words with its symbol, in the chosen language."""
    text = LEVEL_TEXT.get(level)
    return QCoreApplication.translate(CONTEXT, text) if text else level


def suggestion_text(item: StoredMention) -> str:
    """The suggestion for one reply: a reply the model nearly flagged this week is a maybe."""
    if item.in_maybe_band():
        return QCoreApplication.translate("ModerationTab", "Maybe: worth a look")
    return level_text(item.level)


def status_text(status: str) -> str:
    text = STATUS_TEXT.get(status)
    return QCoreApplication.translate(CONTEXT, text) if text else status


def _route_html(route: EscalationRoute) -> str:
    """One escalation route: its name in bold, when and how, and a link to its page."""
    link = f' <a href="{html.escape(route.url)}">{html.escape(route.url)}</a>' if route.url else ""
    return (f"<p><b>{html.escape(route.name)}</b><br>{html.escape(route.when)} "
            f"{html.escape(route.how)}{link}</p>")


def local_time(moment: datetime) -> str:
    return shown_moment(moment)


# -- the list ------------------------------------------------------------------------------


class InboxModel(RowsTableModel):
    """The inbox page as plain Python rows; the store already orders it needs-you-first."""

    columns = COLUMNS
    context = CONTEXT

    @property
    def items(self) -> list[StoredMention]:
        return self.rows

    def set_items(self, items: list[StoredMention]) -> None:
        self.set_rows(items)

    def cell(self, row: StoredMention, column: int) -> str:
        return self._cell(row, column)

    def icon(self, row: StoredMention, column: int) -> QIcon | None:
        if column != 0:
            return None
        level = "review" if row.in_maybe_band() else row.level  # a maybe: worth a look
        return moderation_icon(level, row.safeguarding)

    def tooltip(self, row: StoredMention, column: int) -> str | None:
        if column == REPLY_COLUMN:
            return row.text
        if column == FROM_COLUMN:
            return f"{row.author_name} (@{row.author_handle})"
        return "\n".join(shown_reasons(row.reasons)) or None

    def sort_key(self, column: int) -> SortKey:
        """The urgency, not the words, for the suggestion; the moment, not its text, for when."""
        if column == SUGGESTION_COLUMN:  # safeguarding first, as in the list's own order
            return lambda item: item.urgency
        if column == FROM_COLUMN:
            return lambda item: item.author_handle.casefold()
        if column == REPLY_COLUMN:
            return lambda item: " ".join(item.text.split()).casefold()
        if column == WHEN_COLUMN:
            return lambda item: item.created_at
        return super().sort_key(column)

    @staticmethod
    def _cell(item: StoredMention, column: int) -> str:
        if column == SUGGESTION_COLUMN:  # the suggestion, and why under it
            why = "; ".join(shown_reasons(item.reasons)) or "—"
            return f"{InboxModel.suggestion(item)}\n{why}"
        if column == FROM_COLUMN:
            return f"{item.author_name}\n@{item.author_handle}"
        if column == REPLY_COLUMN:
            return " ".join(item.text.split())
        if column == STATUS_COLUMN:
            return status_text(item.status)
        return local_time(item.created_at)

    @staticmethod
    def suggestion(item: StoredMention) -> str:
        if item.safeguarding:
            mark = QCoreApplication.translate("ModerationTab", "Safeguarding: {suggestion}")
            return mark.format(suggestion=level_text(item.level))
        return suggestion_text(item)

    def row_of(self, post_id: str) -> int:
        return next((row for row, item in enumerate(self.rows) if item.post_id == post_id), -1)


# -- the incident pack ---------------------------------------------------------------------


class ReplyCard(QFrame):
    """The reply drawn as the app shows it, for the picture in the incident pack."""

    def __init__(self, item: StoredMention, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReplyCard")
        author = QLabel(f"{item.author_name}  @{item.author_handle}")
        author.setObjectName("ReplyCardAuthor")
        when = QLabel(self.tr("{time} · post {post_id}").format(
            time=local_time(item.created_at), post_id=item.post_id))
        when.setObjectName("ReplyCardMeta")
        text = QLabel(item.text)
        text.setObjectName("ReplyCardText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        reasons = "; ".join(shown_reasons(item.reasons)) or self.tr("no rule matched")
        verdict = QLabel(f"{suggestion_text(item)} · {reasons}")
        verdict.setObjectName("ReplyCardMeta")
        verdict.setWordWrap(True)
        verdict.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        for label in (author, when, text, verdict):
            layout.addWidget(label)
        self.setFixedWidth(CARD_WIDTH)
        self.adjustSize()


def render_reply_png(item: StoredMention) -> bytes:
    """Draw the reply card off screen and return it as PNG bytes."""
    card = ReplyCard(item)
    try:
        card.ensurePolished()
        card.adjustSize()
        return pixmap_png(card.grab())
    finally:
        card.deleteLater()


def pixmap_png(pixmap: QPixmap) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class IncidentDialog(QDialog):
    """The captured evidence, the short form and where to take it next."""

    def __init__(self, evidence: IncidentEvidence, suggested_action: str, open_url: OpenUrl,
                 on_save: Callable[[IncidentDialog], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Incident pack: reply by @{handle}").format(
            handle=evidence.author_handle))
        self.setObjectName("IncidentDialog")
        self.evidence = evidence
        self._on_save = on_save
        captured = QLabel(self.tr("Evidence captured {time} by {name}. It will not change, even "
                                  "if the reply does.").format(
            time=local_time(evidence.captured_at), name=evidence.captured_by))
        captured.setWordWrap(True)
        picture = QLabel()
        picture.setObjectName("IncidentPicture")
        picture.setAccessibleName(self.tr("Picture of the reply as captured"))
        image = QPixmap()
        image.loadFromData(evidence.screenshot_png, "PNG")
        picture.setPixmap(image)
        self.what_happened = QPlainTextEdit()
        self.what_happened.setMaximumHeight(110)
        self.what_happened.setAccessibleName(self.tr("What happened"))
        self.what_happened.setPlaceholderText(self.tr(
            "In a few sentences: what the reply said or implied, who it was aimed at, and "
            "anything else you know (earlier replies, other sites)."))
        self.action_taken = QPlainTextEdit()
        self.action_taken.setMaximumHeight(80)
        self.action_taken.setAccessibleName(self.tr("Action taken"))
        self.action_taken.setToolTip(self.tr("What the school has done so far, e.g. hidden the "
                                             "reply, blocked the author, told the DSL"))
        self.action_taken.setPlainText(suggested_action)
        self.message = QLabel()
        self.message.setObjectName("FormMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("What happened"), self.what_happened)
        form.addRow(self.tr("Action taken"), self.action_taken)
        routes = QLabel("".join(_route_html(route) for route in escalation_routes()))
        routes.setWordWrap(True)
        routes.setTextFormat(Qt.TextFormat.RichText)
        routes.setOpenExternalLinks(True)  # each service's page opens in the browser
        routes.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        routes_box = QGroupBox(self.tr("Where to take it next"))
        routes_layout = QVBoxLayout(routes_box)
        routes_layout.addWidget(routes)
        report_button = QPushButton(self.tr("Open the reply on x.com to report it"))
        report_button.setToolTip(self.tr("Opens the reply in your web browser, where X's "
                                         "own Report menu is"))
        report_button.clicked.connect(lambda: open_url(x_report_link(evidence)))
        forms_button = QPushButton(self.tr("X's other report forms"))
        forms_button.setToolTip(self.tr("X's help centre forms, e.g. for impersonation, "
                                        "private information or threats"))
        forms_button.clicked.connect(lambda: open_url(X_HELP_FORMS_URL))
        links = QHBoxLayout()
        links.addWidget(report_button)
        links.addWidget(forms_button)
        links.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(self.buttons)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save incident pack…"))
        save.setToolTip(self.tr("Saves one web page with the picture, the form and the routes, "
                                "and records it in the audit log"))
        save.setProperty("primary", True)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(captured)
        layout.addWidget(picture)
        layout.addLayout(form)
        layout.addWidget(routes_box)
        layout.addLayout(links)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll)
        outer.addWidget(self.message)
        outer.addWidget(self.buttons)
        self.resize(720, 760)

    def problem(self) -> str:
        if not self.what_happened.toPlainText().strip():
            return self.tr("Say briefly what happened: governors will read this later.")
        if not self.action_taken.toPlainText().strip():
            return self.tr("Say what has been done about it, even if that is “nothing yet”.")
        return ""

    def report(self, prepared_by: str, school_handle: str = "") -> IncidentReport:
        return IncidentReport(self.evidence, self.what_happened.toPlainText().strip(),
                              self.action_taken.toPlainText().strip(), prepared_by,
                              school_handle)

    def _save(self) -> None:
        problem = self.problem()
        self.message.setText(marked_message(problem, ok=False))
        if not problem:
            self._on_save(self)


def suggested_action_text(item: StoredMention) -> str:
    done = {
        HIDDEN: QCoreApplication.translate("ModerationTab", "The reply has been hidden on X."),
        MUTED: QCoreApplication.translate("ModerationTab", "Its author has been muted."),
        BLOCK_PENDING: QCoreApplication.translate(
            "ModerationTab", "Blocking its author has been started on x.com."),
        BLOCKED: QCoreApplication.translate("ModerationTab", "Its author has been blocked."),
        REPORTED: QCoreApplication.translate("ModerationTab",
                                             "The reply has been reported to X."),
        REVIEWED: QCoreApplication.translate("ModerationTab", "The reply has been looked at."),
    }
    return done.get(item.status, "")


# -- the tab -------------------------------------------------------------------------------


class ReplyText(QPlainTextEdit):
    """The chosen reply in full: it asks for no more height than its minimum, and takes
    what the pane has left (a plain text box asks for 192 px, which pushed the reply's
    pictures out of sight on a short screen)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class ModerationTab(QWidget):
    """Signals ``status`` for the status bar and ``needs_you`` for the tab's badge."""

    status = Signal(str)
    needs_you = Signal(int)
    progress = Signal(int, int)

    def __init__(self, services: DeskServices, tasks: TaskRunner, moderation: ModerationOps,
                 open_url: OpenUrl, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ModerationTab")
        self._services = services
        self._tasks = tasks
        self._ops = moderation
        self._open_url = open_url
        self._working = False
        self._fetching = TaskToken()  # set by Cancel; the fetch's work checks it
        self._report_for: tuple[str, str] | None = None  # (post id, why) until recorded
        self.last_report_files: list[Path] = []
        self._build()
        self.progress.connect(self._show_progress)
        self.confirm: Callable[[str, str], bool] = self._ask_yes_no
        self.choose_incident_path: Callable[[str], Path | None] = self._ask_incident_path
        self.choose_report_folder: Callable[[], Path | None] = self._ask_report_folder
        self.show_incident_dialog: Callable[[IncidentDialog], None] = lambda d: d.open()
        self.reload()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._listing())
        splitter.addWidget(self._side())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.split = ReadingSplit(splitter, LIST_SHARE, self.reading, self.deciding,
                                  self.decision_grid)
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_row())
        # Above the list, not under the reply pane: never pushed off the tab (kiosk mode's
        # large buttons make that pane tall), and out of the way until it is wanted.
        layout.addWidget(self._report_box())
        layout.addWidget(splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The list the wider, so the reply and its author show in it, unless the reply would
        keep too few lines above the decisions (as in kiosk mode): ``ReadingSplit``."""
        super().resizeEvent(event)
        self.split.apply()

    def _top_row(self) -> QHBoxLayout:
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setProperty("primary", True)
        self.refresh_button.setToolTip(self.tr("Fetch new replies and mentions and check them "
                                               "here, on this computer (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        # Through the button, so F5 is ignored while a fetch is already running.
        refresh_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh_button.click)
        refresh_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop after the current page; the replies already "
                                              "fetched are kept"))
        self.cancel_button.clicked.connect(self.cancel_refresh)
        self.cancel_button.hide()
        self.show_box = QComboBox()
        self.show_box.setAccessibleName(self.tr("Which replies to show"))
        self.show_box.setToolTip(self.tr("Needs you: only replies waiting for a decision. All "
                                         "replies and mentions: those already dealt with too"))
        for choice in (NEEDS_YOU, EVERYTHING):
            self.show_box.addItem(QCoreApplication.translate(CONTEXT, choice), choice)
        self.show_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Fetching replies"))
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.hide()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("InboxCounts")
        # On two lines when the row is short of room (in Welsh at 1180 px it asked for the
        # whole sentence on one line, and the window grew past 1180 px)
        self.counts_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.refresh_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress_bar)
        top.addWidget(self.counts_label, 1)
        show_label = QLabel(self.tr("Show"))
        show_label.setBuddy(self.show_box)
        top.addWidget(show_label)
        top.addWidget(self.show_box)
        self.report_toggle = QPushButton(self.tr("Report for governors"))
        self.report_toggle.setCheckable(True)
        self.report_toggle.setToolTip(self.tr("Show or hide the governors' report: choose the "
                                              "dates, then make it"))
        self.report_toggle.toggled.connect(self._show_report_box)
        top.addWidget(self.report_toggle)
        return top

    def _show_report_box(self, shown: bool) -> None:
        self.report_box.setVisible(shown)
        if shown:
            self.report_from.setFocus()

    def _needs_you_view(self) -> bool:
        return bool(self.show_box.currentData() == NEEDS_YOU)

    def _listing(self) -> QWidget:
        self.model = InboxModel()
        self.table = QTableView()
        self.table.setObjectName("InboxTable")
        self.table.setAccessibleName(self.tr("Replies and mentions"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self._two_line_rows()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(REPLY_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self._add_reply_stepping_keys()
        self.sorting = TableSorting(self.table, self.model, self.tr("Needs you first"))
        self.empty_label = empty_state_label()
        # Under the list, beside the reply: in the reply's pane it took the reply's room
        # (73 px of it were left in kiosk mode, issue 17); here the list gives up a few rows.
        self.handoff_panel = HandOffPanel(self._open_url)
        self.handoff_panel.check_button.clicked.connect(self.check_blocks)
        self.handoff_panel.practice_button.clicked.connect(self.practise_block)
        self.handoff_panel.reported_button.clicked.connect(self.record_report)
        listing = QWidget()
        layout = QVBoxLayout(listing)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.handoff_panel)
        return listing

    def _two_line_rows(self) -> None:
        """Each reply on two lines: its words wrap, and what does not fit ends in "…"."""
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.two_lines_height())

    def two_lines_height(self) -> int:
        return 2 * self.table.fontMetrics().lineSpacing() + 12

    def _add_reply_stepping_keys(self) -> None:
        """J and K step through the replies, as in many mail programs; they act only while
        the list has focus, so they never get in the way of typing a reason."""
        tip = self.tr("J: next reply, K: previous reply (while this list has focus)")
        self.table.setToolTip(tip)
        self.table.setAccessibleDescription(tip)
        for key, step in ((Qt.Key.Key_J, 1), (Qt.Key.Key_K, -1)):
            shortcut = QShortcut(QKeySequence(key), self.table,
                                 lambda step=step: self.step_reply(step))
            # Set apart: PySide6 ignores a context= argument given with a slot.
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def step_reply(self, step: int) -> None:
        """Choose the next (1) or previous (-1) reply in the list, stopping at either end."""
        rows = self.model.rowCount()
        if rows == 0:
            return
        current = self.table.currentIndex().row()
        self.table.selectRow(max(0, min(rows - 1, current + step if current >= 0 else 0)))

    def _side(self) -> QWidget:
        self.detail = ReplyText()
        self.detail.setObjectName("ReplyDetail")
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("The chosen reply in full"))
        # Four lines at least, more when there is room: its preferred height must not
        # push the reply's pictures out of sight (the list shows the reply's words too).
        self.detail.setMinimumHeight(4 * self.detail.fontMetrics().lineSpacing() + 16)
        self.reason_box = reason_combo([QCoreApplication.translate(CONTEXT, reason)
                                        for reason in REASONS])
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        self.pictures = ReplyPictureStrip()
        self.pictures.reveal_requested.connect(self.show_picture)
        # What is read scrolls up and down; the decision stays in sight below it, however
        # tall the reply's pictures make the pane (kiosk mode, 1180x760).
        reading = QWidget()
        self.reading = reading
        layout = QVBoxLayout(reading)
        title = QLabel(self.tr("The reply"))
        title.setObjectName("SectionTitle")
        layout.addWidget(title)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.pictures)
        self.reading_area = scrolls_when_short(reading)
        # On a short screen (kiosk mode at 768 px) it may shrink to a few lines, so the
        # window never grows past the screen; the decisions below keep their size.
        self.reading_area.setMinimumHeight(3 * self.detail.fontMetrics().lineSpacing())
        self.decision_grid = self._action_grid()
        side, self.deciding = decisions_below(self.reading_area, layout.contentsMargins(),
                                              self.reason_box, self.decision_grid, self.message)
        self.deciding.setObjectName("ReplyDecision")
        return side

    def _action_grid(self) -> ColumnsLayout:
        """The decisions four or three to a row where the pane is wide enough, else two by
        two: fewer rows leave the reply more lines (kiosk mode widens the pane for them),
        fewer columns leave the list more width."""
        return button_columns(*self._action_buttons(), most=4)

    def _action_buttons(self) -> list[QPushButton]:
        self.hide_button = action_button(
            self.tr("Hide reply"), self.hide_reply,
            self.tr("Hides this reply under the school's post for everyone (X keeps it behind "
                    "a link); you can unhide it later"))
        self.unhide_button = action_button(self.tr("Unhide"), self.unhide_reply,
                                          self.tr("Show the hidden reply again"))
        self.mute_button = action_button(
            self.tr("Mute author"), self.mute_author,
            self.tr("Stop seeing this account's posts and notifications; they are not told"))
        self.reviewed_button = action_button(self.tr("Mark reviewed"), self.mark_reviewed,
                                            self.tr("Looked at: no action needed"))
        self.block_button = action_button(
            self.tr("Block author…"), self.block_author,
            self.tr("Opens the author's page on x.com to block them there"))
        self.block_button.setProperty("destructive", True)
        self.report_button = action_button(
            self.tr("Report to X…"), self.report_reply,
            self.tr("Opens the reply on x.com to report it there"))
        self.delete_button = action_button(
            self.tr("Delete our post…"), self.delete_our_post,
            self.tr("Delete the school's own post that this replied to (asks first)"))
        self.delete_button.setProperty("destructive", True)
        self.incident_button = action_button(
            self.tr("Incident pack…"), self.open_incident_pack,
            self.tr("Capture the evidence now and write it up for the head teacher and "
                    "governors"))
        # In this order the widest buttons share columns, so four columns fit half a
        # kiosk's width even in Welsh; the destructive two end the rows.
        return [self.hide_button, self.unhide_button, self.reviewed_button, self.block_button,
                self.mute_button, self.report_button, self.incident_button,
                self.delete_button]

    def _report_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Report for governors"))
        box.setObjectName("GovernorsReport")
        self.report_box = box
        box.hide()  # until "Report for governors" is pressed
        today = QDate.currentDate()
        school_year = today.year() if today.month() >= 9 else today.year() - 1
        self.report_from = QDateEdit(QDate(school_year, 9, 1))
        self.report_from.setDisplayFormat(DATE_FORMAT)
        self.report_from.setCalendarPopup(True)
        self.report_from.setAccessibleName(self.tr("Report from"))
        self.report_from.setToolTip(self.tr("The first day the report covers (from 1 September "
                                            "to begin with: the school year)"))
        self.report_to = QDateEdit(today)
        self.report_to.setDisplayFormat(DATE_FORMAT)
        self.report_to.setCalendarPopup(True)
        self.report_to.setAccessibleName(self.tr("Report to"))
        self.report_to.setToolTip(self.tr("The last day the report covers"))
        self.report_button_make = QPushButton(self.tr("Make report…"))
        self.report_button_make.setToolTip(self.tr(
            "Posts, moderation decisions, blocks, incidents and follower changes for the "
            "period, as a web page, a PDF and a spreadsheet (CSV)"))
        self.report_button_make.clicked.connect(self.make_governors_report)
        row = QHBoxLayout(box)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.report_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.report_to)
        row.addStretch(1)
        self.report_progress = QProgressBar()
        self.report_progress.setAccessibleName(self.tr("Making the governors' report"))
        self.report_progress.setRange(0, 0)  # moving: X says nothing about how long
        self.report_progress.setMaximumWidth(120)
        self.report_progress.hide()
        row.addWidget(self.report_progress)
        row.addWidget(self.report_button_make)
        return box

    # -- showing -----------------------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        """Show the stored inbox again (a database read, no call to X)."""
        keep = keep or self._selected_id()
        items = self._ops.items(ITEMS_SHOWN)
        if self._needs_you_view():  # and, marked, what the model nearly flagged this week
            items = [item for item in items if item.needs_someone or item.in_maybe_band()]
        self.model.set_items(items)
        counts = self._ops.counts()
        needs = counts.get("needs someone", 0)
        total = sum(count for name, count in counts.items() if name != "needs someone")
        text = self.tr("Needing you: {needs} · In all: {total}").format(needs=needs, total=total)
        maybe, fine = self._ops.fine_counts() if self._needs_you_view() else (0, 0)
        if maybe:
            text += " · " + self.tr("Maybe: {count}").format(count=maybe)
        if fine:
            text += " · " + self.tr("Looking fine, not shown: {count}").format(count=fine)
        self.counts_label.setText(text if total else self.tr("Nothing fetched yet"))
        self._show_empty_state(not items)
        self.needs_you.emit(needs)
        if keep is not None and self.select(keep):
            return
        self._selection_changed()

    def _show_empty_state(self, empty: bool) -> None:
        """An empty list says what to do next instead of showing bare headers."""
        if self._needs_you_view():
            self.empty_label.setText(self.tr(
                "No replies need you today.\nPress Refresh to fetch new replies and mentions; "
                "replies already dealt with are under “All replies and mentions”."))
        else:
            self.empty_label.setText(self.tr(
                "Nothing fetched yet.\nPress Refresh (F5) to fetch the account's replies and "
                "mentions from X."))
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)

    def select(self, post_id: str) -> bool:
        row = self.model.row_of(post_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self._selection_changed()
        return True

    def selected(self) -> StoredMention | None:
        item: StoredMention | None = self.model.selected_in(self.table)
        return item

    def _selected_id(self) -> str | None:
        item = self.selected()
        return item.post_id if item else None

    def _selection_changed(self) -> None:
        item = self.selected()
        self._update_buttons(item)
        self._show_pictures(item)
        if item is None:
            self.detail.setPlainText(self.tr("Choose a reply in the list to see it in full."))
            return
        lines = [f"{item.author_name} (@{item.author_handle}) · {local_time(item.created_at)}",
                 "", item.text, "",
                 self.tr("Suggestion: {level} (score {score})").format(
                     level=suggestion_text(item), score=f"{item.score:.2f}")]
        lines += [f"• {reason}" for reason in shown_reasons(item.reasons)]
        lines += [f"  {shown_note(note)}" for note in item.notes]
        lines.append(self.tr("Status: {status}").format(status=status_text(item.status)))
        if item.decided_by and item.decision_note:
            lines.append(self.tr("Decided by {name}: {note}").format(
                name=item.decided_by, note=item.decision_note))
        elif item.decided_by:
            lines.append(self.tr("Decided by {name}").format(name=item.decided_by))
        lines.append(item.link)
        self.detail.setPlainText("\n".join(lines))

    # -- pictures ----------------------------------------------------------------------
    def _show_pictures(self, item: StoredMention | None) -> None:
        """The chosen reply's pictures, blurred; each thumbnail is made off the UI thread."""
        if item is None or not item.pictures:
            self.pictures.clear()
            return
        if self.pictures.post_id == item.post_id:
            return  # the same reply chosen again (after a reload): keep what is shown
        shown = self._ops.pictures(item.post_id)
        self.pictures.show_pictures(item.post_id, shown)
        for picture in shown:
            if picture.path is not None:
                self._blur(item.post_id, picture.picture.media_key)

    def _blur(self, post_id: str, media_key: str) -> None:
        ops, strip, side = self._ops, self.pictures, self.pictures.tile_width()

        def ready(png: bytes | None) -> None:
            strip.set_blurred(post_id, media_key, png)

        def failed(_error: Exception) -> None:  # the words under it still say why
            strip.set_blurred(post_id, media_key, None)

        self._tasks.run(lambda: ops.blurred_picture(post_id, media_key, side), ready, failed,
                        owner=strip)

    def show_picture(self, media_key: str) -> None:
        """Show a blurred picture as it is, through the operation that records who looked."""
        post_id = self.pictures.post_id
        if post_id is None:
            return
        session = self._session()
        ops, side = self._ops, 2 * self.pictures.tile_width()

        def shown(png: bytes) -> None:
            self.pictures.set_revealed(post_id, media_key, png)
            self.show_message(self.tr("Picture shown; that you looked is in the audit log."),
                              ok=True)

        self._tasks.run(lambda: ops.show_picture(session, post_id, media_key, side), shown,
                        lambda error: self.show_message(explain(error), ok=False),
                        owner=self.pictures)

    def _update_buttons(self, item: StoredMention | None) -> None:
        idle = not self._working and item is not None
        reply = item is not None and item.in_reply_to_post_id is not None
        status = item.status if item else ""
        self.hide_button.setEnabled(idle and reply and status != HIDDEN)
        self.unhide_button.setEnabled(idle and status == HIDDEN)
        self.mute_button.setEnabled(idle and status not in (MUTED, BLOCKED))
        self.block_button.setEnabled(idle and status not in (BLOCK_PENDING, BLOCKED))
        self.report_button.setEnabled(idle)
        self.reviewed_button.setEnabled(idle and status in (NEW, BLOCK_PENDING))
        self.delete_button.setEnabled(idle and reply)
        self.incident_button.setEnabled(item is not None)
        self.refresh_button.setEnabled(not self._working)

    def show_message(self, text: str, ok: bool | None = None) -> None:
        show_marked(self.message, text, ok)

    # -- fetching ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Fetch new replies on a worker, then settle any blocks X now shows.

        Cancel stops after the page being read: that page is assessed and kept (it is
        already on this computer), and only the check of X's blocked list is skipped.
        """
        if self._working:
            return
        self._fetching = token = TaskToken()
        self._set_working(True)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.show_message(self.tr("Fetching new replies and mentions…"))
        ops = self._ops

        def work() -> FetchResult:
            return ops.fetch(lambda done, total: token.report(done, total),
                             lambda: token.cancelled)

        self._tasks.run(work, self._fetched, self._failed, progress=self._progressed,
                        cancel=token, owner=self)

    def cancel_refresh(self) -> None:
        self._fetching.cancel()
        self.cancel_button.setEnabled(False)
        self.show_message(self.tr("Stopping after the current page…"))

    def _progressed(self, done: int, total: int, _message: str) -> None:
        """The task runner's progress, on the UI thread: announced for the bar (and tests)."""
        self.progress.emit(done, total)

    def _show_progress(self, done: int, total: int) -> None:
        show_progress(self.progress_bar, done, total,
                      self.tr("Checked {done} of {total}").format(done=done, total=total))

    def _end_progress(self) -> None:
        self.cancel_button.hide()
        self.progress_bar.hide()

    def _fetched(self, fetched: FetchResult) -> None:
        self._set_working(False)
        self._end_progress()
        result = fetched.result
        if result.new:
            text = self.tr("Replies and mentions fetched: {fetched}, new: {new}. Needing you: "
                           "{needs}.").format(fetched=result.fetched, new=result.new,
                                              needs=result.needs_someone)
        else:
            text = self.tr("No new replies. Needing you: {needs}.").format(
                needs=result.needs_someone)
        if fetched.confirmed:
            text += " " + self.tr("Block confirmed on X for {handles}.").format(
                handles=", ".join(f"@{handle}" for handle in fetched.confirmed))
        if fetched.stopped:
            text += " " + self.tr("Stopped: pending blocks were not checked this time; press "
                                  "Refresh to check them.")
        elif result.maybe_missed:
            text += " " + self.tr("So many replies arrived since the last check that X did "
                                  "not give the oldest of them: look through the replies on "
                                  "X itself for anything older than the oldest here.")
        self.show_message(text, ok=True)
        self.status.emit(text)
        self.reload()

    def _failed(self, error: Exception) -> None:
        self._set_working(False)
        self._end_progress()
        self.show_message(explain(error), ok=False)
        self.reload()

    def _set_working(self, working: bool) -> None:
        self._working = working
        self._update_buttons(self.selected())

    # -- decisions ---------------------------------------------------------------------
    def _session(self) -> Session:
        """Who is acting now, asked at every decision (a sign-out may have come between)."""
        return session_of(self._services)

    def _decide(self, run: Callable[[Session, StoredMention, str], object], done: str) -> None:
        """Run one operation on a worker with who and why; then show the inbox again."""
        item = self.selected()
        if item is None or self._working:
            self.show_message(self.tr("Choose a reply in the list first."))
            return
        why = reason_or_ask(self.reason_box, self.show_message)
        if not why:
            return
        session = self._session()
        self._set_working(True)
        self._tasks.run(lambda: run(session, item, why),
                        lambda _result: self._decided(item.post_id, done), self._failed)

    def _decided(self, post_id: str, done: str) -> None:
        """Dealt with: on to the next reply, with the keyboard in the list (J and K, or the
        arrows, move on; the buttons act on the reply now chosen)."""
        self._set_working(False)
        self.reason_box.setCurrentIndex(-1)
        self.reason_box.setEditText("")
        self.show_message(done, ok=True)
        self.status.emit(done)
        after = self._next_of(post_id)
        self.reload(keep=after or post_id)
        self.table.setFocus()

    def _next_of(self, post_id: str) -> str | None:
        """The reply below this one in the list (or above it, at the end): the next to
        look at once this one is dealt with."""
        items = self.model.items
        row = self.model.row_of(post_id)
        if row < 0 or len(items) < 2:
            return None
        return items[row + 1].post_id if row + 1 < len(items) else items[row - 1].post_id

    def hide_reply(self) -> None:
        ops = self._ops
        self._decide(lambda session, item, why: ops.hide(session, item.post_id, why),
                     self.tr("Reply hidden. Anyone can still open it from the hidden replies "
                             "link."))

    def unhide_reply(self) -> None:
        ops = self._ops
        self._decide(lambda session, item, why: ops.unhide(session, item.post_id, why),
                     self.tr("Reply shown again."))

    def mute_author(self) -> None:
        ops = self._ops
        self._decide(lambda session, item, why: ops.mute_author(session, item.post_id, why),
                     self.tr("Author muted: their posts no longer reach the account's "
                             "notifications."))

    def mark_reviewed(self) -> None:
        ops = self._ops
        if not typed_reason(self.reason_box):
            self.reason_box.setEditText(self.tr("Looked at: no action needed"))
        self._decide(lambda session, item, why: ops.mark_reviewed(session, item.post_id, why),
                     self.tr("Marked as reviewed."))

    def delete_our_post(self) -> None:
        item = self.selected()
        if item is None or item.in_reply_to_post_id is None:
            return
        if not reason_or_ask(self.reason_box, self.show_message):
            return
        if not self.confirm(self.tr("Delete the school's post?"),
                            self.tr("This deletes the school's own post that this reply "
                                    "answered, with its likes. Replies to it stay on X. It "
                                    "cannot be undone.")):
            return
        ops, target = self._ops, item.in_reply_to_post_id
        self._decide(lambda session, _item, why: ops.delete_answered_post(session, target, why),
                     self.tr("The school's post was deleted."))

    # -- block and report: hand-offs to x.com --------------------------------------------
    def block_author(self) -> None:
        item = self.selected()
        if item is None or self._working:
            return
        why = reason_or_ask(self.reason_box, self.show_message)
        if not why:
            return
        ops, session = self._ops, self._session()
        self._set_working(True)
        self._tasks.run(lambda: ops.block_author(session, item.post_id, why),
                        lambda handoff: self._hand_off(item.post_id, handoff), self._failed)

    def _hand_off(self, post_id: str, handoff: HandOff) -> None:
        self._set_working(False)
        practice = practice_gateway(self._services) is not None
        if not practice:
            self._open_url(handoff.url)
        self.handoff_panel.show_handoff(handoff, practice)
        if handoff.action == "block":
            self.show_message(self.tr("Block on @{handle} is pending until X's blocked list "
                                      "shows it.").format(handle=handoff.handle))
        self.reload(keep=post_id)

    def practise_block(self) -> None:
        """Practice account only: play the head's click on x.com, then confirm as usual."""
        sandbox, handoff = practice_gateway(self._services), self.handoff_panel.handoff
        if sandbox is None or handoff is None:
            return
        ops = self._ops
        self._checking_blocks()

        def work() -> list[str]:
            sandbox.complete_handoff(handoff)
            return ops.confirm_blocks()

        self._tasks.run(work, self._blocks_checked, self._failed)

    def check_blocks(self) -> None:
        if self._working:
            return
        self._checking_blocks()
        self._tasks.run(self._ops.confirm_blocks, self._blocks_checked, self._failed)

    def _checking_blocks(self) -> None:
        """Reading the blocked list can take a while on a big account: show that it runs."""
        self._set_working(True)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.show_message(self.tr("Checking the account's blocked list on X…"))

    def _blocks_checked(self, confirmed: list[str]) -> None:
        self._set_working(False)
        self._end_progress()
        handoff = self.handoff_panel.handoff
        if confirmed:
            self.show_message(self.tr("Block confirmed on X for {handles}.").format(
                handles=", ".join(f"@{handle}" for handle in confirmed)), ok=True)
            if handoff is not None and handoff.handle in confirmed:
                self.handoff_panel.hide()
        elif handoff is not None:
            self.show_message(self.tr("X's blocked list does not show @{handle} yet. Block "
                                      "them on x.com, then check again.").format(
                handle=handoff.handle), ok=False)
        else:
            self.show_message(self.tr("No blocks are waiting for X to confirm them."))
        self.reload()

    def report_reply(self) -> None:
        item = self.selected()
        if item is None or self._working:
            return
        why = reason_or_ask(self.reason_box, self.show_message)
        if not why:
            return
        ops, session = self._ops, self._session()
        self._set_working(True)
        self._tasks.run(lambda: ops.report_handoff(session, item.post_id, why),
                        lambda handoff: self._report_handed_off(item.post_id, why, handoff),
                        self._failed)

    def _report_handed_off(self, post_id: str, why: str, handoff: HandOff) -> None:
        self._set_working(False)
        self._report_for = (post_id, why)
        practice = practice_gateway(self._services) is not None
        if not practice:
            self._open_url(handoff.url)
        self.handoff_panel.show_handoff(handoff, practice)
        self.show_message(self.tr("When you have reported it on x.com, press “I have reported "
                                  "it” so the app records what you reported and why."))

    def record_report(self) -> None:
        """The person says they reported it on x.com: record what and why, with their name."""
        if self._report_for is None or self._working:
            return
        post_id, why = self._report_for
        ops, session = self._ops, self._session()
        self._report_for = None
        self.handoff_panel.hide()
        self._set_working(True)
        self._tasks.run(lambda: ops.record_report(session, post_id, why),
                        lambda _r: self._decided(post_id, self.tr("Report recorded.")),
                        self._failed)

    # -- the incident pack ---------------------------------------------------------------
    def start_incident(self) -> IncidentDialog | None:
        """Capture the evidence now (before anything can change) and build the form."""
        item = self.selected()
        if item is None:
            self.show_message(self.tr("Choose the reply the incident is about first."))
            return None
        evidence = capture_evidence(item, render_reply_png(item), self._session().actor,
                                    self._ops.kind, datetime.now(UTC))
        return IncidentDialog(evidence, suggested_action_text(item), self._open_url,
                              self._save_incident_from_dialog, self)

    def open_incident_pack(self) -> None:
        dialog = self.start_incident()
        if dialog is not None:
            self.show_incident_dialog(dialog)

    def _save_incident_from_dialog(self, dialog: IncidentDialog) -> None:
        path = self.choose_incident_path(suggested_file_name(dialog.evidence))
        if path is not None:
            self.save_incident(dialog, path)

    def save_incident(self, dialog: IncidentDialog, path: Path) -> None:
        """Write the pack on a worker; the operation records it in the audit log."""
        session = self._session()
        report, ops = dialog.report(session.actor), self._ops

        def done(written: Path) -> None:
            dialog.accept()
            self.show_message(self.tr("Incident pack saved to {path}. Give it to the head "
                                      "teacher and keep it with the school's safeguarding "
                                      "records.").format(path=written), ok=True)

        def failed(error: Exception) -> None:
            dialog.message.setText(marked_message(self.tr(
                "The pack could not be saved: {error}. Choose another folder (for example "
                "Documents) and press Save again.").format(error=error), ok=False))

        self._tasks.run(lambda: ops.save_incident_pack(session, report, path), done, failed)

    # -- the governors' report ----------------------------------------------------------
    def report_period(self) -> ReportPeriod:
        start, end = self.report_from.date().toPython(), self.report_to.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return ReportPeriod(start, end)

    def make_governors_report(self) -> None:
        try:
            period = self.report_period()
        except ValueError as error:
            self.show_message(str(error), ok=False)
            return
        folder = self.choose_report_folder()
        if folder is not None:
            self.write_governors_report(period, folder)

    def write_governors_report(self, period: ReportPeriod, folder: Path) -> None:
        """Gather and write on a worker (it asks X for the posts); the PDF is drawn here."""
        ops, session = self._ops, self._session()
        self.report_button_make.setEnabled(False)
        self.report_progress.show()
        self.show_message(self.tr("Making the governors' report…"))
        self._tasks.run(lambda: ops.make_governors_report(session, period, folder),
                        self._report_written, self._report_failed)

    def _report_written(self, result: tuple[GovernorsReport, list[Path]]) -> None:
        report, paths = result
        self.report_button_make.setEnabled(True)
        self.report_progress.hide()
        pdf = paths[0].with_suffix(".pdf")
        try:
            print_html_to_pdf(render_report_html(report), pdf)
        except OSError as error:
            names = ", ".join(path.name for path in paths)
            self.show_message(self.tr("Governors' report saved in {folder}: {names}. The PDF "
                                      "could not be written ({error}): open the web page and "
                                      "print it to PDF instead.").format(
                folder=paths[0].parent, names=names, error=error), ok=False)
            self.last_report_files = paths
            return
        paths.append(pdf)
        names = ", ".join(path.name for path in paths)
        self.show_message(self.tr("Governors' report saved in {folder}: {names}.").format(
            folder=paths[0].parent, names=names), ok=True)
        self.last_report_files = paths

    def _report_failed(self, error: Exception) -> None:
        self.report_button_make.setEnabled(True)
        self.report_progress.hide()
        self.show_message(explain(error), ok=False)

    # -- questions (tests replace these attributes) ----------------------------------------
    def _ask_yes_no(self, title: str, question: str) -> bool:
        """Qt's own Yes and No come from Qt's translations, which have no Welsh."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, title, question, buttons.Yes | buttons.No,
                          self)
        box.button(buttons.Yes).setText(self.tr("Yes"))
        box.button(buttons.No).setText(self.tr("No"))
        box.exec()
        return box.standardButton(box.clickedButton()) == buttons.Yes

    def _ask_incident_path(self, suggested: str) -> Path | None:
        folder = self._services.data_dir / "incidents"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the incident pack"),
                                              str(folder / suggested),
                                              self.tr("Web page (*.html)"))
        return Path(path) if path else None

    def _ask_report_folder(self) -> Path | None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where to save the governors' report"), str(Path.home()))
        return Path(folder) if folder else None


def print_html_to_pdf(page: str, path: Path) -> Path:
    """Qt lays the report's HTML out on A4 pages; works without a screen."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle(path.stem)
    writer.setCreator("St Peter's Desk")
    document = QTextDocument()
    document.setHtml(page)
    document.print_(writer)
    del writer  # finishes the file
    if not path.exists():
        raise OSError(f"Qt did not write {path}")
    return path
