"""Wiring and the command line: ``stpeters-desk`` and ``python -m stpeters_desk``.

Start-up is kept light on purpose: tweepy, keyring and other heavy modules
load only when they are needed, so the window appears quickly on the old
office PC.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stpeters_desk import APP_NAME, __version__
from stpeters_desk.core.paths import DATABASE_NAME, resolve_data_dir, resources_dir
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.settings_registry import KIOSK_MODE, REAL_ACCOUNT_CONNECTED, read
from stpeters_desk.core.storage.db import (
    Database,
    DatabaseError,
    database_url,
    open_database,
    redact_url,
)
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.i18n import translate
from stpeters_desk.x.gateway import XGateway

if TYPE_CHECKING:
    from stpeters_desk.core.integrity import IntegrityGuard
    from stpeters_desk.core.names import NameGuard

SUBCOMMANDS = ("audit", "photos")

# The tabs' English names, as ``--tab`` takes them (ui/help_dialog.py's TAB_TITLES; a test
# keeps the two the same). Listed here so ``--help`` needs no Qt.
TAB_NAMES = ("Compose", "Photos", "Approvals", "Moderation", "Followers", "Staff", "Audit",
             "Settings", "Policy")

HELP_EPILOG = f"""\
tabs for --tab (the ones a role sees):
  {", ".join(TAB_NAMES)}

commands (no window):
  stpeters-desk photos ...   prepare photos from the command line: cover faces, remove
                             location and camera details (stpeters-desk photos --help)
  stpeters-desk audit ...    check or export the audit log (stpeters-desk audit --help)

On Linux the window needs a display (an X server or Wayland). --screenshot works
without one.
"""

EXIT_WHEN_SHOWN_ENV = "STPETERS_DESK_EXIT_WHEN_SHOWN"  # benchmarks/startup.py only


@dataclass(frozen=True)
class Options:
    data_dir: str | None = None
    database: str | None = None
    sandbox: bool = False
    reset_sandbox: bool = False
    screenshot: str | None = None
    tab: str | None = None
    kiosk: bool = False
    exit_when_shown: bool = False


def parse_args(argv: Sequence[str] | None) -> Options:
    """The command line; a plain start (no arguments) skips argparse to open faster."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        return Options(exit_when_shown=os.environ.get(EXIT_WHEN_SHOWN_ENV) == "1")
    import argparse

    parser = argparse.ArgumentParser(
        prog="stpeters-desk",
        description=f"{APP_NAME}: run the school's X account safely.",
        epilog=HELP_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep everything here instead of the usual places: the "
                             "database, this computer's identity and its set-up notes "
                             "(also STPETERS_DESK_DATA_DIR)")
    parser.add_argument("--database", metavar="postgresql://…",
                        help="the school's shared PostgreSQL server instead of this "
                             "computer's own database (also STPETERS_DESK_DATABASE)")
    parser.add_argument("--sandbox", action="store_true",
                        help="use the practice account even if the real one is connected")
    parser.add_argument("--reset-sandbox", action="store_true",
                        help="wipe the practice account and invent it afresh")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window to a PNG file and exit (it draws a copy "
                             "of the data: nothing is written to the data folder)")
    parser.add_argument("--tab", metavar="NAME",
                        help="with --screenshot: the tab to show, by its English name (see "
                             "the list below)")
    parser.add_argument("--kiosk", action="store_true",
                        help="full screen for the staffroom; locks when idle")
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parsed = parser.parse_args(argv)
    return Options(data_dir=parsed.data_dir, database=parsed.database, sandbox=parsed.sandbox,
                   reset_sandbox=parsed.reset_sandbox, screenshot=parsed.screenshot,
                   tab=parsed.tab, kiosk=parsed.kiosk, exit_when_shown=parsed.exit_when_shown)


def choose_gateway(db: Database, settings: SettingsStore, force_sandbox: bool
                   ) -> tuple[XGateway, str]:
    """The real account when it is connected and its keys are in the keyring, else the sandbox."""
    from stpeters_desk.x.sandbox import SandboxGateway

    if force_sandbox or not read(settings, REAL_ACCOUNT_CONNECTED):
        return SandboxGateway(db), ""
    from stpeters_desk.x.credentials import KeyringUnavailable, load_credentials

    try:
        credentials = load_credentials()
    except KeyringUnavailable as exc:
        return SandboxGateway(db), str(exc)
    if credentials is None:
        # English here (the translator loads with the window); shown translated by the window.
        return SandboxGateway(db), translate(
            "Startup", "The X account's keys are missing from this computer's keyring; using "
                       "the practice account. Ask the head teacher to reconnect X.")
    from stpeters_desk.core.storage.usage_store import UsageStore
    from stpeters_desk.core.x_usage import ReadBudget
    from stpeters_desk.x.models import REAL
    from stpeters_desk.x.tweepy_gateway import TweepyGateway

    meter = ReadBudget(UsageStore(db), settings, REAL)
    return TweepyGateway(credentials, meter), ""


def build_services(args: Options) -> DeskServices:
    """Open the database and attach its integrity guard; raises ``DatabaseError`` to refuse.

    Seeding the practice account and re-queueing interrupted sends happen first:
    neither touches the audit log or the sealed security state. From the moment
    the guard is attached every change waits for its check, which reads the
    keyring (slow to load) and so runs after the window is shown.
    """
    from stpeters_desk.core.integrity import IntegrityGuard

    refuse_shared_database(args.database)
    data_dir = resolve_data_dir(args.data_dir)
    db = open_database(data_dir)
    try:
        if args.screenshot:  # drawn from a copy: nothing it triggers is written to the data
            _refuse_unless_sound(IntegrityGuard(db, read_only=not args.reset_sandbox))
            if args.reset_sandbox:  # asked for: done to the data folder itself
                from stpeters_desk.x.sandbox import SandboxGateway

                SandboxGateway(db).reset()
            db = _private_copy(db)
        settings = SettingsStore(db)
        gateway, notice = choose_gateway(db, settings, args.sandbox)
        services = DeskServices.for_school(db, gateway, data_dir, notice=notice)
        if not args.screenshot:  # the copy is thrown away: it needs no guard
            services.integrity = IntegrityGuard(db)
        if args.reset_sandbox and services.integrity is not None:
            from stpeters_desk.x.sandbox import SandboxGateway

            _refuse_unless_sound(services.integrity)
            (gateway if isinstance(gateway, SandboxGateway) else SandboxGateway(db)).reset()
    except BaseException:
        db.close()
        raise
    return services


def _private_copy(db: Database) -> Database:
    """The database copied to a temporary folder (removed at exit), for --screenshot.

    Opening a tab can write: the Followers tab syncs the followers, the account check
    records a broken promise, the composer saves its draft. A screenshot must leave the
    data it draws as it was, so everything it does happens to this copy.
    """
    import atexit
    import shutil
    import sqlite3
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp(prefix="stpeters-desk-screenshot-"))
    atexit.register(shutil.rmtree, folder, True)
    target = sqlite3.connect(folder / DATABASE_NAME)
    try:
        db.reader().backup(target)
    finally:
        target.close()
        db.close()
    return open_database(folder)


def keep_computer_files_in(data_dir: str) -> None:
    """With --data-dir, this computer's identity and set-up notes live in that folder too
    (unless STPETERS_DESK_CONFIG_DIR names another), so the folder holds everything."""
    from stpeters_desk.core.devices import CONFIG_DIR_ENV

    if not os.environ.get(CONFIG_DIR_ENV):
        os.environ[CONFIG_DIR_ENV] = str(resolve_data_dir(data_dir))


WINDOWED_PLATFORMS = ("xcb", "wayland", "wayland-egl")  # Qt platforms that need a display


def no_display_message() -> str:
    """Why the window cannot open on this Linux computer, or "" when it can (or may).

    Without a display Qt's own error blames a missing library (libxcb-cursor0), which
    sends people looking in the wrong place; this says what is really missing.
    """
    if not sys.platform.startswith("linux"):
        return ""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if platform and platform not in WINDOWED_PLATFORMS:
        return ""  # offscreen, vnc, eglfs...: Qt draws without a desktop
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return (f"{APP_NAME} cannot open its window: there is no display. Neither DISPLAY nor "
            "WAYLAND_DISPLAY is set, so no desktop (X server or Wayland) is reachable from "
            "here, as over ssh or in a text console. Start it from the desktop, or with "
            "\"ssh -X\". (--screenshot, and the photos and audit commands, work without "
            "a display.)")
def refuse_shared_database(argument: str | None) -> None:
    """A PostgreSQL server named with ``--database`` or STPETERS_DESK_DATABASE is refused
    for now: the integrity seal and the keyring records it checks against are kept per
    database file, and enrolling a computer on a shared server is not built yet (issue
    18). Refusing is safer than quietly using this computer's own file instead."""
    url = database_url(argument)
    if url is not None:
        raise DatabaseError(
            f"The shared database {redact_url(url)} cannot be used yet: this version "
            "checks the security state against a seal kept in this computer's keyring for "
            "a database file, which a shared server does not have yet. Nothing was "
            "changed. Start without --database (and without STPETERS_DESK_DATABASE) to "
            "use this computer's own database.")


def _refuse_unless_sound(guard: IntegrityGuard) -> None:
    from stpeters_desk.core.integrity import IntegrityRefused

    result = guard.result()
    if not result.ok:
        raise IntegrityRefused(result.message)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if len(argv) >= 3 and argv[0] == "--data-dir" and argv[2] in SUBCOMMANDS:
        argv = [argv[2], "--data-dir", argv[1], *argv[3:]]  # stpeters-desk --data-dir D audit
    if argv and argv[0] in SUBCOMMANDS:
        return run_subcommand(argv[0], argv[1:])
    args = parse_args(argv)
    if args.data_dir:
        keep_computer_files_in(args.data_dir)
    missing = no_display_message()
    if missing and args.screenshot:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif missing:
        print(missing, file=sys.stderr)
        return 2
    try:
        services = build_services(args)
    except DatabaseError as exc:
        print(f"{APP_NAME} cannot start: {exc}", file=sys.stderr)
        return 2
    from stpeters_desk.ui.application import run_window

    kiosk = args.kiosk or read(services.settings, KIOSK_MODE)
    return run_window(services, resources_dir(), screenshot=args.screenshot, tab=args.tab,
                      kiosk=kiosk and not args.screenshot, exit_when_shown=args.exit_when_shown)


def _roster_guard(data_dir_arg: str | None) -> NameGuard:
    """The name guard over the school's roster, for ``photos prepare`` to check text with."""
    from stpeters_desk.core.roster import load_name_guard
    from stpeters_desk.core.storage.roster_store import RosterStore

    db = open_database(resolve_data_dir(data_dir_arg))
    try:
        return load_name_guard(RosterStore(db))
    finally:
        db.close()


def run_subcommand(name: str, argv: list[str]) -> int:
    """``stpeters-desk audit ...`` and ``stpeters-desk photos ...``: no window."""
    data_dir_arg = database_arg = None
    if "--data-dir" in argv[:-1]:  # before or after the command's own words
        where = argv.index("--data-dir")
        data_dir_arg, argv = argv[where + 1], argv[:where] + argv[where + 2:]
    if data_dir_arg:
        keep_computer_files_in(data_dir_arg)
    if "--database" in argv[:-1]:
        where = argv.index("--database")
        database_arg, argv = argv[where + 1], argv[:where] + argv[where + 2:]
    try:
        refuse_shared_database(database_arg)
    except DatabaseError as exc:
        print(f"{APP_NAME} cannot open its database: {exc}", file=sys.stderr)
        return 2
    if name == "photos":
        from stpeters_desk.core.photo_batch import main as photos_main

        return photos_main(argv, load_guard=lambda: _roster_guard(data_dir_arg))
    data_dir = resolve_data_dir(data_dir_arg)
    if not (data_dir / DATABASE_NAME).is_file():  # a typo must not create an empty log
        print(f"{APP_NAME}: there is no database in {data_dir}, so there is no audit log to "
              "read. Check the folder given with --data-dir.", file=sys.stderr)
        return 1
    try:
        db = open_database(data_dir)
    except DatabaseError as exc:
        print(f"{APP_NAME} cannot open its database: {exc}", file=sys.stderr)
        return 2
    from stpeters_desk.core.audit import audit_cli

    try:
        return audit_cli(argv, db)
    except DatabaseError as exc:  # a full disk, say: a message, never a traceback
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
