"""The change feed's news on the UI thread (issue 18: several computers).

``FeedBridge`` re-emits the feed's callbacks, which run on the feed's own thread, as Qt
signals: ``changed(frozenset[str])`` with the areas another computer (or this window)
changed, and ``reachable(bool)`` when the school's database server goes away or comes
back. Connected to widgets on the UI thread the signals are queued, so the slots run
there. Without a feed (SQLite) a refresh every ``FALLBACK_MS`` stands in for it, only
when the database's change marker moved (another window on the same data folder
committed); with a feed the same refresh runs too (a lost notification costs at most
that long).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from stpeters_desk.ops.changes import ALL_AREAS, FOLLOWERS, Change, ChangeFeed

FALLBACK_MS = 30_000
# The refresh reads the lists that are cheap to read again; the followers (up to 100,000
# rows) wait for a real change.
FALLBACK_AREAS = ALL_AREAS - {FOLLOWERS}


class FeedBridge(QObject):
    changed = Signal(object)  # frozenset[str]
    reachable = Signal(bool)

    def __init__(self, feed: ChangeFeed | None, parent: QObject | None = None,
                 fallback_ms: int = FALLBACK_MS,
                 marker: Callable[[], int | None] | None = None,
                 own_origin: str | None = None) -> None:
        super().__init__(parent)
        self.feed = feed
        self._own_origin = own_origin  # this window's own changes: it shows them already
        self._marker = marker
        self._last_marker: int | None = None
        self._fallback = QTimer(self)
        self._fallback.setInterval(fallback_ms)
        self._fallback.timeout.connect(self.refresh_if_changed)
        if feed is not None:
            feed.subscribe(self._heard)
            feed.on_reachability(self.reachable.emit)

    def refresh_if_changed(self) -> None:
        """The fallback: the lists again, unless the marker says nothing was committed."""
        try:
            marker = self._marker() if self._marker is not None else None
        except Exception:  # the server is away: the feed says so; nothing to read now
            return
        if marker is not None and marker == self._last_marker:
            return
        self._last_marker = marker
        self.changed.emit(FALLBACK_AREAS)

    def start(self) -> None:
        """Listen (in the background: the window does not wait for the server)."""
        if self._marker is not None:
            try:
                self._last_marker = self._marker()
            except Exception:
                self._last_marker = None
        self._fallback.start()
        if self.feed is not None:
            self.feed.start(wait=0)

    def stop(self) -> None:
        self._fallback.stop()
        if self.feed is not None:
            self.feed.stop()

    def _heard(self, change: Change) -> None:  # on the feed's thread
        if self._own_origin is not None and change.origin == self._own_origin:
            return
        self.changed.emit(change.areas)
