"""English and Welsh: choosing the language and loading Qt's translation of the app.

Schools in Wales work bilingually, so the language is a setting of this computer
(Settings tab), applied at start-up. English is the source language and needs no file;
Welsh comes from ``resources/translations/stpeters_desk_cy.qm``, made by
``scripts/update-translations`` from the ``.ts`` file that translators edit.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from stpeters_desk import i18n
from stpeters_desk.i18n import DEFAULT_LANGUAGE

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "install_language",
           "translation_file"]

LANGUAGES = {"en": "English", "cy": "Cymraeg (Welsh)"}

_installed: list[QTranslator] = []


def translation_file(resources: Path, language: str) -> Path:
    return resources / "translations" / f"stpeters_desk_{language}.qm"


def install_language(language: str, resources: Path) -> bool:
    """Translate from now on into `language`; False (and English) if it cannot be loaded.

    Widgets built before this keep their words, so the app applies the language before
    it builds its window, and Settings says a change takes effect on the next start.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    i18n.install_translator(None)
    QLocale.setDefault(QLocale.system())
    if language == DEFAULT_LANGUAGE or language not in LANGUAGES or app is None:
        return language == DEFAULT_LANGUAGE
    translator = QTranslator(app)
    if not translator.load(str(translation_file(resources, language))):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    i18n.install_translator(QCoreApplication.translate)
    # Qt's own words for days and months (date boxes, calendars) in the same language.
    QLocale.setDefault(QLocale(language))
    return True
