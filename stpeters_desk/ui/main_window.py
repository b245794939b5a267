"""The main window: the account bar, one tab per job, and a status bar.

When staff accounts exist, the window opens on the sign-in screen and goes
back to it when someone locks it or, in kiosk mode, after a few idle
minutes; nothing typed is lost because drafts are saved as they are typed.
Which tabs appear depends on what the signed-in person's role may do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stpeters_desk import APP_NAME, __version__
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.account_bar import AccountBar
from stpeters_desk.ui.first_frame import after_next_paint
from stpeters_desk.ui.messages import describe_error
from stpeters_desk.ui.tasks import TaskRunner
from stpeters_desk.x.kinds import SANDBOX

OUTBOX_RETRY_INTERVAL_MS = 30_000
INVARIANTS_INTERVAL_MS = 60 * 60_000
FIRST_RETRY_DELAY_MS = 2_000
TAB_KEY_PROPERTY = "tabKey"  # each tab page's English name, the key for lookups
STATUS_MS = 10_000  # how long a status message stays
TOUCH_TARGET = 44  # px: the smallest a finger can hit reliably (kiosk mode)
IDLE_BUILD_DELAY_MS = 2_000  # after sign-in, the tabs not yet opened are built one by one
IDLE_BUILD_STEP_MS = 100  # between two of them, so typing is never held up for long
CHANGES_SETTLE_MS = 150  # a burst of changes from other computers is read once

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from stpeters_desk.core.invariants import InvariantProblem
    from stpeters_desk.core.roles import Permission
    from stpeters_desk.core.staff import StaffMember
    from stpeters_desk.ui.change_feed import FeedBridge
    from stpeters_desk.ui.composer_tab import ComposerTab
    from stpeters_desk.ui.idle import IdleWatcher
    from stpeters_desk.ui.security_dialogs import HeadPinAsker
    from stpeters_desk.ui.sign_in import SignInPanel
    from stpeters_desk.x.models import Account


def open_url(url: str) -> None:
    """Hand-offs to x.com open in the person's usual browser."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl(url))


def _in_chosen_language(notice: str) -> str:
    """A start-up notice, made before the translator was loaded, in the chosen language."""
    for context in ("Startup", "Keystore"):
        shown = QCoreApplication.translate(context, notice)
        if shown != notice:
            return shown
    return notice


def _escaped(text: str) -> str:
    """Plain text made safe inside rich text (html.escape's module costs the first frame a
    few milliseconds for its table of entities)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _fetch_replies(tab: QWidget) -> None:
    from stpeters_desk.ui.moderation_tab import ModerationTab

    if isinstance(tab, ModerationTab):
        tab.refresh()


def _sync_followers(tab: QWidget) -> None:
    from stpeters_desk.ui.followers_tab import FollowersTab

    if isinstance(tab, FollowersTab):
        tab.sync()


class MainWindow(QMainWindow):
    def __init__(self, services: DeskServices, tasks: TaskRunner, *, kiosk: bool = False,
                 head_pin_asker: HeadPinAsker | None = None, preview: bool = False) -> None:
        super().__init__()
        self.preview = preview  # --screenshot: drawn for a role, nobody is really signed in
        self._services = services
        self._tasks = tasks
        self.kiosk = kiosk
        self.ask_head_pin: HeadPinAsker = head_pin_asker or self._ask_head_pin_in_dialog
        self._closing_allowed = not kiosk
        self.setWindowTitle(f"{APP_NAME} {__version__}")
        self.resize(1180, 760)
        self.account_bar = AccountBar(sandbox=services.gateway.kind == SANDBOX)
        self.banner = QLabel()
        self.banner.setObjectName("ReviewBanner")
        self._banner_one_line()
        self.banner.hide()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("MainTabs")
        self.tabs.setDocumentMode(True)
        self._fetch_on_first_view: dict[QWidget, Callable[[], None]] = {}
        self._held_status: dict[QWidget, str] = {}  # a tab's last word, said while hidden
        self.tabs.currentChanged.connect(self._tab_shown)
        self._idle_build_timer = QTimer(self)
        self._idle_build_timer.setSingleShot(True)
        self._idle_build_timer.timeout.connect(self._build_one_when_idle)
        work = QWidget()
        layout = QVBoxLayout(work)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.account_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(work)
        self.offline_banner = QLabel(self.tr(
            "⚠ The school's database server cannot be reached: nothing is posted, approved "
            "or recorded until it is back. Your typing is kept on this computer."))
        self.offline_banner.setObjectName("OfflineBanner")
        self._one_line(self.offline_banner)
        self.offline_banner.hide()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.offline_banner)  # above the sign-in screen too
        outer.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._pending_areas: set[str] = set()
        self._offline = False
        self.feed_bridge: FeedBridge | None = None  # once the window is drawn
        after_next_paint(self, self._watch_other_computers)
        self.signed_in_label = QLabel(self.tr("Signed in: {name}").format(
            name=services.signed_in))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Go back to the sign-in screen; drafts are kept"))
        self.lock_button.clicked.connect(self.lock)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        # F1 is bound at sign-in: binding a key builds Qt's enum namespace, which would
        # cost the sign-in screen tens of milliseconds at every start.
        self._help_action = help_menu.addAction(self.tr("&Help for this tab"), self.show_help)
        self._help_key_bound = False
        help_menu.addAction(self.tr("Take the &tour"), self.take_tour)
        help_menu.addAction(self.tr("&About St Peter's Desk"), self.show_about)
        self.statusBar().addPermanentWidget(self.signed_in_label)
        self.statusBar().addPermanentWidget(self.lock_button)
        self._composer: ComposerTab | None = None
        self._tab_keys_added = False
        self._sign_in_panel: SignInPanel | None = None  # built when first shown
        self.idle_watcher: IdleWatcher | None = None
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(OUTBOX_RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.send_due)
        self._retry_timer.start()
        self._invariants_timer = QTimer(self)
        self._invariants_timer.setInterval(INVARIANTS_INTERVAL_MS)
        self._invariants_timer.timeout.connect(self.check_invariants)
        self._invariants_timer.start()
        if services.notice:
            self.show_status(_in_chosen_language(services.notice))
        if services.staff is None:
            self.lock_button.hide()
            self._bind_help_key()
            self._open_work()
            return
        if self._services.member is None:
            self.lock()
            QTimer.singleShot(FIRST_RETRY_DELAY_MS, self, self.send_due)  # locked: the
            # outbox still goes out
        else:  # signed in by the set-up wizard: the sign-in screen waits for the first lock
            self.signed_in(self._services.member)

    @property
    def composer(self) -> ComposerTab:
        """The Compose tab, built when first needed (after sign-in) to open faster."""
        if self._composer is None:
            from stpeters_desk.ui.composer_tab import ComposerTab

            self._composer = ComposerTab(self._services, self._tasks, self._tab_stack())
            self._add_tab(self._composer, "Compose", index=0)
            self._describe_tab_keys()
            self._composer.status.connect(self.show_status)
            self._composer.posted.connect(self.refresh_account)
        return self._composer

    def _bind_help_key(self) -> None:
        if not self._help_key_bound:
            from PySide6.QtGui import QKeySequence

            # A list: setShortcut would build Qt's enum namespace before the first frame.
            self._help_action.setShortcuts([QKeySequence("F1")])
            self._help_key_bound = True

    def show_help(self) -> None:
        from stpeters_desk.ui.help_dialog import HelpDialog

        index = self.tabs.currentIndex()
        tab = self._tab_key(index) if index >= 0 else "Compose"
        self.help_dialog = HelpDialog(tab, self)
        self.help_dialog.open()

    def take_tour(self) -> None:
        from stpeters_desk.ui.guided_tour import start_tour

        start_tour(self)

    def show_about(self) -> None:
        from stpeters_desk.ui.about_dialog import AboutDialog

        AboutDialog(self, data_dir=self._services.data_dir).exec()

    def _ask_head_pin_in_dialog(self, action: str) -> str | None:
        """The normal way to ask for the head-teacher PIN: a modal dialog."""
        if self._services.staff is None:
            return None
        from stpeters_desk.ui.security_dialogs import dialog_head_pin_asker

        return dialog_head_pin_asker(self._services, self._tasks, self)(action)

    def _open_work(self) -> None:
        """First look at the account: counts, recent tweets, anything waiting to be sent."""
        first_time = self._composer is None
        composer = self.composer
        send = first_time and not self.preview  # a --screenshot never sends the outbox
        if self.preview:  # a --screenshot draws what was read
            self._read_the_account(send_outbox=send)
        else:  # its workers start once the tab is drawn, so that reading the account (and
            # loading its data classes) does not hold Python's lock while a person waits
            # for the first picture of the tab
            after_next_paint(self.tabs.currentWidget() or self,
                             lambda: self._read_the_account(send_outbox=send))
        if first_time:
            # Shortly after the first frame: at sign-in its worker would compete with
            # drawing the window (the check asks X three questions).
            QTimer.singleShot(FIRST_RETRY_DELAY_MS, self, self.check_invariants)
        else:
            composer.restore_draft()  # this person's own draft, never the last person's

    def _read_the_account(self, *, send_outbox: bool) -> None:
        """At every sign-in the next person sees the account as it is; at the first, what
        waits in the outbox goes out (afterwards the 30-second timer sends it)."""
        composer = self.composer
        self.refresh_account()
        composer.refresh_posts()
        if send_outbox:
            composer.send_due()

    def send_due(self) -> None:
        """Every 30 s, signed in or not: scheduled tweets whose time has come join the
        outbox, and tweets waiting in the outbox are retried."""
        if self.preview:  # a --screenshot never sends the outbox
            return
        from stpeters_desk.ops.changes import is_unreachable

        try:
            self._send_due()
        except Exception as exc:
            if not is_unreachable(exc):
                raise
            # the school's server is away: the banner says so; nothing goes out meanwhile

    def _send_due(self) -> None:
        paused = self._services.outbox.paused_by
        self.account_bar.show_outbox_paused(paused.user_text() if paused is not None else "")
        self._release_scheduled()
        if self._composer is not None:
            self._composer.send_due()
            return
        from stpeters_desk.ops.posting import Posting

        posting = Posting(self._services)  # the outbox audits each post in its queuer's name
        if posting.waiting():
            self._tasks.run(posting.send_due, lambda _results: None, lambda _error: None)

    def _release_scheduled(self) -> None:
        queue = self._services.approvals
        if queue is None:
            return
        try:
            released = queue.release_due()
        except Exception as exc:  # a database hiccup must not stop the outbox timer
            self.show_status(self.tr("Scheduled tweets could not be checked: {error}").format(
                error=exc))
            return
        if released:
            self.show_status(self.tr("{count} scheduled tweet(s) are on their way.").format(
                count=len(released)))

    def focus_start(self) -> None:
        """Where typing goes first: the PIN when locked, else the tweet."""
        panel = self._sign_in_panel
        if panel is not None and self.pages.currentWidget() is panel:
            panel.pin_pad.field.setFocus()
        elif self._composer is not None:
            self._composer.editor.setFocus()

    # -- signing in and locking -----------------------------------------------------
    @property
    def sign_in_panel(self) -> SignInPanel | None:
        """The sign-in screen (None without staff accounts). Built when first needed: a
        window that opens signed in, as after the set-up wizard, builds it at the first
        lock, so the head's first tab does not wait for it."""
        if self._sign_in_panel is None and self._services.staff is not None:
            from stpeters_desk.ops.sign_in import SignInDesk
            from stpeters_desk.ui.sign_in import SignInPanel

            panel = SignInPanel(SignInDesk(self._services.staff), self._tasks)
            panel.signed_in.connect(self.signed_in)
            panel.recovery_requested.connect(self.recover_head_pin)
            self.pages.addWidget(panel)
            self._sign_in_panel = panel
        return self._sign_in_panel

    def lock(self) -> None:
        panel = self.sign_in_panel
        if panel is None:
            return
        if self.isVisible():  # a window not yet shown has no dialog open
            self._close_open_dialogs()
        self._idle_build_timer.stop()
        if self._composer is not None:
            self._composer.put_away()  # kept for this person; the next one sees their own
        if self._services.member is not None:  # at start nobody is: nothing to record
            from stpeters_desk.ops.context import session_of
            from stpeters_desk.ops.staff import StaffOperations

            StaffOperations(self._services).lock(session_of(self._services))
        self._services.member = None
        self._services.signed_in = ""
        panel.reload()
        self.pages.setCurrentWidget(panel)
        self.statusBar().hide()

    def _close_open_dialogs(self) -> None:
        """A dialog left open must not show one person's half-done work to the next: each
        is closed as if cancelled (what it holds that matters, such as a note sending a
        tweet back, is kept for its writer as it is typed)."""
        from PySide6.QtWidgets import QDialog

        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def signed_in(self, member: StaffMember) -> None:
        self._bind_help_key()
        self._follow_the_computers_colours()
        self._services.sign_in(member)
        self.signed_in_label.setText(self.tr("Signed in: {name}").format(name=member.name))
        self._open_work()
        self._build_tabs_for(member)
        self.pages.setCurrentIndex(0)
        self.statusBar().show()
        self._show_review_banner()
        if self.kiosk:
            self.use_touch_sizes()  # the new tabs' tables too
        if self.kiosk and not self.isFullScreen():  # new tabs must not drop the kiosk out
            self.showFullScreen()
        if self.kiosk and self.idle_watcher is None:
            from stpeters_desk.core.settings_registry import KIOSK_IDLE_MINUTES
            from stpeters_desk.ops.settings import read_setting
            from stpeters_desk.ui.idle import IdleWatcher

            self.idle_watcher = IdleWatcher(read_setting(self._services, KIOSK_IDLE_MINUTES),
                                            self.lock, self)
        self._offer_tour(member)

    def _offer_tour(self, member: StaffMember) -> None:
        """The guided tour, once per person, after their first sign-in. Its module is loaded
        only when it is offered: it names Qt's enums, slow to build before the first frame."""
        from stpeters_desk.core.settings_registry import tour_seen
        from stpeters_desk.ops.settings import read_setting

        if self.preview or read_setting(self._services, tour_seen(member.staff_id)):
            return
        from stpeters_desk.ui.guided_tour import offer_tour

        offer_tour(self, self._services, member)

    @staticmethod
    def _follow_the_computers_colours() -> None:
        """The "system" theme follows the computer switching between light and dark, for
        everyone who signs in. Connected at sign-in: it uses Qt's enum namespace, whose
        first use would delay the sign-in screen."""
        from stpeters_desk.ui.styling import follow_os_colour_scheme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            follow_os_colour_scheme(app)

    def recover_head_pin(self) -> None:
        from stpeters_desk.ui.security_dialogs import RecoveryDialog

        assert self._services.staff is not None
        RecoveryDialog(self._services, self._tasks, self).exec()
        if self._sign_in_panel is not None:
            self._sign_in_panel.reload()

    def _build_tabs_for(self, member: StaffMember) -> None:
        """Compose for everyone; Staff, Audit and Settings only for roles that need them.

        Only Compose, the tab shown first, is built now: every other tab is a ``LazyTab``
        built when it is first opened or when the window is next idle, so the person
        starts work as soon as the PIN is accepted.
        """
        from stpeters_desk.core.roles import Permission

        self._fetch_on_first_view.clear()
        self._held_status.clear()
        self._idle_build_timer.stop()
        self.tabs.setCurrentIndex(0)  # removing the others then never shows (builds) one
        while self.tabs.count() > 1:
            widget = self.tabs.widget(1)
            self.tabs.removeTab(1)
            if widget is not None:
                widget.deleteLater()
        staff = self._services.staff
        assert staff is not None
        allowed = (staff.role_permissions()[member.role] if self.preview
                   else staff.permissions(member))
        self.composer.set_permissions(allowed)
        if self._services.has_approvals and allowed & {
                Permission.POST, Permission.SUBMIT, Permission.APPROVE}:
            self._add_lazy_tab("Approvals", "ApprovalsTab", self._approvals_tab)
        if allowed & {Permission.POST, Permission.SUBMIT}:
            self._add_lazy_tab("Photos", "PhotosTab", self._photos_tab, index=1)
        self._add_moderation_tabs(allowed)
        if Permission.MANAGE_STAFF in allowed:
            self._add_lazy_tab("Staff", "StaffTab", self._staff_tab)
        if Permission.VIEW_AUDIT in allowed:
            self._add_lazy_tab("Audit", "AuditTab", self._audit_tab)
        self._add_lazy_tab("Settings", "SettingsTab", self._settings_tab)
        self._add_lazy_tab("Policy", "PolicyTab", self._policy_tab)
        self._describe_tab_keys()
        if not self._tab_keys_added:
            self._add_tab_keys()
        self._idle_build_timer.start(IDLE_BUILD_DELAY_MS)

    # -- building each tab (on first view or when idle) ------------------------------
    def _approvals_tab(self) -> QWidget:
        from stpeters_desk.ui.approvals_tab import ApprovalsTab

        assert self._services.approvals is not None
        approvals = ApprovalsTab(self._services, self._tasks, queue=self._services.approvals,
                                 preflight=lambda report: self.composer.confirm_preflight(
                                     report),
                                 following_count=lambda: self.composer.following_count,
                                 auto_release=False)
        approvals.released.connect(lambda _count: self.composer.send_due())
        approvals.status.connect(self.show_status)
        self.composer.posted.connect(approvals.reload)
        return approvals

    def _photos_tab(self) -> QWidget:
        from stpeters_desk.ui.photos_tab import PhotosTab

        photos = PhotosTab(self._services, self._tasks, self._services.photo_library())
        photos.status.connect(self.show_status)
        photos.ready_changed.connect(self.composer.photos_changed)
        self.composer.photos_used.connect(photos.refresh)
        return photos

    def _staff_tab(self) -> QWidget:
        from stpeters_desk.ui.staff_tab import StaffTab

        return StaffTab(self._services, self._tasks, self.ask_head_pin)

    def _audit_tab(self) -> QWidget:
        from stpeters_desk.ops.audit import AuditLogOperations
        from stpeters_desk.ops.context import gate_of, session_of
        from stpeters_desk.ui.audit_tab import AuditTab

        services = self._services
        operations = AuditLogOperations(services.audit, gate_of(services))
        return AuditTab(operations, lambda: session_of(services), self._tasks)

    def _settings_tab(self) -> QWidget:
        from stpeters_desk.ui.settings_tab import SettingsTab

        return SettingsTab(self._services, self._tasks, self.ask_head_pin,
                           self.connect_x_account,
                           roster_changed=self.composer.reload_name_guard)

    def _policy_tab(self) -> QWidget:
        from stpeters_desk.ui.policy_tab import PolicyTab

        return PolicyTab(self._services)

    def _add_lazy_tab(self, key: str, content_name: str, build: Callable[[], QWidget],
                      index: int = -1, first_view: Callable[[QWidget], None] | None = None
                      ) -> None:
        """A tab whose content is built on first view (or when idle); ``first_view`` runs
        the first time the tab is opened, after its content is built."""
        from stpeters_desk.ui.lazy_tab import LazyTab

        page = LazyTab(content_name, build, self._tab_built)
        self._add_tab(page, key, index)
        if first_view is not None:
            self._fetch_on_first_view[page] = lambda: first_view(page.build())

    def _tab_built(self, content: QWidget) -> None:
        """A tab just built follows the window's mode: large rows in kiosk mode."""
        if self.kiosk:
            from PySide6.QtWidgets import QTableView

            for table in content.findChildren(QTableView):
                header = table.verticalHeader()  # two-line rows stay two lines
                header.setDefaultSectionSize(max(header.defaultSectionSize(), TOUCH_TARGET))

    def _build_one_when_idle(self) -> None:
        """Build the next tab not yet built, one at a time so the window stays responsive."""
        from stpeters_desk.ui.lazy_tab import LazyTab

        if self.pages.currentIndex() != 0:  # locked: the next person gets their own tabs
            return
        waiting = [page for page in map(self.tabs.widget, range(self.tabs.count()))
                   if isinstance(page, LazyTab) and not page.is_built]
        if waiting:
            waiting[0].build()
        if len(waiting) > 1:
            self._idle_build_timer.start(IDLE_BUILD_STEP_MS)

    def build_all_tabs(self) -> None:
        """Build every tab now (what the idle time does bit by bit)."""
        for index in range(self.tabs.count()):
            self.tab_content(index)

    def tab_content(self, index: int) -> QWidget | None:
        """What tab ``index`` shows, built now if it was not yet."""
        from stpeters_desk.ui.lazy_tab import content_of

        return content_of(self.tabs.widget(index))

    def current_page(self) -> QWidget | None:
        """The content of the tab in front (built, since it is shown)."""
        return self.tab_content(self.tabs.currentIndex())

    def tab_page(self, name: str) -> QWidget | None:
        """The content of the tab with this English name, built now if needed; None if this
        person has no such tab."""
        names = self.tab_names()
        return self.tab_content(names.index(name)) if name in names else None

    def _add_tab_keys(self) -> None:
        """Ctrl+1 to Ctrl+9 open the tabs in order, for people who work from the keyboard.

        Added at the first sign-in, not in the constructor: the first frame comes sooner,
        and before anyone signs in there is only one tab to go to.
        """
        self._tab_keys_added = True
        from PySide6.QtGui import QKeySequence, QShortcut

        for number in range(1, 10):  # in the window's context, QShortcut's default
            QShortcut(QKeySequence(f"Ctrl+{number}"), self,
                      lambda index=number - 1: self._open_tab_by_number(index))

    def _open_tab_by_number(self, index: int) -> None:
        if self.pages.currentIndex() == 0 and index < self.tabs.count():
            self.tabs.setCurrentIndex(index)

    def _describe_tab_keys(self) -> None:
        for index in range(min(self.tabs.count(), 9)):
            self.tabs.setTabToolTip(index, self.tr("{tab} (Ctrl+{number})").format(
                tab=self.tabs.tabText(index), number=index + 1))

    def _tab_shown(self, index: int) -> None:
        """A tab is built the first time it is shown; replies and followers are fetched from
        X the first time their tab is opened.

        The status bar speaks for the tab in front: another tab's message goes, and
        this tab's own, said while it was hidden, is shown now."""
        widget = self.tabs.widget(index)
        self.tab_content(index)
        self.statusBar().clearMessage()
        held = self._held_status.pop(widget, "") if widget is not None else ""
        if held:
            self.statusBar().showMessage(held, STATUS_MS)
        fetch = self._fetch_on_first_view.pop(widget, None) if widget is not None else None
        if fetch is not None:
            fetch()

    def _add_moderation_tabs(self, allowed: frozenset[Permission]) -> None:
        """Replies for those who moderate, followers for those who watch them (the policy:
        the head teacher and the e-safety leader)."""
        from stpeters_desk.core.roles import Permission

        if Permission.MODERATE in allowed:
            self._add_lazy_tab("Moderation", "ModerationTab", self._moderation_tab,
                               first_view=_fetch_replies)
        if Permission.MANAGE_FOLLOWERS in allowed:
            self._add_lazy_tab("Followers", "FollowersTab", self._followers_tab,
                               first_view=_sync_followers)

    def _moderation_tab(self) -> QWidget:
        from stpeters_desk.ops.moderation import moderation_ops
        from stpeters_desk.ui.moderation_tab import ModerationTab

        services = self._services
        moderation = ModerationTab(services, self._tasks, moderation_ops(services), open_url)
        moderation.status.connect(self.show_status)
        return moderation

    def _followers_tab(self) -> QWidget:
        from stpeters_desk.ops.followers import follower_ops
        from stpeters_desk.ui.followers_tab import FollowersTab

        services = self._services
        followers = FollowersTab(services, self._tasks, follower_ops(services), open_url,
                                 self.ask_head_pin)
        followers.status.connect(self.show_status)
        return followers

    @staticmethod
    def _one_line(banner: QLabel) -> None:
        """A banner is one line: a long translation is cut at the window's edge, never
        widening the window (the whole text is its tooltip)."""
        from PySide6.QtWidgets import QSizePolicy

        banner.setWordWrap(False)
        banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        banner.setToolTip(banner.text())

    def _banner_one_line(self) -> None:
        """The policy banner is one line; its link opens the setting."""
        self._one_line(self.banner)
        self.banner.setOpenExternalLinks(False)
        self.banner.linkActivated.connect(lambda _link: self.open_policy_setting())

    def _show_review_banner(self) -> None:
        """For whoever may record the policy's dates: on a fresh install, a request for the
        date the governors adopted it (never a claim that it is overdue); later, a review
        that is near or overdue. One line, with a link to the setting."""
        from stpeters_desk.core.policy_review import review_status
        from stpeters_desk.ops.actions import ACTIONS, Action

        member, staff = self._services.member, self._services.staff
        status = review_status(self._services.settings)
        permission = ACTIONS[Action.POLICY_DATES].permission
        may_set = False
        if member is not None and staff is not None:
            allowed = (staff.role_permissions()[member.role] if self.preview
                       else staff.permissions(member))
            may_set = permission is None or permission in allowed
        if not may_set or not status.headline:
            self.banner.hide()
            return
        link = (self.tr("Record the new adoption date") if status.date_set
                else self.tr("Open the setting"))
        self.banner.ensurePolished()
        colour = self.banner.palette().color(self.banner.foregroundRole()).name()
        self.banner.setText(
            f'⚠ {_escaped(status.headline)} <a href="policy-dates" style="color: {colour}">'
            f"{_escaped(link)}</a>")
        self.banner.setToolTip(status.message)
        self.banner.show()

    # -- other computers (issue 18) --------------------------------------------------
    def _watch_other_computers(self) -> None:
        """On a shared server, what another computer changes shows here within a moment,
        and a banner says when the server cannot be reached; every 30 s the lists are
        read again whatever the server says (the only refresh on SQLite). Started once
        the window is drawn: the first picture does not wait for it, and what another
        computer changed meanwhile is in what the window reads after that picture."""
        from stpeters_desk.ops.changes import change_feed_of, change_marker_of, origin_of
        from stpeters_desk.ui.change_feed import FeedBridge

        self._changes_timer = QTimer(self)
        self._changes_timer.setSingleShot(True)
        self._changes_timer.setInterval(CHANGES_SETTLE_MS)
        self._changes_timer.timeout.connect(self.apply_changes)
        bridge = FeedBridge(None if self.preview else change_feed_of(self._services), self,
                            marker=change_marker_of(self._services),
                            own_origin=origin_of(self._services))
        self.feed_bridge = bridge
        bridge.changed.connect(self.areas_changed)
        bridge.reachable.connect(self.server_reachable)
        if not self.preview:
            bridge.start()
        feed = bridge.feed
        if feed is not None:  # a window dropped without closing must not leave it running
            self.destroyed.connect(lambda *_: feed.stop())

    def areas_changed(self, areas: object) -> None:
        """Another computer (or this one) changed these areas: read them once things settle."""
        if isinstance(areas, (set, frozenset)):
            self._pending_areas.update(str(area) for area in areas)
            self._changes_timer.start()

    def apply_changes(self) -> None:
        """Read again the built tabs showing a changed area, keeping what is selected and
        typed; tabs not built yet read everything when they are."""
        from stpeters_desk.ops import changes
        from stpeters_desk.ui.lazy_tab import LazyTab

        areas, self._pending_areas = frozenset(self._pending_areas), set()
        if self.pages.currentIndex() != 0 or self._composer is None:
            return  # locked: the next person's tabs are built afresh at sign-in
        readers: dict[str, tuple[frozenset[str], str]] = {
            "ApprovalsTab": (frozenset({changes.APPROVALS, changes.OUTBOX}), "reload"),
            "ModerationTab": (frozenset({changes.MODERATION}), "reload"),
            "FollowersTab": (frozenset({changes.FOLLOWERS}), "reload_stored"),
            "StaffTab": (frozenset({changes.STAFF}), "reload_keeping_choice"),
        }
        try:
            if changes.OUTBOX in areas:
                self._composer.refresh_outbox()
            if changes.ROSTER in areas:  # imported again, or retired when a computer went
                self._composer.reload_name_guard()
            for index in range(self.tabs.count()):
                page = self.tabs.widget(index)
                content = page.content if isinstance(page, LazyTab) else page
                reader = readers.get(type(content).__name__)
                if content is not None and reader is not None and areas & reader[0]:
                    getattr(content, reader[1])()
            if changes.SETTINGS in areas:
                self._show_review_banner()
        except Exception as exc:  # the server away: the feed's banner says so as well
            self.show_status(describe_error(exc))

    def server_reachable(self, reachable: bool) -> None:
        """The banner while the server is away; when it is back, the typing kept on this
        computer goes back into the person's draft and every list is read again."""
        was_offline, self._offline = self._offline, not reachable
        self.offline_banner.setVisible(not reachable)
        if reachable and was_offline:
            from stpeters_desk.ops.changes import ALL_AREAS

            if self._composer is not None:
                self._composer.server_back()
            self.areas_changed(ALL_AREAS)

    def refresh_policy_banner(self) -> None:
        """Settings calls this once the policy's dates are kept."""
        self._show_review_banner()

    def open_policy_setting(self) -> None:
        """The banner's link: Settings, at the policy's dates."""
        if not self.select_tab("Settings"):
            return
        show_section = getattr(self.current_page(), "show_section", None)
        if callable(show_section):
            show_section("policy")

    def connect_x_account(self) -> None:
        """The keys are typed first; the head's PIN is asked when they are checked."""
        from stpeters_desk.ui.connect_x_dialog import ConnectXDialog

        ConnectXDialog(self._services, self._tasks, self.ask_head_pin, self).exec()

    def check_invariants(self) -> None:
        """On start and every hour: the account follows no one and cannot send DMs."""
        from stpeters_desk.ops.account import AccountCheck

        check = AccountCheck(self._services.gateway, self._services.audit)
        self._tasks.run(check.run, self._invariants_checked,
                        lambda _error: None)  # offline: the account bar already says so

    def _invariants_checked(self, problems: list[InvariantProblem]) -> None:
        self.account_bar.show_problems([p.message for p in problems])

    # -- the account -------------------------------------------------------------------
    def show_status(self, message: str) -> None:
        """A message in the status bar. From a tab (its ``status`` signal), it belongs to that
        tab: said while another tab is in front, it waits until its own tab is shown."""
        page = self._page_of(self.sender())
        if page is not None and page is not self.tabs.currentWidget():
            self._held_status[page] = message
            return
        self.statusBar().showMessage(message, STATUS_MS)

    def _page_of(self, sender: object) -> QWidget | None:
        """The tab page (as the tab bar holds it) that ``sender``, a tab's content, is in."""
        if not isinstance(sender, QWidget):
            return None
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is sender or getattr(page, "content", None) is sender:
                return page
        return None

    def refresh_account(self) -> None:
        gateway = self._services.gateway
        self._tasks.run(gateway.account, self._account_loaded, self._account_failed)

    def _account_loaded(self, account: Account) -> None:
        self.account_bar.show_account(account)
        if self._composer is not None:
            self._composer.following_count = account.following_count

    def _account_failed(self, error: Exception) -> None:
        self.account_bar.show_unavailable(describe_error(error))

    # -- tabs --------------------------------------------------------------------------
    def _tab_stack(self) -> QWidget:
        """Where the tab widget keeps its pages. A page built there from the start takes
        the school's style sheet once; one built elsewhere and then moved in has it
        worked out again for every widget inside it (about 1 % of the head's wait)."""
        from PySide6.QtWidgets import QStackedWidget

        stack = self.tabs.findChild(QStackedWidget)
        return stack if stack is not None else self.tabs

    def _add_tab(self, page: QWidget, key: str, index: int = -1) -> None:
        """Show the tab under its title in the chosen language, but remember its English
        name: ``--tab Photos``, Ctrl+1..9, F1 help and the tests find tabs by that name
        whatever language the school uses."""
        from stpeters_desk.ui.help_dialog import tab_title

        page.setProperty(TAB_KEY_PROPERTY, key)
        self.tabs.insertTab(index, page, tab_title(key))

    def _tab_key(self, index: int) -> str:
        page = self.tabs.widget(index)
        key = page.property(TAB_KEY_PROPERTY) if page is not None else None
        return str(key) if key else self.tabs.tabText(index).replace("&", "")

    def select_tab(self, name: str) -> bool:
        """Open a tab by its English name, or by the title shown in the chosen language."""
        wanted = name.lower()
        for index in range(self.tabs.count()):
            shown = self.tabs.tabText(index).replace("&", "").lower()
            if wanted in (self._tab_key(index).lower(), shown):
                self.tabs.setCurrentIndex(index)
                return True
        return False

    def tab_names(self) -> list[str]:
        """The tabs' English names, in order, whatever language they are shown in."""
        return [self._tab_key(i) for i in range(self.tabs.count())]

    # -- kiosk -------------------------------------------------------------------------
    def enter_kiosk(self) -> None:
        """Full screen without a frame; leaving or closing needs the head-teacher PIN."""
        from PySide6.QtCore import Qt

        self.kiosk = True
        self._closing_allowed = False
        self.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self.use_touch_sizes()
        self.showFullScreen()

    def use_touch_sizes(self) -> None:
        """Every target at least 44 px for fingers: buttons and boxes through the style
        sheet, table rows here (a row's height is not the style sheet's to set)."""
        from PySide6.QtWidgets import QTableView

        self.setProperty("kiosk", True)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # re-read the style sheet: kiosk sizes apply
            app.setStyleSheet(app.styleSheet())
        for table in self.findChildren(QTableView):
            header = table.verticalHeader()  # two-line rows stay two lines
            header.setDefaultSectionSize(max(header.defaultSectionSize(), TOUCH_TARGET))

    def allow_close(self) -> None:
        self._closing_allowed = True

    def _head_allows_closing(self) -> bool:
        """The close-kiosk operation, at once: the window must know before it closes."""
        from stpeters_desk.core.refusals import Refused
        from stpeters_desk.ops.context import session_of
        from stpeters_desk.ops.school import SchoolOperations

        head_pin = self.ask_head_pin(self.tr("close the kiosk"))
        if head_pin is None:
            return False
        try:
            SchoolOperations(self._services).close_kiosk(session_of(self._services), head_pin)
        except Refused as refusal:  # not allowed, or a wrong or locked PIN: stay open
            self.show_status(refusal.message)
            return False
        except Exception as exc:  # the audit entry could not be written: stay open too
            self.show_status(describe_error(exc))
            return False
        return True

    def save_work(self) -> bool:
        """Save the draft; False (the composer says why) if it could not be saved."""
        return self._composer is None or self._composer.save_draft()

    def end_session(self) -> None:
        """Log-out, shut-down or SIGTERM: save and close, without the kiosk's PIN. If the
        draft cannot be saved the window stays, so the text is not lost with it."""
        if not self.save_work():
            return
        self._closing_allowed = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_work():  # a full disk: closing now would lose the text
            self.show_status(self.tr("The draft could not be saved, so the window stays "
                                     "open."))
            event.ignore()
            return
        if not self._closing_allowed and not self._head_allows_closing():
            event.ignore()
            return
        if self.feed_bridge is not None:
            self.feed_bridge.stop()
        super().closeEvent(event)
