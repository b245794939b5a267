"""How well and how fast the child-name guard works, on the hand-labelled set.

Prints, for tests/data/name_guard_set.yaml:
- recall: expected findings (names and word-names) the guard reported at all;
- block recall: children's names it blocked (the policy's line);
- false-block rate: name-free texts it would have refused to post;
- false-warn rate: texts with nothing to report on which it warned;
- the same per group, so famous people and places are measured on their own,
  and the "unseen" group (written after the rules were settled) apart;
- checks per second on the whole set, and the time to hash a school-sized
  roster (420 invented pupils) as an import does;
- recall per disguise (tests/name_guard_disguises.py: invisible characters,
  look-alike letters, reversed text, spelled-out letters, digits for letters,
  plurals, joined double names, lower-case tags and handles, and spelling
  variants, with the held-out variants apart), and false blocks on ordinary
  text the guard's rules were not written from: the labelled set's name-free
  texts, the school replies in tests/data/moderation_replies.csv, and real
  public tweets (OLID, in ../shared/data/moderation when present), counting
  there only the blocks that are not a roster name written plainly.
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
    normalise_name,
)
from tests.moderation_set import load_cases  # noqa: E402
from tests.name_guard_disguises import disguise_roster, recall_by_disguise  # noqa: E402
from tests.name_guard_set import LabelledText, Score, load_set, score  # noqa: E402

OLID = ROOT.parent / "shared" / "data" / "moderation" / "olid_train_text.txt"

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
    print_disguises(items)


def written_plainly(guard: NameGuard, words: str) -> bool:
    """Every word is a roster name or nickname as written: a block the guard made before
    it looked through disguises (the text names someone called that, so no false block of
    the disguise rules)."""
    return all(guard._info(normalise_name(w)) is not None for w in words.split())


def print_disguises(items: list[LabelledText]) -> None:
    roster = disguise_roster()
    guard = NameGuard.from_names(roster)
    print(f"\ndisguised names (roster of {len(roster)} invented pupils):")
    for disguise, (caught, total, missed) in recall_by_disguise(guard).items():
        print(f"  {disguise:<22} blocked {caught:>3}/{total:<3} {percent(caught / total)}")
        for text in missed:
            print(f"      got through: {text!r}")
    sources = {
        "labelled set, name-free": [i.text for i in items if i.name_free],
        "school replies": [case.text for case in load_cases()],
    }
    if OLID.exists():
        sources["OLID public tweets"] = OLID.read_text(encoding="utf-8").splitlines()
    print("false blocks on ordinary text with this roster, from the disguise rules "
          "(a roster name or nickname written plainly is not counted):")
    for label, texts in sources.items():
        blocks = [(text, f.word) for text in texts for f in guard.check(text)
                  if f.level == "block" and not written_plainly(guard, f.word)]
        refused = len({text for text, _ in blocks})
        print(f"  {label:<26} {refused:>4}/{len(texts):<6} {percent(refused / len(texts))}  "
              f"words: {', '.join(sorted({w for _, w in blocks})[:12])}")


if __name__ == "__main__":
    main()
