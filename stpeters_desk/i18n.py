"""Words shown to staff, in English or Welsh, without core importing Qt.

Messages made in ``core`` (pre-flight results, photo problems, roster errors) reach the
screen through the UI, which installs Qt's translator here at start-up. Each call names
its context and a literal English text so that ``scripts/update-translations`` (Qt's
lupdate) finds it; placeholders are filled after translating, with ``str.format``, so a
Welsh sentence can put them in its own order.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]

DEFAULT_LANGUAGE = "en"  # the source language: nothing to load


def english(context: str, text: str) -> str:
    """The source text itself: for words the database or audit log keeps in English, made
    from the same literal that is shown translated (so lupdate sees it once)."""
    return text


_translator: Translator = english


def translate(context: str, text: str) -> str:
    """The text in the language chosen in Settings (English until the UI installs one)."""
    return _translator(context, text)


def install_translator(translator: Translator | None) -> None:
    """Used by the UI at start-up and by tests; None puts plain English back."""
    global _translator
    _translator = translator or english
