"""TLS to the school's server (issue 18), against real servers: a throw-away cluster of its
own listening on 127.0.0.1, first without TLS (the app refuses and says what to do), then
with a certificate signed by an invented school root (``require`` encrypts,
``sslrootcert=`` verifies, a wrong root is refused). Runs where the storage tests run on
PostgreSQL (STPETERS_TEST_POSTGRES_URL set, as in ``.ci/run``) and PostgreSQL's programs
and openssl are installed."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from stpeters_desk.core.storage.db import DatabaseError
from stpeters_desk.core.storage.postgres import PgDatabase
from tests.conftest import POSTGRES_URL_ENV


@dataclass
class TcpServer:
    folder: Path
    port: int
    bin: Path

    def as_pg(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=60)

    def start(self, *options: str) -> None:
        self.as_pg(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-w", "-l",
                   str(self.folder / "server.log"), "-o",
                   " ".join((f"-p {self.port}", f"-k {self.folder}",
                             "-c listen_addresses=127.0.0.1", "-c fsync=off", *options)),
                   "start")

    def stop(self) -> None:
        self.as_pg(str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast",
                   "-w", "stop")

    def url(self, query: str = "") -> str:
        return f"postgresql://desk@127.0.0.1:{self.port}/postgres" + (f"?{query}" if query
                                                                       else "")

    def query(self, url: str) -> bool:
        db = PgDatabase(url)
        try:
            row = db.query_one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
            return bool(row and row[0])
        finally:
            db.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _openssl(folder: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True, timeout=60)


@pytest.fixture
def server() -> Iterator[TcpServer]:
    if not os.environ.get(POSTGRES_URL_ENV):
        pytest.skip(f"the PostgreSQL tests are off ({POSTGRES_URL_ENV} is not set)")
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not found or shutil.which("openssl") is None:
        pytest.skip("PostgreSQL's programs or openssl are not installed")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("runuser is needed to start PostgreSQL as root")
    folder = Path(tempfile.mkdtemp(prefix="stpeters-tls-pg."))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    pg = TcpServer(folder, _free_port(), Path(found[-1]))
    pg.as_pg(str(pg.bin / "initdb"), "-D", str(folder / "data"), "-A", "trust", "-U", "desk",
             "-E", "UTF8")
    with (folder / "data" / "pg_hba.conf").open("a", encoding="utf-8") as hba:
        hba.write("host all all 127.0.0.1/32 trust\n")
    try:
        yield pg
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            pg.stop()
        shutil.rmtree(folder, ignore_errors=True)


def make_certificates(folder: Path) -> None:
    """An invented school root, a server certificate it signed for 127.0.0.1, and another
    root that signed nothing."""
    _openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
             "-out", "school-root.pem", "-days", "2", "-subj", "/CN=St Peter's test root")
    _openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key",
             "-out", "other-root.pem", "-days", "2", "-subj", "/CN=Someone else")
    _openssl(folder, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
             "server.csr", "-subj", "/CN=localhost")
    (folder / "san.ext").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n",
                                    encoding="utf-8")
    _openssl(folder, "x509", "-req", "-in", "server.csr", "-CA", "school-root.pem", "-CAkey",
             "ca.key", "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile",
             "san.ext")
    for name in ("server.crt", "server.key"):
        shutil.copy(folder / name, folder / "data" / name)
        if os.geteuid() == 0:
            shutil.chown(folder / "data" / name, "postgres")
    (folder / "data" / "server.key").chmod(0o600)


def test_tls_is_required_and_the_certificate_checked_when_the_school_has_one(
        server: TcpServer) -> None:
    server.start()
    with pytest.raises(DatabaseError, match="does not offer an encrypted"):
        server.query(server.url())
    assert server.query(server.url("sslmode=disable")) is False  # only when the URL says so
    server.stop()

    make_certificates(server.folder)
    server.start("-c ssl=on")
    assert server.query(server.url()) is True
    root = server.folder / "school-root.pem"
    assert server.query(server.url(f"sslrootcert={root}")) is True  # verify-full
    with pytest.raises(DatabaseError, match="certificate"):
        server.query(server.url(f"sslrootcert={server.folder / 'other-root.pem'}"))
