"""Scoring the child-name guard against the hand-labelled set in data/name_guard_set.yaml.

Shared by tests/unit/test_names.py (which holds the guard to its targets) and
benchmarks/name_guard.py (which prints the figures).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from stpeters_desk.core.names import NameFinding, NameGuard

SET_PATH = Path(__file__).resolve().parent / "data" / "name_guard_set.yaml"


@dataclass(frozen=True)
class Expected:
    level: str
    word: str
    start: int
    end: int


@dataclass(frozen=True)
class LabelledText:
    text: str
    group: str
    kind: str
    expected: tuple[Expected, ...]

    @property
    def name_free(self) -> bool:
        """No child's name in it (it may still hold word-names that should only warn)."""
        return all(e.level != "block" for e in self.expected)


@dataclass
class Score:
    """Tallies over a set of labelled texts; rates are fractions (0 to 1)."""

    expected: int = 0
    found: int = 0
    expected_blocks: int = 0
    blocks_found: int = 0
    level_agrees: int = 0
    name_free: int = 0
    false_blocks: int = 0
    clean: int = 0
    false_warns: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_level: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def block_recall(self) -> float:
        return self.blocks_found / self.expected_blocks if self.expected_blocks else 1.0

    @property
    def level_agreement(self) -> float:
        return self.level_agrees / self.expected if self.expected else 1.0

    @property
    def false_block_rate(self) -> float:
        return self.false_blocks / self.name_free if self.name_free else 0.0

    @property
    def false_warn_rate(self) -> float:
        return self.false_warns / self.clean if self.clean else 0.0


def load_set(path: Path = SET_PATH) -> tuple[list[str], list[LabelledText]]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [_labelled(entry) for entry in data["tweets"]]
    return list(data["roster"]), items


def _labelled(entry: dict[str, Any]) -> LabelledText:
    text = str(entry["text"])
    expected = tuple(_locate(text, str(label)) for label in entry.get("expect") or [])
    return LabelledText(text, str(entry.get("group", "")), str(entry.get("kind", "text")),
                        expected)


def _locate(text: str, label: str) -> Expected:
    level, _, word = label.partition(" ")
    occurrence = 1
    if "@" in word:
        word, _, number = word.rpartition("@")
        occurrence = int(number)
    start = -1
    for _ in range(occurrence):
        start = text.find(word, start + 1)
        if start < 0:
            raise ValueError(f"{word!r} (occurrence {occurrence}) is not in {text!r}")
    return Expected(level, word, start, start + len(word))


def _overlaps(finding: NameFinding, expected: Expected) -> bool:
    return finding.start < expected.end and expected.start < finding.end


def score(guard: NameGuard, items: Iterable[LabelledText]) -> Score:
    result = Score()
    for item in items:
        _score_one(result, item, guard.check(item.text))
    return result


def _score_one(result: Score, item: LabelledText, findings: list[NameFinding]) -> None:
    for expected in item.expected:
        result.expected += 1
        hits = [f for f in findings if _overlaps(f, expected)]
        if expected.level == "block":
            result.expected_blocks += 1
            result.blocks_found += any(f.level == "block" for f in hits)
        if not hits:
            result.misses.append(f"{expected.level} {expected.word!r} in {item.text!r}")
            continue
        result.found += 1
        if {f.level for f in hits} == {expected.level}:
            result.level_agrees += 1
        else:
            got = "/".join(sorted({f.level for f in hits}))
            result.wrong_level.append(f"{expected.word!r} {got} (want {expected.level}) "
                                      f"in {item.text!r}")
    for finding in findings:
        if not any(_overlaps(finding, e) for e in item.expected):
            result.extra.append(f"{finding.level} {finding.word!r} in {item.text!r}")
    blocked = any(f.level == "block" for f in findings)
    if item.name_free:
        result.name_free += 1
        result.false_blocks += blocked
    if not item.expected:
        result.clean += 1
        result.false_warns += any(f.level == "warn" for f in findings)
