"""The app's own status marks: small icons drawn for the app, always with words beside them.

Emoji such as ⛔ and 🚨 were used as status marks, and on a computer without a colour-emoji
font (a Linux kiosk) they showed as empty boxes: "□ Safeguarding: □ Hide suggested"
(issue 17). The marks are now SVG files in ``resources/icons/status/`` (drawn for this app,
no third-party artwork), shown as a table cell's or list item's icon. The words stay in
the cell, so colour or shape is never the only sign.

Tables ask through ``RowsTableModel.icon``; tabs call ``status_icon(level)`` with one of
``LEVELS``. Emoji written in tweets are the tweet's own text and stay text: the app needs
a colour-emoji font where posts are shown (see the README's system packages).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from stpeters_desk.core.paths import resources_dir

if TYPE_CHECKING:  # imported where used: the tables import this on the start-up path
    from PySide6.QtGui import QIcon

OK, WARN, BLOCK, SAFEGUARDING = "ok", "warn", "block", "safeguarding"
LEVELS = (OK, WARN, BLOCK, SAFEGUARDING)

# The moderation levels and the follower risk levels, as status marks.
MODERATION_LEVELS = {"ok": OK, "review": WARN, "hide": BLOCK}


def status_icon_path(level: str) -> str:
    return (resources_dir() / "icons" / "status" / f"{level}.svg").as_posix()


@cache
def status_icon(level: str) -> QIcon:
    """The mark for ``level`` (one of ``LEVELS``); an empty icon for anything else."""
    from PySide6.QtGui import QIcon

    if level not in LEVELS:
        return QIcon()
    return QIcon(status_icon_path(level))


def moderation_icon(level: str, safeguarding: bool = False) -> QIcon:
    """A reply's mark: safeguarding above all, else its suggestion (hide, review, OK)."""
    return status_icon(SAFEGUARDING if safeguarding else MODERATION_LEVELS.get(level, ""))
