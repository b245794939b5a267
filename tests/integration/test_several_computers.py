"""Two computers, one school (issue 18): two separate processes on one PostgreSQL database.

A teacher's tweet submitted on the laptop (process A) appears in the kiosk's approval
queue (process B) through the change feed and is approved there; the laptop then sees
it approved; a reply hidden at the kiosk shows as hidden on the laptop. Each delay is
printed; the issue asks for 2 s, the test allows 5 s so a busy CI machine does not fail
it (``benchmarks/several_computers.py`` measures the figure).

Needs PostgreSQL (STPETERS_TEST_POSTGRES_URL; ``scripts/test-on-postgres`` starts one).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from stpeters_desk.core.roles import Role
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import open_database
from stpeters_desk.ops.moderation import moderation_ops
from stpeters_desk.x.sandbox import SandboxGateway
from tests.unit.school_people import HEAD_PIN, STAFF_PIN, hash_pins_quickly

ROOT = Path(__file__).resolve().parents[2]
BOUND_S = 5.0
CLOCK_SLACK_S = 0.05  # two processes' notes of one moment may differ this much


class Computer:
    """One app process: a command a line in, an answer a line out (one_computer.py)."""

    def __init__(self, name: str, url: str, schema: str, base: Path) -> None:
        config, data = base / name / "config", base / name / "data"
        config.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, "STPETERS_DESK_CONFIG_DIR": str(config),
               "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
        self.name = name
        self.config = config
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.one_computer", url, schema, str(data)],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.read() == ["ready"]

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def read(self) -> list[str]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"{self.name} stopped (exit {self.process.poll()})"
        return line.split()

    def ask(self, command: str) -> list[str]:
        self.send(command)
        return self.read()

    def watch(self, command: str) -> None:
        assert self.ask(command) == ["watching"]

    def close(self) -> None:
        if self.process.poll() is None:
            self.send("quit")
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def school(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    url = os.environ.get("STPETERS_TEST_POSTGRES_URL")
    if not url:
        pytest.skip("no PostgreSQL server (STPETERS_TEST_POSTGRES_URL is not set)")
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    try:
        yield url, schema
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


def test_a_change_on_one_computer_shows_on_the_other(
        school: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, schema = school
    hash_pins_quickly(monkeypatch)
    # The kiosk is the school's posting computer: set up from its own config folder.
    monkeypatch.setenv("STPETERS_DESK_CONFIG_DIR", str(tmp_path / "kiosk" / "config"))
    db = open_database(url, schema=schema)
    services = DeskServices.for_school(db, SandboxGateway(db), tmp_path / "setup")
    staff, devices = services.staff, services.devices
    assert staff is not None and devices is not None and services.device is not None
    head, _code = staff.create_head("Mrs Invented Head", HEAD_PIN)
    teacher = staff.add_member("Mr Pretend Teacher", Role.TEACHER, STAFF_PIN, by=head,
                               head_pin=HEAD_PIN)
    devices.register(services.device, by=head, head_pin=HEAD_PIN)
    moderation = moderation_ops(services)
    moderation.fetch()
    reply = next(item for item in moderation.items(500)
                 if item.in_reply_to_post_id and item.status == "new")
    db.close()

    laptop = kiosk = None
    try:
        kiosk = Computer("kiosk", url, schema, tmp_path)
        laptop = Computer("laptop", url, schema, tmp_path)
        text = "Year 3 planted the school garden today"

        kiosk.watch(f"watch-awaiting {text}")
        submitted = laptop.ask(f"submit {teacher.staff_id} {text}")
        seen = kiosk.read()
        assert submitted[0] == "submitted" and seen[:2] == ["seen", submitted[1]]
        to_queue = float(seen[2]) - float(submitted[2])

        laptop.watch(f"watch-status {submitted[1]} posted")
        approved = kiosk.ask(f"approve {head.staff_id} {submitted[1]}")
        assert approved[:2] == ["approved", "posted"], approved
        to_laptop = float(laptop.read()[1]) - float(approved[2])

        laptop.watch(f"watch-hidden {reply.post_id}")
        hidden = kiosk.ask(f"hide {head.staff_id} {reply.post_id}")
        to_office = float(laptop.read()[1]) - float(hidden[1])

        print(f"\nsubmission to the kiosk's queue: {to_queue * 1000:.0f} ms; "
              f"approval to the laptop: {to_laptop * 1000:.0f} ms; "
              f"hidden reply to the laptop: {to_office * 1000:.0f} ms")
        # Each side notes its own clock: the watcher may hear a change a fraction of a
        # millisecond before the changing process has noted that its call returned.
        for delay in (to_queue, to_laptop, to_office):
            assert -CLOCK_SLACK_S <= delay < BOUND_S
    finally:
        for computer in (laptop, kiosk):
            if computer is not None:
                computer.close()
