"""The Followers tab: who follows the school, how likely each is not school-focused, and why.

The policy asks the head teacher and the e-safety leader to watch the
followers and block those who do not appear to be school-focused. New
followers since the last review come first, each with a risk score and the
reasons behind it, so a weekly look takes minutes. Decisions (reviewed ok,
watchlist, trusted, block) ask why and go into the audit log.

A popular account can have many thousands of followers, so the table is a
``QAbstractTableModel`` over plain Python rows: sorting and filtering happen
in Python over the list (a ``QSortFilterProxyModel`` would call ``data()``
for every comparison and take close to a minute on 100,000 rows). The table
sorts from the keyboard too (``TableSorting``: Ctrl+Shift and a column number).

Blocking and unblocking are hand-offs to x.com, as X's self-serve API offers
neither. Unblocking needs the head teacher's PIN, as the policy leaves that
decision with the head.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk.core.follower_risk import CHECK_FROM, HIGH_FROM, shown_risk_reason
from stpeters_desk.core.moderation_service import unblock_handoff
from stpeters_desk.core.refusals import Refused
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ops.context import session_of
from stpeters_desk.ops.followers import (
    CONFIRMED,
    PENDING,
    BlockedListCheck,
    FollowerLine,
    FollowerOps,
    PendingUnblock,
    StoredFollower,
    SyncOutcome,
)
from stpeters_desk.ops.session import Session
from stpeters_desk.ui.messages import QT_TRANSLATE_NOOP
from stpeters_desk.ui.moderation_widgets import (
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
from stpeters_desk.ui.status_marks import BLOCK, WARN, status_icon
from stpeters_desk.ui.styling import empty_state_label, scrolls_when_short
from stpeters_desk.ui.table_model import RowsTableModel, SortKey, TableSorting
from stpeters_desk.ui.tasks import TaskCancelled, TaskRunner, TaskToken
from stpeters_desk.x.models import HandOff, UserProfile

HeadPinAsker = Callable[[str], str | None]

CONTEXT = "FollowersTab"  # translation context of the texts marked at import time
# The "Show" box's choices; each item's data is its English name, so a translated
# name never changes what the box selects.
FOLLOWERS = QT_TRANSLATE_NOOP("FollowersTab", "Followers")
BLOCKED_ACCOUNTS = QT_TRANSLATE_NOOP("FollowersTab", "Blocked accounts")
FILTER_DELAY_MS = 200  # filter once typing pauses, not on every key, with 100,000 rows
FIRST_SCREEN = 100  # followers shown first while the rest of a long list is read

COLUMNS = (
    QT_TRANSLATE_NOOP("FollowersTab", "New"),
    QT_TRANSLATE_NOOP("FollowersTab", "Risk"),
    QT_TRANSLATE_NOOP("FollowersTab", "Account"),
    QT_TRANSLATE_NOOP("FollowersTab", "Why"),
    QT_TRANSLATE_NOOP("FollowersTab", "Status"),
)
NEW_COLUMN, RISK_COLUMN, HANDLE_COLUMN, WHY_COLUMN, STATUS_COLUMN = range(5)
ACCOUNT_COLUMN = HANDLE_COLUMN  # the handle, and the name under it
# Five columns fit the list without sideways scrolling at 1180 px, 1366 px and in kiosk
# mode: the why takes what is left and wraps onto a second line. The place, the counts and
# the account's age are in the account's tooltip and in the pane beside the list.
COLUMN_WIDTHS = ((NEW_COLUMN, 50), (RISK_COLUMN, 90), (ACCOUNT_COLUMN, 170),
                 (STATUS_COLUMN, 110))
# The facts about an account shown beside it rather than in columns of their own.
LOCATION = QT_TRANSLATE_NOOP("FollowersTab", "Location")
FOLLOWERS_COUNT = QT_TRANSLATE_NOOP("FollowersTab", "Followers")
FOLLOWING_COUNT = QT_TRANSLATE_NOOP("FollowersTab", "Following")
ACCOUNT_AGE = QT_TRANSLATE_NOOP("FollowersTab", "Account age (days)")
LIST_SHARE = 0.7  # of the tab's width, at first: the rest is the chosen account and buttons
# Offered in the person's language; what they choose (or type) is what the audit log keeps.
REASONS = (
    QT_TRANSLATE_NOOP("FollowersTab", "Known parent, carer or family"),
    QT_TRANSLATE_NOOP("FollowersTab", "Local organisation or school partner"),
    QT_TRANSLATE_NOOP("FollowersTab", "Nothing to do with the school"),
    QT_TRANSLATE_NOOP("FollowersTab", "Spam or bot account"),
    QT_TRANSLATE_NOOP("FollowersTab", "Adult, gambling or crypto content"),
    QT_TRANSLATE_NOOP("FollowersTab", "Hostile to the school or its staff"),
)


class RowWords:
    """The words of the table's cells, worked out once for each value they are made from
    (a reason, a status, a risk score, the day an account was made), not once per row."""

    def __init__(self, today: date) -> None:
        self._today = today
        self._reasons: dict[str, str] = {}
        self._statuses: dict[tuple[str, bool, bool, str], str] = {}
        self._risks: dict[int, str] = {}
        self._ages: dict[str | None, int] = {None: -1, "": -1}

    def reasons(self, stored: str) -> str:
        words = self._reasons.get(stored)
        if words is None:
            words = self._reasons[stored] = "; ".join(
                shown_risk_reason(reason) for reason in stored.split("\n") if reason)
        return words

    def status(self, block: str, trusted: bool, watchlist: bool, reviewed_by: str) -> str:
        key = (block, trusted, watchlist, reviewed_by)
        words = self._statuses.get(key)
        if words is None:
            words = self._statuses[key] = _status_words(*key)
        return words

    def risk(self, score: int) -> str:
        words = self._risks.get(score)
        if words is None:
            words = self._risks[score] = risk_text(score)
        return words

    def age(self, created: str | None) -> int:
        """Whole days from the day the account was made to today; -1 when X did not say."""
        age = self._ages.get(created)
        if age is None:
            assert created is not None
            age = self._ages[created] = (self._today - date.fromisoformat(created[:10])).days
        return age


# Where each column is in a follower line (``FOLLOWER_LINE``, the block status, new).
(_USER_ID, _HANDLE, _NAME, _BIO, _LOCATION, _CREATED, _FOLLOWERS, _FOLLOWING, _RISK,
 _REASONS, _REVIEWED_BY, _WATCHLIST, _TRUSTED, _BLOCK, _NEW) = range(15)


class FollowerRow:
    """One line of the table over the stored values; the words shown (reasons, status,
    what the filter looks in) are worked out when first asked for, so 100,000 rows are
    ready at once and stay small."""

    __slots__ = ("_search", "_status", "line", "new", "rank", "words")

    def __init__(self, rank: int, line: FollowerLine, new: bool, words: RowWords,
                 status: str | None = None, search: str | None = None) -> None:
        self.rank = rank  # position in the store's order: new since the last review first
        self.line = line
        self.new = new
        self.words = words
        self._status = status
        self._search = search

    user_id = property(lambda self: str(self.line[_USER_ID]))
    handle = property(lambda self: str(self.line[_HANDLE]))
    name = property(lambda self: str(self.line[_NAME]))
    location = property(lambda self: str(self.line[_LOCATION]))
    followers = property(lambda self: int(self.line[_FOLLOWERS]))
    following = property(lambda self: int(self.line[_FOLLOWING]))
    risk = property(lambda self: int(self.line[_RISK]))
    watchlist = property(lambda self: bool(self.line[_WATCHLIST]))
    trusted = property(lambda self: bool(self.line[_TRUSTED]))
    block = property(lambda self: str(self.line[_BLOCK]))  # "", PENDING or CONFIRMED

    @property
    def reasons(self) -> str:
        return self.words.reasons(self.line[_REASONS])

    @property
    def age_days(self) -> int:
        return self.words.age(self.line[_CREATED])

    @property
    def status(self) -> str:
        if self._status is None:
            line = self.line
            self._status = self.words.status(line[_BLOCK], bool(line[_TRUSTED]),
                                             bool(line[_WATCHLIST]), line[_REVIEWED_BY] or "")
        return self._status

    @property
    def search(self) -> str:
        """The casefolded text the filter box looks in."""
        if self._search is None:
            line = self.line
            self._search = " ".join((line[_HANDLE], line[_NAME], line[_BIO], line[_LOCATION],
                                     self.reasons, self.status,
                                     self.words.risk(line[_RISK]))).casefold()
        return self._search


def risk_text(score: int) -> str:
    """The band in words as well as the number: colour alone never carries meaning."""
    if score >= HIGH_FROM:
        return QCoreApplication.translate("FollowersTab", "{score} high").format(score=score)
    if score >= CHECK_FROM:
        return QCoreApplication.translate("FollowersTab", "{score} check").format(score=score)
    return QCoreApplication.translate("FollowersTab", "{score} low").format(score=score)


def risk_mark(score: int) -> str:
    """The status mark drawn beside ``risk_text`` (``ui.status_marks``): the app's own icon,
    never an emoji, which shows as an empty box where no colour-emoji font is installed."""
    return BLOCK if score >= HIGH_FROM else WARN if score >= CHECK_FROM else ""


def _created(profile: UserProfile) -> str | None:
    return profile.created_at.isoformat() if profile.created_at else None


def _status_words(block: str, trusted: bool, watchlist: bool, reviewed_by: str) -> str:
    if block == PENDING:
        return QCoreApplication.translate("FollowersTab", "Block pending")
    if block == CONFIRMED:
        return QCoreApplication.translate("FollowersTab", "Blocked")
    marks = []
    if trusted:
        marks.append(QCoreApplication.translate("FollowersTab", "Trusted"))
    if watchlist:
        marks.append(QCoreApplication.translate("FollowersTab", "Watchlist"))
    if reviewed_by:
        marks.append(QCoreApplication.translate("FollowersTab", "Reviewed by {name}").format(
            name=reviewed_by))
    return " · ".join(marks) or QCoreApplication.translate("FollowersTab", "Not reviewed")


def follower_row(follower: StoredFollower, rank: int, new: bool, now: datetime) -> FollowerRow:
    profile = follower.profile
    line = (profile.user_id, profile.handle, profile.name, profile.bio, profile.location,
            _created(profile), profile.followers_count, profile.following_count,
            follower.risk_score, "\n".join(follower.risk_reasons), follower.reviewed_by or "",
            follower.watchlist, follower.trusted, follower.block_status)
    return FollowerRow(rank, line, new, RowWords(now.date()))


def blocked_row(profile: UserProfile, rank: int, now: datetime,
                unblock_pending: bool = False) -> FollowerRow:
    search = " ".join((profile.handle, profile.name, profile.bio, profile.location)).casefold()
    status = (QCoreApplication.translate("FollowersTab", "Unblock pending") if unblock_pending
              else QCoreApplication.translate("FollowersTab", "Blocked"))
    line = (profile.user_id, profile.handle, profile.name, profile.bio, profile.location,
            _created(profile), profile.followers_count, profile.following_count, 0, "", "",
            False, False, CONFIRMED)
    return FollowerRow(rank, line, False, RowWords(now.date()), status, search)


def load_follower_rows(review: FollowerOps, now: datetime | None = None,
                       limit: int = -1) -> list[FollowerRow]:
    """Every current follower as a table row (the first ``limit``; -1: all), in the
    review's order: new ones first.

    The store says of each follower whether it is new since the last finished review
    (those come first). The store gives only the table's columns, as plain tuples;
    each row keeps its tuple and works out its words when first shown or filtered:
    100,000 followers take well under a second.
    """
    words = RowWords((now or datetime.now(UTC)).date())
    return [FollowerRow(rank, line, bool(line[_NEW]), words)
            for rank, line in enumerate(review.lines(limit))]


def blocked_rows(profiles: Sequence[UserProfile], review: FollowerOps,
                 now: datetime | None = None) -> list[FollowerRow]:
    """The account's blocked list as table rows; approved unblocks X has not confirmed say so."""
    now = now or datetime.now(UTC)
    pending = {unblock.user_id for unblock in review.pending_unblocks()}
    return [blocked_row(profile, rank, now, profile.user_id in pending)
            for rank, profile in enumerate(profiles)]


def load_blocked_rows(review: FollowerOps) -> list[FollowerRow]:
    """The account's blocked list as X has it (a network call)."""
    return blocked_rows(review.blocked_accounts(), review)


def _sort_key(column: int) -> SortKey:
    keys: dict[int, Callable[[FollowerRow], Any]] = {
        NEW_COLUMN: lambda row: row.rank,
        RISK_COLUMN: lambda row: row.risk,
        ACCOUNT_COLUMN: lambda row: row.handle.casefold(),
        WHY_COLUMN: lambda row: row.reasons.casefold(),
        STATUS_COLUMN: lambda row: row.status.casefold(),
    }
    return keys[column]


def account_facts(row: FollowerRow) -> str:
    """Where the account says it is, its counts and its age, on one line."""
    def said(label: str, value: str) -> str:
        return f"{QCoreApplication.translate(CONTEXT, label)}: {value}"

    facts = [said(LOCATION, row.location)] if row.location else []
    facts += [said(FOLLOWERS_COUNT, f"{row.followers:,}"),
              said(FOLLOWING_COUNT, f"{row.following:,}")]
    if row.age_days >= 0:
        facts.append(said(ACCOUNT_AGE, f"{row.age_days:,}"))
    return " · ".join(facts)


class FollowersModel(RowsTableModel):
    """Plain rows, sorted and filtered in Python; Qt only asks for the cells it shows."""

    columns = COLUMNS
    context = CONTEXT

    def __init__(self) -> None:
        super().__init__()
        self._filter: tuple[str, ...] = ()

    def cell(self, row: FollowerRow, column: int) -> str:
        return self._cell(row, column)

    def tooltip(self, row: FollowerRow, column: int) -> str | None:
        if column == ACCOUNT_COLUMN:
            return f"{row.name} (@{row.handle})\n{account_facts(row)}"
        if column != WHY_COLUMN:
            return None
        return row.reasons.replace("; ", "\n") or None

    def icon(self, row: FollowerRow, column: int) -> QIcon | None:
        if column != RISK_COLUMN or (row.block == CONFIRMED and not row.reasons):
            return None
        return status_icon(risk_mark(row.risk))

    def sort_key(self, column: int) -> SortKey:
        return _sort_key(column)

    @staticmethod
    def _cell(row: FollowerRow, column: int) -> str:
        if column == NEW_COLUMN:
            return QCoreApplication.translate("FollowersTab", "New") if row.new else ""
        if column == RISK_COLUMN:
            return risk_text(row.risk) if row.block != CONFIRMED or row.reasons else ""
        if column == ACCOUNT_COLUMN:
            handle = row.handle and f"@{row.handle}"
            return f"{handle}\n{row.name}" if row.name else handle
        return row.reasons if column == WHY_COLUMN else row.status

    # -- our own operations --------------------------------------------------------------
    def set_filter(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words == self._filter:
            return
        self.beginResetModel()
        self._filter = words
        self._arrange()
        self.endResetModel()

    def shown_of(self, rows: Sequence[FollowerRow]) -> list[FollowerRow]:
        if not self._filter:
            return list(rows)
        words = self._filter
        return [row for row in rows if all(word in row.search for word in words)]

    def replace(self, new: FollowerRow) -> None:
        """One follower changed (reviewed, watchlisted...): update its line in place."""
        for rows in (self._given, self.rows):
            for number, row in enumerate(rows):
                if row.user_id == new.user_id:
                    new.rank, new.new = row.rank, row.new
                    rows[number] = new
                    break
        row_number = self.row_of(new.user_id)
        if row_number >= 0:
            self.dataChanged.emit(self.index(row_number, 0),
                                  self.index(row_number, len(COLUMNS) - 1))

    def row_of(self, user_id: str) -> int:
        return next((n for n, row in enumerate(self.rows) if row.user_id == user_id), -1)

    @property
    def total(self) -> int:
        return len(self._given)

    def all_rows(self) -> Sequence[FollowerRow]:
        return self._given


SyncCancelled = TaskCancelled  # the person pressed Cancel; pages already read are kept


class FollowersTab(QWidget):
    status = Signal(str)
    progress = Signal(int, int)

    def __init__(self, services: DeskServices, tasks: TaskRunner, review: FollowerOps,
                 open_url: OpenUrl, ask_head_pin: HeadPinAsker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FollowersTab")
        self._services = services
        self._tasks = tasks
        self._review = review
        self._open_url = open_url
        self._ask_head_pin = ask_head_pin
        self._working = False
        self._syncing = TaskToken()  # set by Cancel; the sync's work checks it
        self._sync_waiting = False
        self._build()
        self.progress.connect(self._show_progress)
        self.reload()
        self.remind_pending_unblocks()

    # -- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self._listing())
        splitter.addWidget(self._side())  # short screens: what is read scrolls
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.split = ReadingSplit(splitter, LIST_SHARE, self.reading, self.deciding,
                                  self.decision_grid)
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_row())
        layout.addWidget(splitter, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The list the wider, so the why and its author show in it, unless the account would
        keep too few lines above the decisions (as in kiosk mode): ``ReadingSplit``."""
        super().resizeEvent(event)
        self._titles_whole()
        self.split.apply()

    def _titles_whole(self) -> None:
        """No fixed column narrower than its title in the font now shown ("Newydd" in
        Welsh, larger in kiosk mode): a column someone widened stays as wide."""
        header = self.table.horizontalHeader()
        for column, _width in COLUMN_WIDTHS:
            needed = header.sectionSizeHint(column)
            if header.sectionSize(column) < needed:
                self.table.setColumnWidth(column, needed)

    def _top_row(self) -> QHBoxLayout:
        self.sync_button = QPushButton(self.tr("Sync followers"))
        self.sync_button.setProperty("primary", True)
        self.sync_button.setToolTip(self.tr("Read the whole follower list from X and score "
                                            "newcomers (F5)"))
        self.sync_button.clicked.connect(self.sync)
        # Through the button, so F5 is ignored while a sync is already running.
        sync_key = QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.sync_button.click)
        sync_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop after the current page; what was read is "
                                              "kept"))
        self.cancel_button.clicked.connect(self.cancel_sync)
        self.cancel_button.hide()
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName(self.tr("Reading followers"))
        self.progress_bar.setMaximumWidth(240)
        self.progress_bar.hide()
        self.summary = QLabel()
        self.summary.setObjectName("FollowerSummary")
        self.show_box = QComboBox()
        self.show_box.setAccessibleName(self.tr("Which accounts to show"))
        self.show_box.setToolTip(self.tr("Followers: everyone following the school, scored. "
                                         "Blocked accounts: X's blocked list, to unblock "
                                         "someone"))
        for choice in (FOLLOWERS, BLOCKED_ACCOUNTS):
            self.show_box.addItem(QCoreApplication.translate(CONTEXT, choice), choice)
        self.show_box.currentIndexChanged.connect(lambda _i: self.reload())
        top = QHBoxLayout()
        top.addWidget(self.sync_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.progress_bar)
        top.addWidget(self.summary, 1)
        show_label = QLabel(self.tr("Show"))
        show_label.setBuddy(self.show_box)
        top.addWidget(show_label)
        top.addWidget(self.show_box)
        return top

    def _listing(self) -> QWidget:
        self.filter_box = QLineEdit()
        self.filter_box.setObjectName("FollowerFilter")
        self.filter_box.setAccessibleName(self.tr("Filter followers"))
        self.filter_box.setPlaceholderText(self.tr(
            "Filter: type any words from a handle, name, bio, place or reason, e.g. “crypto” "
            "or “high”"))
        self.filter_box.setToolTip(self.tr("Shows only the accounts with every word you type; "
                                           "clear it to see them all"))
        self.filter_box.setClearButtonEnabled(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.filter_box.textChanged.connect(lambda _text: self._filter_timer.start())
        self.empty_label = empty_state_label()
        # Under the list, beside the account: in the account's pane it took all its room
        # in kiosk mode (issue 17); here the list gives up a few rows.
        self.handoff_panel = HandOffPanel(self._open_url)
        self.handoff_panel.check_button.clicked.connect(self.check_blocked_list)
        self.handoff_panel.practice_button.clicked.connect(self.practise_block)
        listing = QWidget()
        layout = QVBoxLayout(listing)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.empty_label)
        layout.addWidget(self._table(), 1)
        layout.addWidget(self.handoff_panel)
        return listing

    def _table(self) -> QTableView:
        self.model = FollowersModel()
        self.table = QTableView()
        self.table.setObjectName("FollowersTable")
        self.table.setAccessibleName(self.tr("Followers and their risk scores"))
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # the why on two lines, ending in "…" if longer
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            2 * self.table.fontMetrics().lineSpacing() + 12)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(WHY_COLUMN, QHeaderView.ResizeMode.Stretch)
        for column, width in COLUMN_WIDTHS:  # never narrower than its title: _titles_whole
            self.table.setColumnWidth(column, width)
        # Sorts now by the New column: new followers first, in the review's order.
        self.sorting = TableSorting(self.table, self.model, self.tr("New followers first"),
                                    initial=(NEW_COLUMN, Qt.SortOrder.AscendingOrder))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        return self.table

    def _side(self) -> QWidget:
        self.detail = QPlainTextEdit()
        self.detail.setObjectName("FollowerDetail")
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName(self.tr("The chosen account in full"))
        self.reason_box = reason_combo([QCoreApplication.translate(CONTEXT, reason)
                                        for reason in REASONS])
        self.ok_button = action_button(self.tr("Reviewed: OK"), self.mark_ok,
                                      self.tr("Looked at: this account may stay"))
        self.watch_button = action_button(
            self.tr("Watchlist on/off"), self.toggle_watchlist,
            self.tr("Keep an eye on this account: it rises up the list"))
        self.trust_button = action_button(self.tr("Trusted on/off"), self.toggle_trusted,
                                         self.tr("A known parent, carer or local organisation"))
        self.block_button = action_button(
            self.tr("Block…"), self.block,
            self.tr("Opens their page on x.com to block them there; the block shows as "
                    "pending until X's blocked list confirms it"))
        self.block_button.setProperty("destructive", True)
        self.unblock_button = action_button(self.tr("Unblock…"), self.unblock,
                                           self.tr("Needs the head teacher's PIN, then x.com"))
        self.finish_button = action_button(
            self.tr("Finish review"), self.finish_review,
            self.tr("Everyone listed has been looked at: only later followers will show as "
                    "new"))
        self.message = QLabel()
        self.message.setObjectName("TabMessage")
        self.message.setWordWrap(True)
        # What is read scrolls up and down; the reason and the decisions stay in sight below
        # it (in kiosk mode Unblock and Finish review fell below the fold).
        reading = QWidget()
        self.reading = reading
        layout = QVBoxLayout(reading)
        title = QLabel(self.tr("The account"))
        title.setObjectName("SectionTitle")
        layout.addWidget(title)
        layout.addWidget(self.detail, 1)
        self.reading_area = scrolls_when_short(reading)
        self.reading_area.setMinimumHeight(3 * self.detail.fontMetrics().lineSpacing())
        # Three to a row where the pane is wide enough, else two by two (the pane narrow).
        self.decision_grid = button_columns(self.ok_button, self.watch_button,
                                            self.trust_button, self.block_button,
                                            self.unblock_button, self.finish_button)
        side, self.deciding = decisions_below(self.reading_area, layout.contentsMargins(),
                                              self.reason_box, self.decision_grid, self.message)
        return side

    def _blocked_view(self) -> bool:
        return bool(self.show_box.currentData() == BLOCKED_ACCOUNTS)

    def reload_stored(self) -> None:
        """Another computer changed a follower's decision: read the stored list again (the
        blocked list comes from X, which is not asked again for that)."""
        if not self._blocked_view():
            self.reload()

    # -- showing -----------------------------------------------------------------------
    def reload(self) -> None:
        """Followers come from the database; the blocked list comes from X (a worker either way)."""
        if self._working:
            return
        self._set_working(True)
        if self._blocked_view():
            review = self._review
            self._busy()
            self.summary.setText(self.tr("Reading the account's blocked list from X…"))
            self._tasks.run(lambda: load_blocked_rows(review), self._rows_loaded, self._failed)
            return
        review, token = self._review, TaskToken()

        def work() -> list[FollowerRow]:
            """The first screen at once, then everyone (a big account has 100,000)."""
            first = load_follower_rows(review, limit=FIRST_SCREEN)
            if len(first) < FIRST_SCREEN:
                return first
            token.hand_over(first)
            return load_follower_rows(review)

        self._tasks.run(work, self._rows_loaded, self._failed, cancel=token, owner=self,
                        on_item=self._first_screen_loaded)

    def _first_screen_loaded(self, rows: object) -> None:
        """The first screen of a long list, to look at while the rest is read; the summary
        waits for the whole list."""
        if not isinstance(rows, list) or self.model.total:
            return
        self.model.set_rows(rows)
        self.empty_label.hide()
        self.table.show()
        self.summary.setText(self.tr("Reading the rest of the followers…"))

    def _rows_loaded(self, rows: list[FollowerRow]) -> None:
        self._set_working(False)
        self._end_progress()
        keep = self._selected_id()
        self.model.set_rows(rows)
        self._show_summary()
        if keep is None or not self.select(keep):
            self._selection_changed()

    def _show_summary(self) -> None:
        rows = self.model.all_rows()
        shown = len(self.model.rows)
        if self._blocked_view():
            self.summary.setText(self.tr("Blocked accounts: {count}").format(
                count=f"{len(rows):,}"))
            empty = self.tr("X's blocked list for the account is empty. Accounts you block "
                            "from the Followers list appear here once X confirms the block.")
        else:
            new = sum(1 for row in rows if row.new)
            high = sum(1 for row in rows if row.risk >= HIGH_FROM and not row.block)
            self.summary.setText(self.tr("Followers: {total} · New since the last review: "
                                         "{new} · High risk: {high}").format(
                total=f"{len(rows):,}", new=f"{new:,}", high=f"{high:,}"))
            empty = (self.tr("No followers listed yet. Press “Sync followers” to read them "
                             "from X.") if not rows else "")
        if rows and not shown:
            empty = self.tr("No accounts match the filter. Clear the filter box to see them "
                            "all.")
        self.empty_label.setText(empty)
        self.empty_label.setVisible(bool(empty))
        self.table.setVisible(shown > 0)

    def apply_filter(self) -> None:
        """Show only rows with every typed word (runs when typing pauses)."""
        self._filter_timer.stop()
        keep = self._selected_id()
        self.model.set_filter(self.filter_box.text())
        self._show_summary()
        if keep is None or not self.select(keep):
            self._selection_changed()

    def select(self, user_id: str) -> bool:
        row = self.model.row_of(user_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        self._selection_changed()
        return True

    def selected(self) -> FollowerRow | None:
        row: FollowerRow | None = self.model.selected_in(self.table)
        return row

    def _selected_id(self) -> str | None:
        row = self.selected()
        return row.user_id if row else None

    def _selection_changed(self) -> None:
        row = self.selected()
        self._update_buttons(row)
        if row is None:
            self.detail.setPlainText(
                self.tr("Choose an account in the list to see why it scored as it did."))
            return
        self.detail.setPlainText(self._describe(row))

    def _describe(self, row: FollowerRow) -> str:
        lines = [f"{row.name} (@{row.handle})"]
        if not self._blocked_view():
            follower = self._review.get(row.user_id)
            profile = follower.profile
            if profile.bio:
                lines += ["", profile.bio]
            lines += ["", self.tr("How likely it is that this account has nothing to do "
                                  "with the school: {risk}").format(risk=risk_text(row.risk))]
            lines += [f"• {shown_risk_reason(reason)}" for reason in follower.risk_reasons]
            lines.append(self.tr("First seen following {day}").format(
                day=follower.first_seen_at[:10]))
        lines += [account_facts(row), self.tr("Status: {status}").format(status=row.status),
                  f"https://x.com/{row.handle}"]
        return "\n".join(lines)

    def _update_buttons(self, row: FollowerRow | None) -> None:
        idle = not self._working and row is not None
        blocked_view = self._blocked_view()
        follower = idle and not blocked_view
        self.ok_button.setEnabled(follower)
        self.watch_button.setEnabled(follower)
        self.trust_button.setEnabled(follower)
        self.block_button.setEnabled(follower and row is not None and not row.block)
        self.unblock_button.setVisible(blocked_view)
        self.unblock_button.setEnabled(idle and blocked_view)
        self.finish_button.setEnabled(not self._working and not blocked_view)
        self.sync_button.setEnabled(not self._working)

    def show_message(self, text: str, ok: bool | None = None) -> None:
        show_marked(self.message, text, ok)

    def _set_working(self, working: bool) -> None:
        self._working = working
        self._update_buttons(self.selected())
        if not working and self._sync_waiting:
            self._sync_waiting = False
            QTimer.singleShot(0, self, self.sync)

    def _failed(self, error: Exception) -> None:
        self._set_working(False)
        self._end_progress()
        self.show_message(explain(error), ok=False)

    # -- syncing -----------------------------------------------------------------------
    def sync(self) -> None:
        """Read every follower page by page on a worker, with progress and a Cancel button."""
        if self._working:  # e.g. opened while the list is still loading: sync right after
            self._sync_waiting = True
            return
        if self._blocked_view():  # the sync shows followers when it ends; no reload now
            self.show_box.blockSignals(True)
            self.show_box.setCurrentIndex(self.show_box.findData(FOLLOWERS))
            self.show_box.blockSignals(False)
        self._syncing = token = TaskToken()
        self._set_working(True)
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self._busy()
        self.show_message(self.tr("Reading the followers from X…"))
        review, session = self._review, self._session()

        def work() -> tuple[SyncOutcome, list[FollowerRow]]:
            outcome = review.sync(session, lambda done, total: _page_read(token, done, total))
            return outcome, load_follower_rows(review)

        self._tasks.run(work, self._synced, self._sync_failed, progress=self._progressed,
                        cancel=token, owner=self)

    def _progressed(self, done: int, total: int, _message: str) -> None:
        """The task runner's progress, on the UI thread: announced for the bar (and tests)."""
        self.progress.emit(done, total)

    def _show_progress(self, done: int, total: int) -> None:
        show_progress(self.progress_bar, done, total, self.tr("{done} of {total}").format(
            done=f"{done:,}", total=f"{total:,}"))

    def cancel_sync(self) -> None:
        self._syncing.cancel()
        self.cancel_button.setEnabled(False)
        self.show_message(self.tr("Stopping after the current page…"))

    def _busy(self) -> None:
        """A moving bar until the first figures arrive: the wait is never silent."""
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()

    def _end_progress(self) -> None:
        self.cancel_button.hide()
        self.progress_bar.hide()

    def _synced(self, result: tuple[SyncOutcome, list[FollowerRow]]) -> None:
        outcome, rows = result
        synced, confirmed = outcome.result, outcome.confirmed
        self._set_working(False)
        self._end_progress()
        text = self.tr("Followers read: {seen}. New: {new}. No longer following: {gone}.").format(
            seen=f"{synced.seen:,}", new=f"{synced.new:,}", gone=f"{synced.gone:,}")
        if confirmed:
            text += " " + self.tr("Block confirmed on X for {handles}.").format(
                handles=", ".join(f"@{h}" for h in confirmed))
        self.show_message(text, ok=True)
        self.status.emit(text)
        self._rows_loaded(rows)

    def _sync_failed(self, error: Exception) -> None:
        if isinstance(error, SyncCancelled):
            self._set_working(False)
            self._end_progress()
            self.show_message(self.tr("Sync stopped. The followers read so far are saved; "
                                      "nobody is counted as gone until a sync finishes. Press "
                                      "“Sync followers” to read the rest."))
            self.reload()
            return
        self._failed(error)
        self.reload()

    # -- decisions ---------------------------------------------------------------------
    def _session(self) -> Session:
        """Who is acting now, asked at every decision (a sign-out may have come between)."""
        return session_of(self._services)

    def _decide(self, run: Callable[[Session, FollowerRow, str], StoredFollower], done: str,
                default_reason: str = "") -> None:
        row = self.selected()
        if row is None or self._working:
            self.show_message(self.tr("Choose an account in the list first."))
            return
        if default_reason and not typed_reason(self.reason_box):
            self.reason_box.setEditText(default_reason)
        why = reason_or_ask(self.reason_box, self.show_message)
        if not why:
            return
        session = self._session()
        self._set_working(True)

        def work() -> FollowerRow:
            return follower_row(run(session, row, why), row.rank, row.new, datetime.now(UTC))

        self._tasks.run(work, lambda updated: self._decided(updated, done), self._failed)

    def _decided(self, updated: FollowerRow, done: str) -> None:
        self._set_working(False)
        self.reason_box.setCurrentIndex(-1)
        self.reason_box.setEditText("")
        self.model.replace(updated)
        self.show_message(done, ok=True)
        self.status.emit(done)
        self._show_summary()
        self._selection_changed()

    def mark_ok(self) -> None:
        review = self._review
        self._decide(lambda session, row, why: review.mark_ok(session, row.user_id, why),
                     self.tr("Marked as reviewed: this account may stay."),
                     default_reason=self.tr("Looked at: school community"))

    def toggle_watchlist(self) -> None:
        review, row = self._review, self.selected()
        on = row is not None and not row.watchlist
        self._decide(lambda session, r, why: review.set_watchlist(session, r.user_id, on, why),
                     self.tr("Added to the watchlist.") if on
                     else self.tr("Taken off the watchlist."))

    def toggle_trusted(self) -> None:
        review, row = self._review, self.selected()
        on = row is not None and not row.trusted
        self._decide(lambda session, r, why: review.set_trusted(session, r.user_id, on, why),
                     self.tr("Marked as trusted.") if on
                     else self.tr("No longer marked as trusted."))

    def finish_review(self) -> None:
        if self._working:
            return
        review, session = self._review, self._session()
        self._set_working(True)

        def work() -> list[FollowerRow]:
            review.finish_review(session)
            return load_follower_rows(review)

        def done(rows: list[FollowerRow]) -> None:
            self.show_message(self.tr("Review finished: followers from now on will show as "
                                      "new."), ok=True)
            self._rows_loaded(rows)

        self._tasks.run(work, done, self._failed)

    # -- block and unblock: hand-offs to x.com -----------------------------------------
    def block(self) -> None:
        row = self.selected()
        if row is None or self._working:
            return
        why = reason_or_ask(self.reason_box, self.show_message)
        if not why:
            return
        review, session = self._review, self._session()
        self._set_working(True)

        def work() -> tuple[HandOff, FollowerRow]:
            handoff, follower = review.request_block(session, row.user_id, why)
            return handoff, follower_row(follower, row.rank, row.new, datetime.now(UTC))

        self._tasks.run(work, self._block_requested, self._failed)

    def _block_requested(self, result: tuple[HandOff, FollowerRow]) -> None:
        handoff, updated = result
        self._decided(updated, self.tr("Block on @{handle} is pending until X's blocked list "
                                       "shows it.").format(handle=handoff.handle))
        self._hand_off(handoff)

    def _hand_off(self, handoff: HandOff) -> None:
        practice = practice_gateway(self._services) is not None
        if not practice:
            self._open_url(handoff.url)
        self.handoff_panel.show_handoff(handoff, practice)

    def practise_block(self) -> None:
        """Practice account only: play the head's click on x.com, then confirm as usual."""
        sandbox, handoff = practice_gateway(self._services), self.handoff_panel.handoff
        if sandbox is None or handoff is None or self._working:
            return
        self._set_working(True)
        self._tasks.run(lambda: sandbox.complete_handoff(handoff),
                        lambda _done: self._practised(), self._failed)

    def _practised(self) -> None:
        self._set_working(False)
        self.check_blocked_list()

    def check_blocked_list(self) -> None:
        """Confirm pending blocks (and unblocks) against the account's blocked list on X."""
        if self._working:
            return
        review, session = self._review, self._session()
        self._set_working(True)
        self._busy()
        self.show_message(self.tr("Checking the account's blocked list on X…"))
        blocked_view = self._blocked_view()

        def work() -> tuple[list[str], list[FollowerRow]]:
            check: BlockedListCheck = review.check_blocked_list(session)
            rows = (blocked_rows(check.blocked, review) if blocked_view
                    else load_follower_rows(review))
            return check.confirmed, rows

        self._tasks.run(work, self._blocks_checked, self._failed)

    def _blocks_checked(self, result: tuple[list[str], list[FollowerRow]]) -> None:
        confirmed, rows = result
        self._set_working(False)
        handoff = self.handoff_panel.handoff
        if confirmed:
            self.show_message(self.tr("Confirmed on X for {handles}.").format(
                handles=", ".join(f"@{h}" for h in confirmed)), ok=True)
            if handoff is not None and handoff.handle in confirmed:
                self.handoff_panel.hide()
        elif handoff is not None and handoff.action == "unblock":
            self.show_message(self.tr("X's blocked list still shows @{handle}. Finish on x.com, "
                                      "then check again.").format(handle=handoff.handle),
                              ok=False)
        elif handoff is not None:
            self.show_message(self.tr("X's blocked list does not show @{handle}. Finish on "
                                      "x.com, then check again.").format(handle=handoff.handle),
                              ok=False)
        else:
            self.show_message(self.tr("X's blocked list is read: nothing new to confirm."))
        self._rows_loaded(rows)

    def unblock(self) -> None:
        """Everything else first, then the head teacher's PIN (the policy's rule), then the
        hand-off to x.com."""
        row = self.selected()
        if row is None or self._working or not self._blocked_view():
            return
        why = reason_or_ask(self.reason_box, self.show_message)
        if not why:
            return
        review, session = self._review, self._session()
        try:
            review.before_unblock(session, why)
        except Refused as refused:
            self.show_message(refused.message, ok=False)
            return
        head_pin = self._ask_head_pin(self.tr("unblock @{handle}").format(handle=row.handle))
        if head_pin is None:
            self.show_message(self.tr("Not unblocked: the head teacher's PIN was not given."))
            return
        account = UserProfile(row.user_id, row.handle, row.name)
        self._set_working(True)
        self._tasks.run(lambda: review.request_unblock(session, account, why, head_pin),
                        self._unblock_handed_off, self._failed)

    def _unblock_handed_off(self, handoff: HandOff) -> None:
        self._set_working(False)
        self.reason_box.setCurrentIndex(-1)
        self.reason_box.setEditText("")
        self._hand_off(handoff)
        self.show_message(self.tr("Unblocking @{handle} is recorded. Finish it on x.com, then "
                                  "press “Check the blocked list now”.").format(
            handle=handoff.handle))

    def remind_pending_unblocks(self) -> list[PendingUnblock]:
        """Unblocks approved earlier (perhaps by someone else, before a sign-out or a restart)
        that X has not confirmed: show the first one's hand-off and say what is waiting."""
        pending = self._review.pending_unblocks()
        if not pending or not self.handoff_panel.isHidden():
            return pending
        self.handoff_panel.show_handoff(unblock_handoff(pending[0].profile),
                                        practice_gateway(self._services) is not None)
        self.show_message(self.tr("Waiting for X to confirm unblocking {handles}, approved with "
                                  "the head teacher's PIN. Finish it on x.com, then press “Check "
                                  "the blocked list now”.").format(
            handles=", ".join(f"@{unblock.handle}" for unblock in pending)))
        return pending


def _page_read(token: TaskToken, done: int, total: int) -> None:
    """On the worker after each saved page: report, then stop if Cancel was pressed (or the
    tab closed). Stopping here leaves nothing half-written: each page is saved whole."""
    token.report(done, total)
    token.check()
