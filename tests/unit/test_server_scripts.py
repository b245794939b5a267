"""The server scripts the app ships (resources/server/*.sql, issue 18), run with psql
against the throw-away test cluster: the database, the owner role, a computer's own
least-privileged role, and what that role can and cannot do. Skipped without
STPETERS_TEST_POSTGRES_URL (``.ci/run`` sets it) or without psql."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from stpeters_desk.core.audit import AuditTrail
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.connection import database_errors
from stpeters_desk.core.storage.db import DatabaseError, open_database
from stpeters_desk.core.storage.outbox_store import POSTED
from stpeters_desk.x.sandbox import SandboxGateway
from tests.conftest import POSTGRES_URL_ENV

SCRIPTS = Path(__file__).resolve().parents[2] / "stpeters_desk" / "resources" / "server"


def psql_program() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))
    return found[-1] if found else shutil.which("psql")


@dataclass
class Cluster:
    admin_url: str  # the test server's superuser
    psql: str

    def url(self, role: str, database: str) -> str:
        """The test server's URL with another role and database (the host and port kept)."""
        from urllib.parse import urlsplit, urlunsplit

        parts = urlsplit(self.admin_url)
        netloc = f"{role}@{parts.netloc.rsplit('@', 1)[-1]}"
        return urlunsplit((parts.scheme, netloc, f"/{database}", parts.query, ""))

    def run(self, script: str, database: str, **variables: str) -> subprocess.CompletedProcess[str]:
        user = self.url_user()
        command = [self.psql, "-X", "-q", self.url(user, database), "-f", str(SCRIPTS / script)]
        for name, value in variables.items():
            command += ["-v", f"{name}={value}"]
        return subprocess.run(command, capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL)

    def url_user(self) -> str:
        from urllib.parse import urlsplit

        return urlsplit(self.admin_url).username or "postgres"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"no PostgreSQL server ({POSTGRES_URL_ENV} is not set)")
    psql = psql_program()
    if psql is None:
        pytest.skip("psql is not installed")
    yield Cluster(url, psql)


def test_the_scripts_ship_inside_the_package() -> None:
    from stpeters_desk.app import resources_dir

    for name in ("create-school-database.sql", "add-computer.sql", "remove-computer.sql"):
        text = (resources_dir() / "server" / name).read_text(encoding="utf-8")
        assert "PASSWORD '" not in text  # passwords come from psql variables, never the file


def test_a_computer_role_runs_the_app_but_cannot_rewrite_history(cluster: Cluster,
                                                                tmp_path: Path) -> None:
    import psycopg

    tag = uuid.uuid4().hex[:8]
    database, owner, computer = f"school_{tag}", f"owner_{tag}", f"desk_pc_{tag}"
    try:
        made = cluster.run("create-school-database.sql", "postgres", db=database, owner=owner,
                           owner_password=f"owner-{tag}")
        assert made.returncode == 0, made.stderr
        added = cluster.run("add-computer.sql", database, computer=computer,
                            password=f"pc-{tag}")
        assert added.returncode == 0, added.stderr

        # Before the owner has brought the layout up to date, a computer refuses to.
        with pytest.raises(DatabaseError, match="database upgrade"):
            open_database(cluster.url(computer, database))
        open_database(cluster.url(owner, database)).close()  # the owner runs the migrations

        db = open_database(cluster.url(computer, database))
        try:
            services = DeskServices.build(db, SandboxGateway(db), tmp_path,
                                          device_label="Office PC")
            item = services.outbox.add("Sports day is on Friday", created_by="Mrs Amberley")
            sent = services.outbox.send(item.item_id, services.gateway)
            assert sent is not None and sent.status == POSTED  # outbox, sandbox, audit
            services.audit.record("Mrs Amberley", "hide reply", "123", "unkind")
            assert AuditTrail(db).verify().ok

            for forbidden in ("UPDATE audit_log SET actor = 'Someone else'",
                              "DELETE FROM audit_log",
                              "TRUNCATE audit_log",
                              "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                              "DROP TRIGGER audit_log_no_change ON audit_log",
                              "DROP TABLE outbox",
                              "CREATE TABLE mine (id INTEGER)"):
                with pytest.raises(database_errors()) as refused:
                    db.execute(forbidden)
                assert isinstance(refused.value, psycopg.errors.InsufficientPrivilege), forbidden
            row = db.query_one(
                "SELECT has_table_privilege('audit_log', 'INSERT') AS i, "
                "has_table_privilege('audit_log', 'SELECT') AS s, "
                "has_table_privilege('audit_log', 'UPDATE') AS u, "
                "has_table_privilege('audit_log', 'DELETE') AS d, "
                "has_table_privilege('outbox', 'UPDATE') AS o, "
                "has_table_privilege('schema_migrations', 'DELETE') AS m")
            assert row is not None and tuple(row) == (True, True, False, False, True, False)
        finally:
            db.close()

        removed = cluster.run("remove-computer.sql", database, computer=computer)
        assert removed.returncode == 0, removed.stderr
        with pytest.raises(DatabaseError):
            open_database(cluster.url(computer, database))
    finally:
        with psycopg.connect(cluster.admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            admin.execute(f'DROP ROLE IF EXISTS "{computer}"')
            admin.execute(f'DROP ROLE IF EXISTS "{owner}"')
