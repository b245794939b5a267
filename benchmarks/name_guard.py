"""How well and how fast the child-name guard works, on the hand-labelled set.

Prints, for tests/data/name_guard_set.yaml:
- recall: expected findings (names and word-names) the guard reported at all;
- block recall: children's names it blocked (the policy's line);
- false-block rate: name-free texts it would have refused to post;
- false-warn rate: texts with nothing to report on which it warned;
- the same per group, so famous people and places are measured on their own,
  and the "unseen" group (written after the rules were settled) apart;
- checks per second on the whole set, and the time to hash a school-sized
  roster (420 invented pupils) as an import does.
"""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stpeters_desk.core.names import (  # noqa: E402
    NameGuard,
    NameHasher,
    PupilName,
    hash_pupil_forms,
    load_guard_words,
)
from tests.name_guard_set import LabelledText, Score, load_set, score  # noqa: E402

SCHOOL_SIZE = 420


def percent(value: float) -> str:
    return f"{value * 100:5.1f} %"


def print_score(label: str, result: Score, count: int) -> None:
    print(f"{label:<14}{count:>5}  recall {percent(result.recall)}  "
          f"block recall {percent(result.block_recall)}  "
          f"false blocks {percent(result.false_block_rate)} ({result.false_blocks}/"
          f"{result.name_free})  false warns {percent(result.false_warn_rate)} "
          f"({result.false_warns}/{result.clean})  level agrees {percent(result.level_agreement)}")


def checks_per_second(guard: NameGuard, items: list[LabelledText]) -> float:
    texts = [item.text for item in items]
    for text in texts:  # warm caches (word lists, regexes)
        guard.check(text)
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < 2.0:
        for text in texts:
            guard.check(text)
        done += len(texts)
    return done / (time.perf_counter() - start)


def school_roster(roster: list[str]) -> list[PupilName]:
    """420 invented pupils: every first name of the set with every surname, cycled."""
    forenames = [name.split()[0] for name in roster]
    surnames = [name.split()[-1] for name in roster]
    pairs = itertools.islice(itertools.cycle(itertools.product(forenames, surnames)), SCHOOL_SIZE)
    return [PupilName(forename, surname) for forename, surname in pairs]


def main() -> None:
    roster, items = load_set()
    load_guard_words()
    start = time.perf_counter()
    guard = NameGuard.from_names(roster)
    built = time.perf_counter() - start
    print(f"labelled set: {len(items)} texts ({sum(i.kind == 'alt' for i in items)} photo "
          f"descriptions), {sum(len(i.expected) for i in items)} expected findings, "
          f"{sum(i.name_free for i in items)} name-free; roster of {len(roster)} pupils "
          f"({guard.form_count} hashed forms, built in {built * 1000:.0f} ms)")
    print_score("all", score(guard, items), len(items))
    for group in sorted({item.group for item in items}):
        subset = [item for item in items if item.group == group]
        print_score(group, score(guard, subset), len(subset))
    result = score(guard, items)
    for line in result.misses + result.wrong_level + result.extra:
        print(f"  differs: {line}")
    print(f"checks per second: {checks_per_second(guard, items):,.0f} "
          f"(mean tweet {sum(len(i.text) for i in items) / len(items):.0f} characters)")
    pupils = school_roster(roster)
    start = time.perf_counter()
    forms = hash_pupil_forms(pupils, NameHasher(b"b" * 32), load_guard_words())
    hashed = time.perf_counter() - start
    print(f"hashing a roster of {len(pupils)} pupils: {hashed * 1000:.0f} ms, "
          f"{len(forms)} forms")


if __name__ == "__main__":
    main()
