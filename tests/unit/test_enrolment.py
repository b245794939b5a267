"""One-time enrolment codes, joining a school's shared server, removing a computer (issue 18).

The sealing and the join run on both back ends; the school's identity, the keyring
names and the whole two-computer story need a shared server (PostgreSQL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stpeters_desk.core import enrolment, keystore, school_keys
from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.audit_actions import AuditAction
from stpeters_desk.core.devices import CONFIG_DIR_ENV, DeviceIdentity, this_device
from stpeters_desk.core.enrolment import (
    MAX_FAILURES,
    EnrolmentCode,
    EnrolmentRefused,
    SchoolSecrets,
    join_school,
    make_offer,
    open_sealed,
    parse_code,
    seal_offer,
)
from stpeters_desk.core.integrity import IntegrityGuard
from stpeters_desk.core.refusals import InvalidInput, NotAllowed
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import Database
from stpeters_desk.core.storage.device_store import DeviceStore
from stpeters_desk.core.storage.school_store import (
    DESTROYED,
    EXPIRED,
    USED,
    SchoolStore,
    create_school_id,
)
from stpeters_desk.core.storage.settings import SettingsStore
from stpeters_desk.ops.computers import ComputerOperations, join_this_computer
from stpeters_desk.ops.session import Session
from stpeters_desk.x.sandbox import SandboxGateway
from tests.conftest import reopen_database
from tests.keyrings import MemoryKeyring, keyring_backend
from tests.unit.school_people import HEAD_PIN, hash_pins_quickly

CHAIN_KEY = bytes(range(32))
ROSTER_KEY = bytes(range(32, 64))
NOW = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring) -> None:
    """Argon2id's cost is not under test here: the smallest it allows. Joining keeps keys,
    so every test has a keyring (in memory)."""
    monkeypatch.setattr(enrolment, "KDF_TIME", 1)
    monkeypatch.setattr(enrolment, "KDF_MEMORY_KIB", 8)
    hash_pins_quickly(monkeypatch)


def _secrets(school_id: str = "school-1", x_keys: dict[str, str] | None = None
             ) -> SchoolSecrets:
    return SchoolSecrets(school_id, CHAIN_KEY, ROSTER_KEY, None, x_keys)


# -- the code and the seal ---------------------------------------------------------------------
def test_a_code_is_five_groups_without_look_alike_letters_and_reads_back_as_typed() -> None:
    code = enrolment.new_code()
    assert len(code.text) == 24 and code.text.count("-") == 4
    assert not set(code.text) & set("0O1IL")
    assert parse_code(code.text.lower().replace("-", " ")) == code
    assert code.secret not in repr(code)
    with pytest.raises(EnrolmentRefused, match="not an enrolment code"):
        parse_code("ABCD-EFGH-IJKL-MNOP-QRST")  # I and L are never in a code


def test_the_seal_opens_only_with_the_right_code_and_an_untouched_row() -> None:
    code = EnrolmentCode("ABCD", "EFGHJKMNPQRSTUVW")
    offer = seal_offer(_secrets(), code, created_by="Head", created_on="Office", may_post=False,
                       now=NOW)
    opened = open_sealed(offer, code)
    assert opened is not None and opened.chain_key == CHAIN_KEY
    assert opened.roster_key == ROSTER_KEY and "<hidden>" in repr(opened)
    assert open_sealed(offer, EnrolmentCode("ABCD", "EFGHJKMNPQRSTUVX")) is None
    flipped = bytes([offer.sealed[0] ^ 1]) + offer.sealed[1:]
    from dataclasses import replace

    assert open_sealed(replace(offer, sealed=flipped), code) is None
    # the row's expiry or "may post" edited in the database: the seal no longer opens
    assert open_sealed(replace(offer, expires_at=offer.expires_at + timedelta(days=1)),
                       code) is None
    assert open_sealed(replace(offer, may_post=True), code) is None


# -- offers and joining, on both back ends ----------------------------------------------------
@pytest.fixture
def school_db(db: Database) -> Database:
    with db.transaction() as conn:
        create_school_id(conn, "school-1")
    return db


def _join(db: Database, code: str, device_id: str = "b" * 32,
          now: datetime | None = None) -> list[SchoolSecrets]:
    kept: list[SchoolSecrets] = []
    join_school(db, code, device_id, f"Laptop ({device_id[:8]})", kept.append, now=now)
    return kept


def test_the_database_keeps_neither_the_code_nor_the_secrets(school_db: Database) -> None:
    code = make_offer(school_db, _secrets(), created_by="Mrs Amberley", created_on="Office",
                      may_post=False)
    cells = [str(v) for row in school_db.query("SELECT * FROM enrolment_offers") for v in row]
    stored = " ".join(cells)
    assert code.secret not in stored and code.text not in stored
    assert CHAIN_KEY.hex() not in stored and ROSTER_KEY.hex() not in stored
    raw = b"".join(bytes(v) for row in school_db.query(
        "SELECT sealed, kdf_salt, nonce FROM enrolment_offers") for v in row)
    assert CHAIN_KEY not in raw and ROSTER_KEY not in raw


def test_a_code_joins_once_and_the_join_is_recorded(school_db: Database) -> None:
    code = make_offer(school_db, _secrets(), created_by="Mrs Amberley", created_on="Office",
                      may_post=False)
    kept = _join(school_db, code.text)
    assert [s.chain_key for s in kept] == [CHAIN_KEY]
    offer = SchoolStore(school_db).offer(code.offer_id)
    assert offer is not None and offer.state == USED and offer.sealed == b""
    assert [c.device_id for c in SchoolStore(school_db).computers()] == ["b" * 32]
    assert DeviceStore(school_db).registered("b" * 32) is None  # not allowed to post
    entries = AuditTrail(school_db).query(action=AuditAction.COMPUTER_JOINED)
    assert len(entries) == 1 and "Mrs Amberley" in entries[0].actor
    with pytest.raises(EnrolmentRefused, match="already used"):
        _join(school_db, code.text, "c" * 32)


def test_a_computer_allowed_to_post_is_registered_and_gets_the_x_keys(
        school_db: Database) -> None:
    x_keys = {"api_key": "k", "api_secret": "s", "access_token": "t",
              "access_token_secret": "u"}
    code = make_offer(school_db, _secrets(x_keys=x_keys), created_by="Mrs Amberley",
                      created_on="Office", may_post=True)
    assert _join(school_db, code.text)[0].x_keys == x_keys
    assert DeviceStore(school_db).registered("b" * 32) is not None


def test_an_expired_code_is_refused_and_its_seal_wiped(school_db: Database) -> None:
    code = make_offer(school_db, _secrets(), created_by="Head", created_on="Office",
                      may_post=False, now=NOW)
    with pytest.raises(EnrolmentRefused, match="expired"):
        _join(school_db, code.text, now=NOW + timedelta(minutes=10, seconds=1))
    offer = SchoolStore(school_db).offer(code.offer_id)
    assert offer is not None and offer.state == EXPIRED and offer.sealed == b""


def test_five_wrong_codes_destroy_the_offer(school_db: Database) -> None:
    code = make_offer(school_db, _secrets(), created_by="Head", created_on="Office",
                      may_post=False)
    wrong = code.offer_id + ("2" * 16 if code.secret != "2" * 16 else "3" * 16)
    for attempt in range(1, MAX_FAILURES):
        with pytest.raises(EnrolmentRefused, match=f"{MAX_FAILURES - attempt} more tries"):
            _join(school_db, wrong)
    with pytest.raises(EnrolmentRefused, match="destroyed"):
        _join(school_db, wrong)
    with pytest.raises(EnrolmentRefused, match="destroyed"):  # even the right code now
        _join(school_db, code.text)
    offer = SchoolStore(school_db).offer(code.offer_id)
    assert offer is not None and offer.state == DESTROYED and offer.sealed == b""
    assert SchoolStore(school_db).computers() == []


def test_a_tampered_seal_never_opens(school_db: Database) -> None:
    code = make_offer(school_db, _secrets(), created_by="Head", created_on="Office",
                      may_post=False)
    school_db.execute("UPDATE enrolment_offers SET expires_at = :later WHERE offer_id = :id",
                      {"later": (datetime.now(UTC) + timedelta(days=30)).isoformat(),
                       "id": code.offer_id})
    with pytest.raises(EnrolmentRefused, match="not right"):
        _join(school_db, code.text)


def test_an_unknown_offer_or_another_school_is_refused(school_db: Database) -> None:
    with pytest.raises(EnrolmentRefused, match="No enrolment code"):
        _join(school_db, "ZZZZ-2345-6789-ABCD-EFGH")
    code = make_offer(school_db, _secrets("another school"), created_by="Head",
                      created_on="Office", may_post=False)
    with pytest.raises(EnrolmentRefused, match="another school"):
        _join(school_db, code.text)
    offer = SchoolStore(school_db).offer(code.offer_id)
    assert offer is not None and offer.state == "open"  # nothing was used up


def test_on_this_computer_s_own_database_no_code_is_made(db: Database, data_dir: Path,
                                                          memory_keyring: MemoryKeyring) -> None:
    if db.dialect != "sqlite":
        pytest.skip("SQLite only")
    services = DeskServices.for_school(db, SandboxGateway(db), data_dir)
    with pytest.raises(InvalidInput, match="share a database server"):
        ComputerOperations(services).make_enrolment_code(Session(None), HEAD_PIN)


# -- two computers on one server ------------------------------------------------------------
class Computer:
    """One computer: its own config folder (device id) and keyring, the shared server."""

    def __init__(self, db: Database, folder: Path) -> None:
        self.folder = folder
        self.keyring = MemoryKeyring()
        with self.here():
            self.device: DeviceIdentity = this_device()
        self.db = reopen_database(db)

    @contextmanager
    def here(self) -> Iterator[None]:
        previous = os.environ.get(CONFIG_DIR_ENV)
        os.environ[CONFIG_DIR_ENV] = str(self.folder)
        try:
            with keyring_backend(self.keyring):
                yield
        finally:
            if previous is None:
                os.environ.pop(CONFIG_DIR_ENV, None)
            else:
                os.environ[CONFIG_DIR_ENV] = previous

    def start(self) -> DeskServices:
        guard = IntegrityGuard(self.db)
        services = DeskServices.for_school(self.db, SandboxGateway(self.db), self.folder)
        services.integrity = guard
        return services


def as_administrator(db: Database, *statements: str) -> None:
    """What only the server's administrator can do: past any trigger that keeps the audit
    table append-only (the test cluster's user is a superuser)."""
    with db.transaction() as conn:
        conn.execute("SET LOCAL session_replication_role = replica")
        for statement in statements:
            conn.execute(statement)


@pytest.fixture
def shared(db: Database) -> Database:
    if db.dialect != "postgresql":
        pytest.skip("a shared server is PostgreSQL")
    return db


def test_two_computers_share_one_school_through_an_enrolment_code(
        shared: Database, tmp_path: Path) -> None:
    office = Computer(shared, tmp_path / "office")
    laptop = Computer(shared, tmp_path / "laptop")
    with office.here():
        services = office.start()
        assert services.integrity is not None and services.integrity.result().ok
        school_id = school_keys.school_id(office.db)
        assert school_id is not None
        names = school_keys.names_for(office.db)
        assert school_id in names.chain[1] and school_id in names.anchor[1]
        chain_key = keystore.read_secret(*names.chain)
        assert chain_key is not None
        assert services.staff is not None
        head, _recovery = services.staff.create_head("Mrs Amberley", HEAD_PIN)
        session = Session(head, office.device.label)
        shown = ComputerOperations(services).make_enrolment_code(session, HEAD_PIN)
        assert shown.minutes == 10
        made = AuditTrail(office.db).query(action=AuditAction.ENROLMENT_CODE_MADE)
        assert made and shown.code.secret not in made[0].detail
    with laptop.here():
        unjoined = reopen_database(shared)
        refused = IntegrityGuard(unjoined).result()
        unjoined.close()
        assert not refused.ok and "has not joined the school" in refused.message
        joined = join_this_computer(laptop.db, shown.code.text, laptop.device)
        assert joined.secrets.school_id == school_id and not joined.may_post
        assert keystore.read_secret(*school_keys.names_for(laptop.db).chain) == chain_key
        laptop.db.close()
        laptop.db = reopen_database(shared)
        laptop_services = laptop.start()
        assert laptop_services.integrity is not None
        result = laptop_services.integrity.result()
        assert result.ok, result.message
        AuditTrail(laptop.db, device=laptop.device.label).record(
            "Mrs Amberley", AuditAction.POST_TWEET, "from the laptop")
        assert AuditTrail(laptop.db).verify().ok
    with office.here():  # its record of the end is behind the server's now: allowed
        AuditTrail(office.db, device=office.device.label).record(
            "Mrs Amberley", AuditAction.POST_TWEET, "from the office")
        assert AuditTrail(office.db).verify().ok
        ComputerOperations(services).remove_computer(session, laptop.device.device_id,
                                                     HEAD_PIN, reason="stolen")
        removed = [c for c in ComputerOperations(services).computers()
                   if c.device_id == laptop.device.device_id]
        assert removed and removed[0].removed_by == "Mrs Amberley"
        assert AuditTrail(office.db).query(action=AuditAction.COMPUTER_REMOVED)
        with pytest.raises(InvalidInput, match="cannot remove itself"):
            ComputerOperations(services).remove_computer(session, office.device.device_id,
                                                         HEAD_PIN)
        # the audit log has a new key from the removal's own entry on
        from_id = AuditTrail(office.db).query(action=AuditAction.COMPUTER_REMOVED)[0].entry_id
        assert services.integrity is not None and from_id in services.integrity.later_keys
        AuditTrail(office.db, device=office.device.label).record(
            "Mrs Amberley", AuditAction.POST_TWEET, "after the laptop went")
        assert AuditTrail(office.db).verify().ok  # each part checked with its own key
        second = ComputerOperations(services).make_enrolment_code(session, HEAD_PIN)
    with laptop.here():
        from stpeters_desk.app import refuse_a_removed_computer
        from stpeters_desk.core.integrity import IntegrityRefused
        from stpeters_desk.core.storage.db import DatabaseError
        from stpeters_desk.ops.actions import Action
        from stpeters_desk.ops.context import gate_of

        with pytest.raises(NotAllowed, match="removed from the school"):
            gate_of(laptop_services).clear(Session(head, laptop.device.label), Action.POST_NOW)
        with pytest.raises(DatabaseError, match="removed from the school"):
            refuse_a_removed_computer(laptop.db)
        with pytest.raises(IntegrityRefused, match="was not given it"):
            AuditTrail(laptop.db).record("Mrs Amberley", AuditAction.POST_TWEET, "sneaky")
        # even around the app, an entry chained with the old key it still holds is caught
        forged = enrolment._Joining()
        forged.key = bytes.fromhex(chain_key)
        laptop.db.guard = forged
        AuditTrail(laptop.db).record("Mrs Amberley", AuditAction.POST_TWEET, "forged")
        laptop.db.guard = None
    with office.here():
        found = AuditTrail(office.db).verify()
        assert not found.ok and "contents were changed" in found.message
        as_administrator(shared, "DELETE FROM audit_log WHERE target = 'forged'",
                         "UPDATE audit_chain_head SET last_id = last_id - 1, "
                         "entries = entries - 1, last_hash = (SELECT entry_hash FROM audit_log "
                         "ORDER BY id DESC LIMIT 1)")
    # a computer joining after the removal receives the new key too
    tablet = Computer(shared, tmp_path / "tablet")
    with tablet.here():
        join_this_computer(tablet.db, second.code.text, tablet.device)
        tablet.db.close()
        tablet.db = reopen_database(shared)
        tablet_services = tablet.start()
        assert tablet_services.integrity is not None
        assert tablet_services.integrity.result().ok, tablet_services.integrity.result().message
        AuditTrail(tablet.db).record("Mrs Amberley", AuditAction.POST_TWEET, "from the tablet")
    with office.here():
        assert AuditTrail(office.db).verify().ok
    # someone with the server's administrator password edits an entry: still caught
    as_administrator(shared, "UPDATE audit_log SET detail = 'nothing to see' WHERE id = 2")
    with office.here():
        assert not AuditTrail(office.db).verify().ok
    for computer in (office, laptop, tablet):
        computer.db.close()


def _app_url(shared: Database, password: str = "") -> str:
    """The test's schema as the app would be given it: in the address."""
    from stpeters_desk.core.storage.postgres import PgDatabase

    assert isinstance(shared, PgDatabase) and shared.schema
    url = shared.url.replace("postgresql://desk@", f"postgresql://desk:{password}@", 1) \
        if password else shared.url
    return f"{url}&options=-csearch_path%3D{shared.schema}"


def test_joining_from_the_command_line_remembers_the_server_but_never_its_password(
        shared: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from stpeters_desk.app import Options, build_services, main
    from stpeters_desk.core.shared_server import SERVER_FILE, remembered_server
    from stpeters_desk.core.storage.db import redact_url

    office = Computer(shared, tmp_path / "office")
    with office.here():
        services = office.start()
        assert services.staff is not None
        head, _recovery = services.staff.create_head("Mrs Amberley", HEAD_PIN)
        shown = ComputerOperations(services).make_enrolment_code(
            Session(head, office.device.label), HEAD_PIN)
    laptop = Computer(shared, tmp_path / "laptop")
    url = _app_url(shared, "Hunter2secret")
    assert "Hunter2secret" in url and shared.url.startswith("postgresql://desk@")
    with laptop.here():
        assert main(["computer", "join", url, "WXYZ-2345-6789-ABCD-EFGH"]) == 1
        assert "No enrolment code" in capsys.readouterr().err
        assert remembered_server() is None
        assert main(["computer", "join", url, shown.code.text.lower()]) == 0
        out = capsys.readouterr().out
        assert "joined the school" in out and "Hunter2secret" not in out
        saved = (tmp_path / "laptop" / SERVER_FILE).read_text(encoding="utf-8")
        assert "Hunter2secret" not in saved and remembered_server() is not None
        assert keystore.read_secret("database", redact_url(url)) == "Hunter2secret"
        # a plain start now opens the server it joined, and its check passes
        started = build_services(Options())
        assert started.db is not None and started.db.dialect == "postgresql"
        assert started.integrity is not None and started.integrity.result().ok
        started.db.close()
        assert main(["audit", "verify"]) == 0
        assert "Audit log intact" in capsys.readouterr().out
        # a screenshot draws the server as it is: whatever it writes is rolled back
        drawn = build_services(Options(screenshot=str(tmp_path / "x.png")))
        assert drawn.db is not None and drawn.integrity is None
        SettingsStore(drawn.db).set("screenshot probe", "written")
        drawn.db.close()
        assert shared.query_one("SELECT value FROM settings WHERE key = 'screenshot probe'") \
            is None
    office.db.close()
    laptop.db.close()


# -- removing a computer rotates the roster key and retires the X keys it held -------------------
ROSTER_CSV = b"Forename,Surname,Year\nOlivia,Smith,3\nZebedee,Quarrington,4\n"
OLD_X = {"api_key": "old-key", "api_secret": "old-secret", "access_token": "old-token",
         "access_token_secret": "old-token-secret"}


def _import_roster(services: DeskServices) -> None:
    from stpeters_desk.core.roster import import_roster

    assert services.roster is not None
    import_roster(ROSTER_CSV, services.roster, imported_by="Mrs Amberley")
    services.forget_name_guard()


def _real_account(services: DeskServices) -> None:
    """The services as if the real account were connected (the sandbox, marked real)."""
    from stpeters_desk.x.models import REAL

    services.gateway.kind = REAL


def test_the_name_guard_refuses_a_retired_roster_on_either_back_end(
        db: Database, data_dir: Path) -> None:
    from stpeters_desk.core.roster import RosterKeyError, load_name_guard
    from stpeters_desk.core.storage.roster_store import RosterStore
    from stpeters_desk.ops.posting import NamesCannotBeChecked, Posting

    services = DeskServices.for_school(db, SandboxGateway(db), data_dir)
    _import_roster(services)
    assert services.name_guard().check("Zebedee won the race")
    store = RosterStore(db)
    with db.transaction() as conn:
        assert store.retire(conn, "Mrs Amberley", "a computer was removed")
    assert store.forms() == [] and store.counts().retired_reason
    assert store.counts().pupils == 0 and store.counts().imported_by == "Mrs Amberley"
    with pytest.raises(RosterKeyError, match="retired when a computer was removed"):
        load_name_guard(store)
    services.forget_name_guard()
    with pytest.raises(NamesCannotBeChecked, match="Import the pupil roster again"):
        Posting(services).preflight("Zebedee won the race")
    _import_roster(services)  # importing again brings the guard back
    assert not store.counts().retired_reason and services.name_guard().check("Zebedee")


def test_with_no_roster_there_is_nothing_to_retire(db: Database) -> None:
    from stpeters_desk.core.storage.roster_store import RosterStore

    with db.transaction() as conn:
        assert not RosterStore(db).retire(conn, "Mrs Amberley", "a computer was removed")
    assert not RosterStore(db).counts().imported


def test_a_computer_where_x_was_connected_counts_as_one_that_held_the_keys(
        db: Database) -> None:
    AuditTrail(db, device="Office PC (abcdef12)").record(
        "Mrs Amberley", AuditAction.X_ACCOUNT_CONNECTED, "@stpeters")
    AuditTrail(db, device="Kiosk (99999999)").record(
        "Mrs Amberley", AuditAction.POST_TWEET, "a tweet")
    store, conn = SchoolStore(db), db.reader()
    assert store.connected_x_on(conn, "abcdef12-3456", AuditAction.X_ACCOUNT_CONNECTED)
    assert not store.connected_x_on(conn, "99999999-0000", AuditAction.X_ACCOUNT_CONNECTED)


def test_the_checklist_says_what_to_do_and_the_record_what_was_rotated() -> None:
    from stpeters_desk.ops.computers import Removal

    both = Removal("Laptop 3 (abc)", 12, True, True)
    assert both.checklist() == (
        "Ask IT to remove its database account (remove-computer.sql).",
        "Import the pupil roster again (the old one was made unreadable to the removed "
        "computer).",
        "Regenerate the X keys on the X developer portal and reconnect X (the removed "
        "computer had them).")
    record = both.for_the_record()
    assert "new key from entry #12" in record and "roster has a new key" in record
    assert "fingerprints made with the old key were retired" in record
    assert "X keys were retired" in record
    neither = Removal("Kiosk (def)", 12, False, False)
    assert len(neither.checklist()) == 1
    assert "no roster was imported" in neither.for_the_record()
    assert "could not post, so the X keys were not retired" in neither.for_the_record()
    assert "none were rotated" in Removal("Kiosk (def)", 0, False, False).for_the_record()


def test_removing_a_computer_rotates_the_roster_key_and_retires_the_x_keys_it_held(
        shared: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from stpeters_desk.core.roster import RosterKeyError, load_name_guard, roster_key
    from stpeters_desk.core.storage.roster_store import RosterStore
    from stpeters_desk.ops.computers import x_keys_retired
    from stpeters_desk.ops.posting import NamesCannotBeChecked, Posting, PostingRefused
    from stpeters_desk.ops.school import SchoolOperations
    from stpeters_desk.x import connect
    from stpeters_desk.x.credentials import XCredentials, load_credentials, save_credentials
    from stpeters_desk.x.models import REAL, Account

    office = Computer(shared, tmp_path / "office")
    laptop = Computer(shared, tmp_path / "laptop")
    kiosk = Computer(shared, tmp_path / "kiosk")
    with office.here():
        services = office.start()
        assert services.staff is not None
        head, _recovery = services.staff.create_head("Mrs Amberley", HEAD_PIN)
        session = Session(head, office.device.label)
        services.sign_in(head)
        _import_roster(services)
        old_key = roster_key(create=False, db=office.db)
        old_digests = {f.digest for f in RosterStore(office.db).forms()}
        save_credentials(XCredentials(**OLD_X))
        to_post = ComputerOperations(services).make_enrolment_code(session, HEAD_PIN,
                                                                   may_post=True)
        to_watch = ComputerOperations(services).make_enrolment_code(session, HEAD_PIN)
    for computer, shown in ((laptop, to_post), (kiosk, to_watch)):
        with computer.here():
            join_this_computer(computer.db, shown.code.text, computer.device)
            assert roster_key(create=False, db=computer.db) == old_key
    with laptop.here():
        assert load_credentials() == XCredentials(**OLD_X)
    with office.here():
        removal = ComputerOperations(services).remove_computer(
            session, laptop.device.device_id, HEAD_PIN, reason="left on a train")
        assert removal.roster_retired and removal.x_keys_retired
        assert any("Import the pupil roster again" in step for step in removal.checklist())
        assert any("reconnect X" in step for step in removal.checklist())
        entry = AuditTrail(office.db).query(action=AuditAction.COMPUTER_REMOVED)[0]
        assert "roster has a new key" in entry.detail and "X keys were retired" in entry.detail
        new_key = roster_key(create=False, db=office.db)
        assert new_key != old_key
        for secret in (old_key.hex(), new_key.hex(), *OLD_X.values()):
            assert secret not in entry.detail
        # the old fingerprints are gone, and the guard refuses rather than finds nothing
        assert RosterStore(office.db).forms() == [] and old_digests
        with pytest.raises(RosterKeyError, match="retired"):
            load_name_guard(RosterStore(office.db))
        with pytest.raises(NamesCannotBeChecked):
            Posting(services).preflight("Zebedee won the race")
        # the real account's old keys are not used: nothing is sent until X is reconnected
        _real_account(services)
        assert x_keys_retired(office.db)
        assert Posting(services).send_due() == []
        with pytest.raises(PostingRefused, match="reconnect X"):
            Posting(services).send(1)
    with laptop.here():  # the removed computer cannot read the new roster key
        assert SchoolStore(laptop.db).roster_envelope(laptop.db.reader(), laptop.device.device_id,
                                                      1) is None
        with pytest.raises(RosterKeyError, match="not given the school's new key"):
            roster_key(create=True, db=laptop.db)
    with kiosk.here():  # a remaining one picks it up from its envelope the first time
        assert roster_key(create=False, db=kiosk.db) == new_key
        assert keystore.read_secret(*school_keys.names_for(kiosk.db).roster) == new_key.hex()
        kiosk_services = kiosk.start()
        _import_roster(kiosk_services)  # the head imports it again, on any computer
    with office.here():
        services.forget_name_guard()
        guard = services.name_guard()
        assert guard.check("Zebedee won the race")
        assert not {f.digest for f in RosterStore(office.db).forms()} & old_digests
        # reconnecting with the retired keys is refused; with regenerated ones it works
        monkeypatch.setattr(connect, "check_credentials", lambda _keys: Account(
            "1", "stpeters", "St Peter's", 0, 0, REAL))
        with pytest.raises(InvalidInput, match="retired"):
            SchoolOperations(services).connect_x(session, lambda: XCredentials(**OLD_X),
                                                 HEAD_PIN)
        new_x = {k: v.replace("old", "new") for k, v in OLD_X.items()}
        SchoolOperations(services).connect_x(session, lambda: XCredentials(**new_x), HEAD_PIN)
        assert not x_keys_retired(office.db)
        # a computer joining now receives the current roster key
        third = ComputerOperations(services).make_enrolment_code(session, HEAD_PIN,
                                                                 may_post=True)
    tablet = Computer(shared, tmp_path / "tablet")
    with tablet.here():
        join_this_computer(tablet.db, third.code.text, tablet.device)
        assert roster_key(create=False, db=tablet.db) == new_key
        assert not x_keys_retired(tablet.db)
    with office.here():  # a computer that could not post leaves the X keys alone
        quiet = ComputerOperations(services).remove_computer(session, kiosk.device.device_id,
                                                             HEAD_PIN)
        assert quiet.roster_retired and not quiet.x_keys_retired
        assert not any("reconnect X" in step for step in quiet.checklist())
        assert not x_keys_retired(office.db)
        newest = roster_key(create=False, db=office.db)
        assert newest not in (old_key, new_key)
    with tablet.here():  # it joined before this removal: it opens its envelope
        assert roster_key(create=False, db=tablet.db) == newest
    # deleting the record of the retired keys (to use the old ones again) is caught
    as_administrator(shared, "DELETE FROM x_keys_retired")
    with office.here():
        reopened = reopen_database(shared)
        found = IntegrityGuard(reopened).result()
        reopened.close()
        assert not found.ok and "retired X keys" in found.message, found.message
    for computer in (office, laptop, kiosk, tablet):
        computer.db.close()
