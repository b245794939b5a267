"""Every assessment over the texts the benchmark and the training use, one a line, to compare
two checkouts: a change meant only to make assess() faster must leave this file unchanged.

    PYTHONPATH=. python benchmarks/moderation_outputs.py before.txt   # on the old checkout
    PYTHONPATH=. python benchmarks/moderation_outputs.py after.txt    # on the new one
    cmp before.txt after.txt

The texts: the school's labelled replies, OLID's validation and training tweets and
Davidson et al.'s tweets (``--data``, as for ``benchmarks/moderation.py``). Each line is the
level, score, maybe, reasons, findings and notes, then the words the model reads.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from stpeters_desk.core.moderation import assess, default_lexicon  # noqa: E402
from tests.moderation_set import load_cases  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "moderation"


def texts(data: Path) -> list[str]:
    found = [case.text for case in load_cases()]
    for split in ("val", "train"):
        path = data / f"olid_{split}_text.txt"
        if path.exists():
            found += path.read_text(encoding="utf-8").splitlines()
    davidson = data / "davidson_labeled_data.csv"
    if davidson.exists():
        with davidson.open(encoding="utf-8", newline="") as file:
            found += [row["tweet"] for row in csv.DictReader(file)]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", type=Path)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    lexicon = default_lexicon()
    all_texts = texts(args.data)
    with args.output.open("w", encoding="utf-8") as out:
        for text in all_texts:
            a = assess(text)
            out.write(repr((a.level, a.score, a.maybe, a.reasons, a.findings, a.notes)) + "\n")
            out.write(repr(lexicon.model_words(text)) + "\n")
    print(f"{len(all_texts):,} texts assessed into {args.output}")


if __name__ == "__main__":
    main()
