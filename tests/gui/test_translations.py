"""English and Welsh (issue 8): the Welsh file is complete, current and actually used.

Schools in Wales work bilingually, so a string added to the app without a Welsh
translation is a gap a Welsh-medium school would see. These tests read the
translation source that translators edit (``resources/translations/*.ts``), check
it against the strings in the code (Qt's own lupdate extracts them), check that the
compiled file the app loads is rebuilt from it, and that the window speaks Welsh
when Welsh is chosen.
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stpeters_desk import i18n
from stpeters_desk.core.paths import resources_dir
from stpeters_desk.core.services import DeskServices
from stpeters_desk.ui.translations import install_language, translation_file
from tests.gui.helpers.pseudo_language import ROOT, all_sources, extract_texts, qt_tool
from tests.gui.test_security_ui import school

__all__ = ["school"]  # the fixture, shared with the security tests

WELSH_TS = ROOT / "stpeters_desk" / "resources" / "translations" / "stpeters_desk_cy.ts"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}")


def messages(ts_file: Path) -> dict[tuple[str, str], ElementTree.Element]:
    """(context, English source) -> its <translation> element."""
    found = {}
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = translation
    return found


def test_every_string_in_the_code_is_in_the_welsh_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    extract_texts(all_sources(), fresh)
    in_code = set(messages(fresh))
    in_file = set(messages(WELSH_TS))
    missing = sorted(in_code - in_file)
    assert not missing, (f"{len(missing)} strings are not in {WELSH_TS.name}, e.g. "
                         f"{missing[:5]}: run scripts/update-translations and translate them")
    stale = sorted(in_file - in_code)
    assert not stale, f"no longer in the code: {stale[:5]} (run scripts/update-translations)"


def test_every_string_has_a_welsh_translation_with_the_same_placeholders() -> None:
    unfinished, wrong = [], []
    for (context, source), translation in messages(WELSH_TS).items():
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            unfinished.append((context, source))
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((context, source, text))
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"
    assert not wrong, f"placeholders differ: {wrong[:5]}"


def test_the_compiled_welsh_file_is_built_from_the_source(tmp_path: Path) -> None:
    rebuilt = tmp_path / "cy.qm"
    subprocess.run([qt_tool("lrelease"), "-nounfinished", str(WELSH_TS), "-qm", str(rebuilt)],
                   check=True, capture_output=True)
    shipped = translation_file(resources_dir(), "cy")
    assert shipped.read_bytes() == rebuilt.read_bytes(), (
        "stpeters_desk_cy.qm is out of date: run scripts/update-translations")


@pytest.fixture
def welsh(qapp: object) -> Iterator[None]:
    assert install_language("cy", resources_dir())
    yield
    install_language("en", resources_dir())


def test_core_messages_follow_the_chosen_language(welsh: None) -> None:
    from stpeters_desk.core.roles import Role, role_title

    welsh_for = {key: translation.text for key, translation in messages(WELSH_TS).items()}
    assert role_title(Role.HEAD) == welsh_for[("Roles", "Head teacher")] != "Head teacher"
    english = "Nothing has been lost"
    assert i18n.translate("Nowhere", english) == english  # unknown texts stay as they are


def test_the_window_speaks_welsh_when_welsh_is_chosen(qtbot: QtBot, school: DeskServices,
                                                     welsh: None) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from stpeters_desk.ui.main_window import MainWindow
    from stpeters_desk.ui.tasks import SyncTaskRunner

    window = MainWindow(school, SyncTaskRunner())
    qtbot.addWidget(window)
    shown = {label.text() for label in window.findChildren(QLabel)}
    shown |= {button.text() for button in window.findChildren(QAbstractButton)}
    welsh_for = {source: translation.text or ""
                 for (_, source), translation in messages(WELSH_TS).items()}
    prompt = "Choose your name, then type your PIN."
    assert prompt not in shown
    assert welsh_for[prompt] in shown


def test_an_unknown_language_falls_back_to_english() -> None:
    assert not install_language("xx", resources_dir())
    assert i18n.translate("Anything", "Post") == "Post"


def test_a_start_up_notice_made_before_the_translator_is_shown_in_welsh(
        qtbot: QtBot, school: DeskServices, welsh: None) -> None:
    from stpeters_desk.app import choose_gateway
    from stpeters_desk.core.settings_registry import REAL_ACCOUNT_CONNECTED
    from stpeters_desk.ui.main_window import MainWindow
    from stpeters_desk.ui.tasks import SyncTaskRunner

    install_language("en", resources_dir())  # as at start-up: the notice is made in English
    school.settings.set(REAL_ACCOUNT_CONNECTED.key, "1")
    _gateway, notice = choose_gateway(school.db, school.settings, force_sandbox=False)
    # Keys missing, or (without a keyring on this machine) no keyring at all: either way
    # the practice account, and a notice in English until the window shows it.
    assert "practice" in notice
    assert install_language("cy", resources_dir())
    school.notice = notice
    window = MainWindow(school, SyncTaskRunner())
    qtbot.addWidget(window)
    welsh_for = {source: translation.text for (_, source), translation
                 in messages(WELSH_TS).items()}
    assert window.statusBar().currentMessage() == welsh_for[notice]
