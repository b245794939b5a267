"""A made-up language in which every translatable text is wrapped in ⟪ ⟫.

Built from the code with Qt's own lupdate and lrelease, so a text that shows on screen
without the marks never went through Qt's translation (issue 8).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
OPEN, CLOSE = "⟪", "⟫"


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the venv running the tests."""
    beside_python = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(beside_python) if beside_python.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        pytest.fail(f"pyside6-{name} is missing: it ships with PySide6-Essentials")
    return found


def extract_texts(sources: list[str], ts: Path) -> None:
    """Qt's lupdate over `sources` (paths relative to the repository) into `ts`."""
    subprocess.run([qt_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def pseudo_translation(sources: list[str], folder: Path) -> Path:
    """The compiled made-up language for the texts in `sources`: a .qm file in `folder`."""
    ts, qm = folder / "pseudo.ts", folder / "pseudo.qm"
    extract_texts(sources, ts)
    tree = ElementTree.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        translation.text = f"{OPEN}{message.findtext('source')}{CLOSE}"
        translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([qt_tool("lrelease"), str(ts), "-qm", str(qm)], check=True,
                   capture_output=True)
    return qm


def all_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "stpeters_desk").rglob("*.py"))
