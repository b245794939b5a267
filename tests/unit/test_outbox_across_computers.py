"""Exactly once across computers (issue 18): two app processes, one PostgreSQL server.

Each process is a separate Python (``outbox_sender_process.py``) building the real
services and posting operations with the sandbox X gateway, all against one throw-away
schema on the server. They send the same queue at the same time; the sandbox's posts,
the outbox and the audit chain are then compared. Skipped without
STPETERS_TEST_POSTGRES_URL (``.ci/run`` and ``scripts/test-on-postgres`` set it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stpeters_desk.core.audit import AuditTrail, audit_cli
from stpeters_desk.core.storage.db import Database, open_database
from stpeters_desk.core.storage.outbox_store import POSTED, OutboxStore
from stpeters_desk.x.sandbox import SandboxGateway
from tests.conftest import POSTGRES_URL_ENV

SENDER = Path(__file__).with_name("outbox_sender_process.py")
RACE_ITEMS = 200
QUEUED_AGO = timedelta(minutes=10)  # a queue that built up while the network was down

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


@pytest.fixture
def shared() -> Iterator[tuple[str, str, Database]]:
    """One throw-away schema on the test server: (url, schema, the test's own handle)."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_URL_ENV} is not set)")
    import psycopg

    schema = f"race_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    db = open_database(url, schema=schema)
    SandboxGateway(db)  # seeds the sandbox account once, before the senders start
    try:
        yield url, schema, db
    finally:
        db.close()
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def queue(db: Database, count: int, label: str) -> dict[int, str]:
    """``count`` tweets queued by the office, as the outbox holds them: {item id: text}."""
    store = OutboxStore(db)
    at = (datetime.now(UTC) - QUEUED_AGO).isoformat(timespec="microseconds")
    return {store.add(f"{label} {n}: Year 4's bake sale raised £{n}", [], None, "sandbox",
                      "Mrs Amberley", at).item_id: f"{label} {n}: Year 4's bake sale raised £{n}"
            for n in range(count)}


def start_sender(url: str, schema: str, folder: Path, mode: str, lease: float
                 ) -> tuple[subprocess.Popen[str], Path]:
    folder.mkdir(parents=True)
    marker = folder / "marker"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen(
        [sys.executable, str(SENDER), url, schema, str(folder / "config"), mode, str(marker),
         str(lease)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    return child, marker


def wait_for(path: Path, children: list[subprocess.Popen[str]], seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        for child in children:
            if child.poll() is not None:
                raise AssertionError(f"a sender ended early: {child.communicate()[1]}")
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.02)


def go(markers: list[Path], children: list[subprocess.Popen[str]]) -> None:
    for marker in markers:
        wait_for(Path(f"{marker}.ready"), children, 30)
    for marker in markers:
        Path(f"{marker}.go").touch()


def posts_on_x(db: Database, texts: set[str]) -> Counter[str]:
    """How many times each of these texts is on the (sandbox) X account."""
    return Counter(post.text for post in SandboxGateway(db).own_posts(limit=100_000)
                   if post.text in texts)


def post_entries(db: Database) -> list[tuple[str, str, str]]:
    """(target, device, detail) of every "post tweet" entry."""
    return [(e.target, e.device, e.detail)
            for e in AuditTrail(db).query(action="post tweet", limit=None)]


def test_two_computers_send_one_queue_exactly_once(
        shared: tuple[str, str, Database], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    url, schema, db = shared
    items = queue(db, RACE_ITEMS, "race")
    senders = [start_sender(url, schema, tmp_path / name, "send", 60)
               for name in ("office", "staffroom")]
    children = [child for child, _ in senders]
    started = time.monotonic()
    try:
        go([marker for _, marker in senders], children)
        outputs = [child.communicate(timeout=60) for child in children]
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.communicate()
    seconds = time.monotonic() - started
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    sent = [int(out.split()[-1]) for out, _ in outputs]

    outbox = OutboxStore(db)
    kept = {item_id: outbox.get(item_id) for item_id in items}
    on_x = posts_on_x(db, set(items.values()))
    double_posts = sum(n - 1 for n in on_x.values() if n > 1)
    lost = sum(1 for text in items.values() if on_x[text] == 0)
    with capsys.disabled():
        print(f"\n[exactly once across computers] {RACE_ITEMS} tweets, 2 processes: sent "
              f"{sent[0]} + {sent[1]}, double posts {double_posts}, lost {lost}, "
              f"{seconds:.1f} s")
    assert double_posts == 0 and lost == 0
    assert sum(sent) == RACE_ITEMS and min(sent) > 0  # both really sent
    assert all(item is not None and item.status == POSTED for item in kept.values())
    posted_ids = {item.posted_id for item in kept.values() if item is not None}
    assert len(posted_ids) == RACE_ITEMS

    entries = post_entries(db)
    assert sorted(target for target, _, _ in entries) == sorted(str(p) for p in posted_ids)
    assert len({device for _, device, _ in entries}) == 2  # one chain, both computers
    verified = AuditTrail(db).verify()
    assert verified.ok and verified.checked >= RACE_ITEMS
    assert audit_cli(["verify"], db) == 0


def test_a_computer_switched_off_mid_send_is_finished_by_the_other_without_a_double_post(
        shared: tuple[str, str, Database], tmp_path: Path) -> None:
    """X has the tweet but the sender died before recording it: once its lease runs out,
    the other computer takes the item over, finds the post on X and records it."""
    url, schema, db = shared
    items = queue(db, 12, "power cut")  # within the 20 newest posts the take-over reads
    victim, victim_marker = start_sender(url, schema, tmp_path / "laptop", "hang-after-post", 2)
    survivor, survivor_marker = start_sender(url, schema, tmp_path / "kiosk", "send", 60)
    try:
        go([victim_marker], [victim])  # the laptop takes the first tweet and X accepts it
        wait_for(victim_marker, [victim], 30)
        go([survivor_marker], [survivor])  # the kiosk sends the rest meanwhile
        time.sleep(0.5)
        os.kill(victim.pid, signal.SIGKILL)
        victim.communicate(timeout=10)
        _out, err = survivor.communicate(timeout=60)
    finally:
        for child in (victim, survivor):
            if child.poll() is None:
                child.kill()
                child.communicate()
    assert survivor.returncode == 0, err
    cut_post = victim_marker.read_text(encoding="utf-8")

    on_x = posts_on_x(db, set(items.values()))
    assert all(on_x[text] == 1 for text in items.values()), on_x
    outbox = OutboxStore(db)
    kept = [outbox.get(item_id) for item_id in items]
    assert all(item is not None and item.status == POSTED for item in kept)
    taken_over = [item for item in kept if item is not None and item.posted_id == cut_post]
    assert len(taken_over) == 1 and taken_over[0].attempts == 2
    entries = {target: detail for target, _, detail in post_entries(db)}
    assert "already on X" in entries[cut_post]
    assert len(entries) == len(items)
    assert AuditTrail(db).verify().ok
