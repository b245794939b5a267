"""Wiring and the command line: ``stpeters-desk`` and ``python -m stpeters_desk``.

Start-up is kept light on purpose: tweepy, keyring and other heavy modules
load only when they are needed, so the window appears quickly on the old
office PC.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

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
    from pathlib import Path

    from stpeters_desk.core.integrity import IntegrityGuard
    from stpeters_desk.core.names import NameGuard

SUBCOMMANDS = ("audit", "photos", "database", "computer")

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
  stpeters-desk database move-to postgresql://...
                             move this computer's data to the school's PostgreSQL
                             server, for several computers; "database upgrade" brings
                             the server up to date (stpeters-desk database --help)
  stpeters-desk computer join postgresql://… CODE
                             join the school's shared database server with the one-time
                             code the head teacher made on a school computer; afterwards
                             a plain start uses that server

On Linux the window needs a display (an X server or Wayland). --screenshot works
without one.
"""

EXIT_WHEN_SHOWN_ENV = "STPETERS_DESK_EXIT_WHEN_SHOWN"  # benchmarks/startup.py only


class Options(NamedTuple):
    data_dir: str | None = None
    database: str | None = None
    sandbox: bool = False
    reset_sandbox: bool = False
    screenshot: str | None = None
    tab: str | None = None
    kiosk: bool = False
    exit_when_shown: bool = False
    size: tuple[int, int] | None = None  # --screenshot's window size


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
                             "computer's own database (also STPETERS_DESK_DATABASE; by "
                             "default the server this computer joined)")
    parser.add_argument("--sandbox", action="store_true",
                        help="use the practice account even if the real one is connected")
    parser.add_argument("--reset-sandbox", action="store_true",
                        help="wipe the practice account and invent it afresh")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window to a PNG file and exit (it draws a copy "
                             "of the data: nothing is written to the data folder or the "
                             "shared server)")
    parser.add_argument("--tab", metavar="NAME",
                        help="with --screenshot: the tab to show, by its English name (see "
                             "the list below)")
    parser.add_argument("--kiosk", action="store_true",
                        help="full screen for the staffroom; locks when idle (with "
                             "--screenshot: the kiosk's look, at the screen's size)")
    parser.add_argument("--size", metavar="WIDTHxHEIGHT", type=_window_size,
                        help="with --screenshot: the window's size, e.g. 1366x768 "
                             "(otherwise as the window opens, 1180x760)")
    parser.add_argument("--exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parsed = parser.parse_args(argv)
    return Options(data_dir=parsed.data_dir, database=parsed.database, sandbox=parsed.sandbox,
                   reset_sandbox=parsed.reset_sandbox, screenshot=parsed.screenshot,
                   tab=parsed.tab, kiosk=parsed.kiosk, exit_when_shown=parsed.exit_when_shown,
                   size=parsed.size)


def _window_size(text: str) -> tuple[int, int]:
    import argparse

    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit() and int(width) >= 320
            and int(height) >= 240):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 1366x768")
    return int(width), int(height)


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
    from stpeters_desk.core.integrity import IntegrityGuard, ThrowAwayGuard

    url = shared_database(args.database)
    data_dir = resolve_data_dir(args.data_dir)
    db = open_school_database(data_dir, url, screenshot=bool(args.screenshot))
    try:
        refuse_a_removed_computer(db)
        if args.screenshot:  # drawn from a copy: nothing it triggers is written to the data
            checked = IntegrityGuard(db, read_only=not args.reset_sandbox)
            _refuse_unless_sound(checked)
            if args.reset_sandbox:  # asked for: done to the data folder itself
                from stpeters_desk.x.sandbox import SandboxGateway

                SandboxGateway(db).reset()
            if url is None:
                db = _private_copy(db)
            # SQLite: a copy; a server: every write rolled back (core/storage/pg_screenshot.py).
            # Either way entries still chain with the checked key, and nothing is sealed.
            db.guard = ThrowAwayGuard(checked.chain_key)
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


def shared_database(argument: str | None) -> str | None:
    """The school's server: ``--database``, then STPETERS_DESK_DATABASE, then the server
    this computer joined (``stpeters-desk computer join``); None: this computer's file."""
    url = database_url(argument)
    if url is None:
        from stpeters_desk.core.shared_server import remembered_server

        url = remembered_server()
    return url


def open_school_database(data_dir: Path, url: str | None, *,
                         screenshot: bool = False) -> Database:
    """This computer's SQLite file, or the shared server with its password from the
    keyring; for a screenshot, the server with every write rolled back."""
    if url is None:
        return open_database(data_dir)
    try:  # photos, the window's lock and exports still live in this computer's data folder
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(
            f"The app cannot create its data folder {data_dir}: {exc.strerror}. "
            "Choose another folder with --data-dir or ask IT to check permissions.") from exc
    from stpeters_desk.core.shared_server import connection_url

    full = connection_url(url)
    if not screenshot:
        return open_database(full)
    from stpeters_desk.core.storage.db import KNOWN_MIGRATIONS
    from stpeters_desk.core.storage.pg_screenshot import RolledBackPgDatabase

    db = RolledBackPgDatabase(full)
    try:
        current = "schema_migrations" in db.table_names() and \
            db.schema_version() >= max(KNOWN_MIGRATIONS)
    except BaseException:
        db.close()
        raise
    if not current:
        db.close()
        raise DatabaseError(
            f"The shared database {redact_url(url)} is not up to date for this version, and "
            "a screenshot changes nothing. Start the app normally once first.")
    return db


def refuse_a_removed_computer(db: Database) -> None:
    """A computer the head teacher removed from the school does not start on its server."""
    if db.dialect != "postgresql":  # one computer: nothing to be removed from
        return
    from stpeters_desk.core.devices import this_device
    from stpeters_desk.core.storage.school_store import SchoolStore

    if SchoolStore(db).is_removed(this_device().device_id):
        from stpeters_desk.ops.gate import removed_computer_message

        raise DatabaseError(removed_computer_message())


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
                      kiosk=kiosk, exit_when_shown=args.exit_when_shown, size=args.size)


def _roster_guard(data_dir_arg: str | None, url: str | None = None) -> NameGuard:
    """The name guard over the school's roster, for ``photos prepare`` to check text with."""
    from stpeters_desk.core.roster import load_name_guard
    from stpeters_desk.core.storage.roster_store import RosterStore

    db = open_school_database(resolve_data_dir(data_dir_arg), url)
    try:
        return load_name_guard(RosterStore(db))
    finally:
        db.close()


def run_database_command(argv: list[str], data_dir: Path) -> int:
    """``stpeters-desk database move-to postgresql://…`` (and ``database upgrade``), holding
    the data folder's window lock, so the app cannot be opened on this computer (and change
    the file) mid-move."""
    from PySide6.QtCore import QLockFile

    from stpeters_desk.core.database_move import database_cli
    from stpeters_desk.ui.single_instance import LOCK_FILE

    lock = None
    if "move-to" in argv and data_dir.is_dir():
        lock = QLockFile(str(data_dir / LOCK_FILE))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            print(f"{APP_NAME} is open on this computer (data folder {data_dir}). Close it "
                  "first, so that nothing changes while the data is moved.", file=sys.stderr)
            return 1
    try:
        return database_cli(argv, data_dir)
    finally:
        if lock is not None:
            lock.unlock()


def run_subcommand(name: str, argv: list[str]) -> int:
    """``stpeters-desk audit ...``, ``photos ...`` and ``database ...``: no window."""
    data_dir_arg = database_arg = None
    if "--data-dir" in argv[:-1]:  # before or after the command's own words
        where = argv.index("--data-dir")
        data_dir_arg, argv = argv[where + 1], argv[:where] + argv[where + 2:]
    if data_dir_arg:
        keep_computer_files_in(data_dir_arg)
    if name == "database":
        return run_database_command(argv, resolve_data_dir(data_dir_arg))
    if "--database" in argv[:-1]:
        where = argv.index("--database")
        database_arg, argv = argv[where + 1], argv[:where] + argv[where + 2:]
    if name == "computer":
        return computer_cli(argv)
    try:
        url = shared_database(database_arg)
    except DatabaseError as exc:
        print(f"{APP_NAME} cannot open its database: {exc}", file=sys.stderr)
        return 2
    if name == "photos":
        from stpeters_desk.core.photo_batch import main as photos_main

        return photos_main(argv, load_guard=lambda: _roster_guard(data_dir_arg, url))
    data_dir = resolve_data_dir(data_dir_arg)
    if url is None and not (data_dir / DATABASE_NAME).is_file():  # a typo: no empty log
        print(f"{APP_NAME}: there is no database in {data_dir}, so there is no audit log to "
              "read. Check the folder given with --data-dir.", file=sys.stderr)
        return 1
    try:
        db = open_school_database(data_dir, url)
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


def computer_cli(argv: list[str]) -> int:
    """``stpeters-desk computer join postgresql://… [CODE]``: join the school's server."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="stpeters-desk computer",
        description="This computer and the school's shared database server.")
    commands = parser.add_subparsers(dest="command", required=True)
    join = commands.add_parser(
        "join", help="join the school with the one-time code the head teacher made on a "
                     "school computer (Settings, “School computers”)")
    join.add_argument("server", metavar="postgresql://…",
                      help="the server's address, as the IT technician gave it; a password "
                           "in it goes to this computer's keyring, never to a file")
    join.add_argument("code", nargs="?", help="the code (asked for when left out, which "
                                              "keeps it out of the shell's history)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return _join(args.server, args.code)


def _join(server: str, code: str | None) -> int:
    from stpeters_desk.core.enrolment import EnrolmentRefused
    from stpeters_desk.core.keystore import KeyringUnavailable
    from stpeters_desk.core.shared_server import keep_password, remember_server
    from stpeters_desk.core.storage.db import is_database_url
    from stpeters_desk.ops.computers import join_this_computer

    if not is_database_url(server):
        print(f"{APP_NAME}: {redact_url(server)!r} is not a postgresql:// address.",
              file=sys.stderr)
        return 2
    if not code:
        try:
            code = input("Enrolment code: ")
        except EOFError:
            print(f"{APP_NAME}: no code was given.", file=sys.stderr)
            return 2
    try:
        db = open_database(server)
    except DatabaseError as exc:
        print(f"{APP_NAME} cannot open the school's database: {exc}", file=sys.stderr)
        return 2
    try:
        joined = join_this_computer(db, code)
        keep_password(server)
    except EnrolmentRefused as exc:
        print(f"{APP_NAME}: this computer did not join. {exc}", file=sys.stderr)
        return 1
    except (KeyringUnavailable, DatabaseError) as exc:
        print(f"{APP_NAME}: this computer did not join. {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()
    remember_server(server)
    posting = " It may post to X." if joined.may_post else ""
    print(f"This computer joined the school on {redact_url(server)} with the code "
          f"{joined.made_by} made.{posting} Start {APP_NAME} to sign in; it uses this server "
          "from now on.")
    return 0
