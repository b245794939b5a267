"""How long the security core takes: PIN hashing, sign-in, audit appends and a full chain check.

Argon2 should cost tens of milliseconds per PIN (slow for a thief with a copy
of the database, quick enough for a person at the kiosk, and always on a
worker thread). The audit log grows by a few hundred entries a school day, so
``audit verify`` over years of entries must stay within seconds and flat in
memory: it reads the chain in batches. Prints medians and totals.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stpeters_desk.core.audit import AuditTrail  # noqa: E402
from stpeters_desk.core.pins import hash_pin, verify_pin  # noqa: E402
from stpeters_desk.core.staff import StaffDirectory  # noqa: E402
from stpeters_desk.core.storage.audit import NewAuditEntry, append_entry  # noqa: E402
from stpeters_desk.core.storage.db import Database, open_database  # noqa: E402

PIN = "482915"


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def pin_costs(runs: int) -> None:
    stored = hash_pin(PIN)
    print(f"Argon2id hash:    {median_ms(timed(lambda: hash_pin(PIN), runs)):7.1f} ms median")
    print(f"Argon2id verify:  {median_ms(timed(lambda: verify_pin(stored, PIN), runs)):7.1f} ms"
          " median")


def sign_in_cost(db: Database, runs: int) -> None:
    staff = StaffDirectory(db, AuditTrail(db), "benchmark")
    head = staff.create_head("Mrs Amberley", PIN).member
    print(f"sign-in (verify, clear counters, audit): "
          f"{median_ms(timed(lambda: staff.sign_in(head.staff_id, PIN), runs)):7.1f} ms median")
    moment = datetime.now(UTC)
    wrong = timed(lambda: staff.sign_in(head.staff_id, "999000", moment - timedelta(days=1)), 3)
    print(f"failed sign-in (verify, count, audit): {median_ms(wrong):7.1f} ms median")


def append_rate(db: Database, entries: int) -> None:
    trail = AuditTrail(db, device="benchmark")
    start = time.perf_counter()
    for i in range(entries):
        trail.record("Mrs Amberley", "post tweet", str(i), "Sports day photos")
    elapsed = time.perf_counter() - start
    print(f"audit append, one transaction each: {entries / elapsed:7.0f} entries/s "
          f"({elapsed / entries * 1000:.2f} ms each)")


def fill(db: Database, entries: int) -> None:
    """Many entries in one transaction: only to set up the verify benchmark quickly."""
    with db.transaction() as conn:
        for i in range(entries):
            append_entry(conn, NewAuditEntry(actor=f"Teacher {i % 20}", action="post tweet",
                                             target=str(i), detail="Well done Class 3! " * 5,
                                             device="Office PC"))


def verify_cost(db: Database, entries: int) -> None:
    fill(db, entries)
    trail = AuditTrail(db)
    start = time.perf_counter()
    result = trail.verify()
    elapsed = time.perf_counter() - start
    assert result.ok, result.message
    tracemalloc.start()  # a second run: tracing slows Python down several times
    trail.verify()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"audit verify: {result.checked} entries in {elapsed:.2f} s "
          f"({result.checked / elapsed:,.0f} entries/s), peak Python memory "
          f"{peak / 1_048_576:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--appends", type=int, default=2000)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    pin_costs(args.runs)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder))
        try:
            sign_in_cost(db, args.runs)
            append_rate(db, args.appends)
            verify_cost(db, args.entries)
        finally:
            db.close()


if __name__ == "__main__":
    main()
