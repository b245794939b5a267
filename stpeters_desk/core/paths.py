"""Where the app keeps its data.

Tests, smoke runs and the benchmark pass ``--data-dir`` or set
``STPETERS_DESK_DATA_DIR`` so they never touch the school's real database.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "STPETERS_DESK_DATA_DIR"
DATABASE_NAME = "stpeters-desk.sqlite3"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The command-line option wins, then the environment, then the platform's data dir."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir("StPetersDesk", appauthor=False, roaming=False))


def resources_dir() -> Path:
    """The app's resources (style, icons, word lists, models, translations).

    They live inside the package (``stpeters_desk/resources``), so an installed
    wheel has them wherever it is installed; a frozen bundle keeps them in its
    own ``resources`` folder.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
