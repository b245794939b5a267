"""How fast the composer's counter is: weighted_length on a realistic tweet.

The composer recounts on every keystroke, so a warm call must be far below a
frame (16 ms). The first call also loads the `emoji` package and compiles the
link patterns (about 1,400 top-level domains), which tweet_text puts off until
then to keep start-up fast; that cold cost is measured in fresh processes.
Prints medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# About 250 characters, with a link and emoji (a skin tone, a ZWJ sequence).
TWEET = (
    "Well done to everyone in Year 5 for a brilliant class assembly this morning! 🎉👏🏽 "
    "Thank you to all the parents and carers who came along 👨‍👩‍👧. Photos and the song "
    "words are now on our school website: https://www.stpeters.sch.uk/news/year-5-assembly 🌟"
)

COLD_RUN = """
import json, sys, time
text = sys.argv[1]
start = time.perf_counter()
from stpeters_desk.core.tweet_text import weighted_length
imported = time.perf_counter()
weighted_length(text)
first = time.perf_counter()
weighted_length(text)
second = time.perf_counter()
print(json.dumps({"import": imported - start, "first": first - imported,
                  "second": second - first, "emoji_loaded": "emoji" in sys.modules}))
"""


def cold_costs(runs: int) -> list[dict[str, float]]:
    """Import and first-call times, each from a fresh interpreter."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    results = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, "-c", COLD_RUN, TWEET],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        results.append(json.loads(output))
    return results


def calls_per_second(seconds: float) -> float:
    """Warm weighted_length calls per second, counted over `seconds`."""
    from stpeters_desk.core.tweet_text import weighted_length

    weighted_length(TWEET)  # warm up: the lazy imports and compiled patterns
    calls = 0
    start = time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for _ in range(100):
            weighted_length(TWEET)
        calls += 100
    return calls / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the cold cost")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of each warm round")
    args = parser.parse_args()

    from stpeters_desk.core.tweet_text import weighted_length

    print(f"tweet: {len(TWEET)} characters, weighted length {weighted_length(TWEET)}")
    cold = cold_costs(args.runs)
    for key, label in [
        ("import", "import tweet_text (emoji not loaded)"),
        ("first", "first call (cold: loads emoji, compiles patterns)"),
        ("second", "second call (warm)"),
    ]:
        median_ms = statistics.median(run[key] for run in cold) * 1000
        print(f"{label}: {median_ms:.2f} ms")
    if sys.flags.dont_write_bytecode:
        print("  (PYTHONDONTWRITEBYTECODE is set: every import compiled the source afresh)")
    if any(run["emoji_loaded"] is False for run in cold):
        raise SystemExit("emoji was not loaded by the first call: the benchmark tweet is wrong")
    rates = [calls_per_second(args.seconds) for _ in range(3)]
    rate = statistics.median(rates)
    print(f"warm weighted_length: {rate:,.0f} calls/s ({1e6 / rate:.0f} µs a call)")
    for label, pasted in PASTES:
        start = time.perf_counter()
        weighted_length(pasted)
        print(f"pasted {label} ({len(pasted):,} characters): "
              f"{(time.perf_counter() - start) * 1000:.1f} ms")


# Long pastes a user might make by mistake; the worst, dotted runs, once took seconds.
PASTES = [
    ("newsletter prose", (TWEET + " ") * 24),
    ("dotted run a.a.a...", "a." * 3000),
    ("long word before a dot", "a" * 6000 + ".uk"),
]


if __name__ == "__main__":
    main()
