"""How well and how fast moderation.assess() judges replies, on the labelled set the tests ship.

Prints, for the dev rows (used while writing the word lists), the holdout rows
(written at the same time, never tuned on) and all rows:

* "offensive": precision, recall and F1 of the hide suggestion against rows
  labelled hide;
* "needs a person": the same for review-or-hide against rows labelled review
  or hide;
* the confusion matrix (rows: label, columns: suggestion).

Then speed: import and first-call (word list compile) cost in fresh processes,
and warm assessments per second over the whole set. ``--misses dev`` lists
the dev rows the rules get wrong; the holdout misses are only listed on
request, so that they are not tuned on by accident.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.moderation_set import Case, load_cases  # noqa: E402 - after the path is set

LEVELS = ("ok", "review", "hide")

COLD_RUN = """
import json, time
start = time.perf_counter()
from stpeters_desk.core.moderation import assess
imported = time.perf_counter()
assess("Thank you to all the staff, what a lovely afternoon!")
first = time.perf_counter()
assess("What a load of s**t, third day off this term.")
second = time.perf_counter()
print(json.dumps({"import": imported - start, "first": first - imported,
                  "second": second - first}))
"""


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float


def scores(pairs: Iterable[tuple[bool, bool]]) -> Scores:
    """Precision, recall and F1 from (truly positive, predicted positive) pairs."""
    true_pos = false_pos = false_neg = 0
    for truth, predicted in pairs:
        true_pos += truth and predicted
        false_pos += predicted and not truth
        false_neg += truth and not predicted
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def evaluate(cases: list[Case], predictions: dict[int, str]
             ) -> tuple[Scores, Scores, dict[tuple[str, str], int]]:
    offensive = scores((c.label == "hide", predictions[c.case_id] == "hide") for c in cases)
    needs_person = scores((c.label != "ok", predictions[c.case_id] != "ok") for c in cases)
    matrix = {(label, guess): 0 for label in LEVELS for guess in LEVELS}
    for case in cases:
        matrix[(case.label, predictions[case.case_id])] += 1
    return offensive, needs_person, matrix


def print_report(title: str, cases: list[Case], predictions: dict[int, str]) -> None:
    offensive, needs_person, matrix = evaluate(cases, predictions)
    counts = {level: sum(c.label == level for c in cases) for level in LEVELS}
    print(f"\n{title}: {len(cases)} replies "
          f"({', '.join(f'{counts[level]} {level}' for level in LEVELS)})")
    for name, result in (("offensive (hide)", offensive),
                         ("needs a person (review or hide)", needs_person)):
        print(f"  {name:34} precision {result.precision:.3f}  recall {result.recall:.3f}"
              f"  F1 {result.f1:.3f}")
    print("  confusion matrix (rows: label, columns: suggestion)")
    print("  " + " " * 8 + "".join(f"{level:>8}" for level in LEVELS))
    for label in LEVELS:
        print(f"  {label:>8}" + "".join(f"{matrix[(label, guess)]:>8}" for guess in LEVELS))


def cold_costs(runs: int) -> list[dict[str, float]]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    results = []
    for _ in range(runs):
        output = subprocess.run([sys.executable, "-c", COLD_RUN], env=env, cwd=ROOT,
                                check=True, capture_output=True, text=True).stdout
        results.append(json.loads(output))
    return results


def assessments_per_second(texts: list[str], seconds: float) -> float:
    from stpeters_desk.core.moderation import assess

    for text in texts:
        assess(text)  # warm up: the word lists are compiled on first use
    done = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for text in texts:
            assess(text)
        done += len(texts)
    return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the cold cost")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of each warm round")
    parser.add_argument("--misses", choices=("dev", "holdout", "all"),
                        help="list the rows the rules get wrong")
    args = parser.parse_args()

    from stpeters_desk.core.moderation import assess

    cases = load_cases()
    assessments = {case.case_id: assess(case.text) for case in cases}
    predictions = {case_id: a.level for case_id, a in assessments.items()}
    for split in ("dev", "holdout"):
        print_report(f"{split} rows", [c for c in cases if c.split == split], predictions)
    print_report("all rows", cases, predictions)

    cold = cold_costs(args.runs)
    print()
    for key, label in (("import", "import moderation"),
                       ("first", "first assess (compiles the word lists)"),
                       ("second", "second assess (warm)")):
        print(f"{label}: {statistics.median(run[key] for run in cold) * 1000:.2f} ms")
    texts = [case.text for case in cases]
    rate = statistics.median(assessments_per_second(texts, args.seconds) for _ in range(3))
    print(f"warm assess: {rate:,.0f} replies/s ({1e6 / rate:.0f} µs a reply)")

    if args.misses:
        print()
        for case in cases:
            wrong = predictions[case.case_id] != case.label
            if wrong and args.misses in (case.split, "all"):
                print(f"#{case.case_id} {case.split} {case.case}: label {case.label}, "
                      f"got {predictions[case.case_id]}: {case.text}")
                for reason in assessments[case.case_id].reasons:
                    print(f"      {reason}")


if __name__ == "__main__":
    main()
