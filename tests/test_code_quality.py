"""The project's own checks run as part of the suite: ruff, mypy and the import contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_ruff_is_clean() -> None:
    result = run(sys.executable, "-m", "ruff", "check", "stpeters_desk", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_is_clean() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_import_contracts_hold() -> None:
    """core never imports Qt or tweepy; the UI never reaches SQLite, keyring or the network."""
    result = run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_core_imports_without_qt() -> None:
    """Like napari's Qt-free CI job: core and the gateway load in a process with Qt blocked."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'tweepy'):\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import stpeters_desk.core.outbox, stpeters_desk.core.services\n"
        "import stpeters_desk.core.tweet_text, stpeters_desk.x.sandbox\n"
        "print('ok')\n"
    )
    result = run(sys.executable, "-c", code)
    assert result.stdout.strip() == "ok", result.stderr
