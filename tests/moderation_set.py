"""The hand-labelled replies in data/moderation_replies.csv.

Shared by tests/unit/test_moderation.py (which holds the assessment to its targets) and
benchmarks/moderation.py (which prints the figures).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

LABELLED_SET = Path(__file__).resolve().parent / "data" / "moderation_replies.csv"


@dataclass(frozen=True)
class Case:
    case_id: int
    label: str
    case: str
    split: str
    text: str


def load_cases(path: Path = LABELLED_SET) -> list[Case]:
    """Every labelled reply; lines starting with # are the file's own notes."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return [Case(int(row["id"]), row["label"], row["case"], row["split"], row["text"])
                for row in rows]
