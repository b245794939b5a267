"""Turning problems into words for the person at the screen, in the language chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from stpeters_desk.x.errors import XError

if TYPE_CHECKING:  # imported where used: this module is on the start-up path
    from PySide6.QtWidgets import QDialogButtonBox

    from stpeters_desk.core.names import NameFinding


MARKS = ("✔", "⚠", "✖")  # a tab message's sign of success or a problem


def marked_message(text: str, ok: bool | None) -> str:
    """A tab's message with a mark for success or a problem, so colour is not the only sign;
    a message that already carries a mark keeps just that one."""
    if ok is None or not text or text.startswith(MARKS):
        return text
    return ("✔ " if ok else "⚠ ") + text


def name_findings_text(findings: list[NameFinding]) -> str:
    """One line per word that may name a pupil, marked by how sure the guard is.

    Shared by the tweet box and the photo description, which the guard checks alike.
    """
    return "\n".join(
        ("✖ " if f.level == "block" else "⚠ ")
        + QCoreApplication.translate("ComposerTab", "“{word}”: {reason}").format(
            word=f.word, reason=f.reason)
        for f in findings)


def worst_name_level(findings: list[NameFinding], problem: str = "") -> str:
    """The style state of a findings label: "block", "warn" or "" (nothing found)."""
    if problem or any(f.level == "block" for f in findings):
        return "block"
    return "warn" if findings else ""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks English text kept in a table for Qt's lupdate, which finds calls by this name.

    The text is translated where it is shown, with ``QCoreApplication.translate(context,
    text)``. Qt's own marker is typed as returning ``object``; this one keeps ``str``.
    """
    del context  # only lupdate reads it
    return text


def name_standard_buttons(box: QDialogButtonBox) -> None:
    """Give a button box's OK, Cancel and Close the app's own words.

    Qt words these buttons from its own translations, which have no Welsh; the app's
    follow the language chosen in Settings. Call it before giving a button other words.
    """
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox.StandardButton
    texts = {
        buttons.Ok: QCoreApplication.translate("Buttons", "OK"),
        buttons.Cancel: QCoreApplication.translate("Buttons", "Cancel"),
        buttons.Close: QCoreApplication.translate("Buttons", "Close"),
    }
    for which, text in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)


def describe_error(error: Exception) -> str:
    if isinstance(error, XError):
        return error.user_text()
    return QCoreApplication.translate(
        "Messages", "Something went wrong: {error}. Nothing has been lost; try again.").format(
            error=error)
