"""Rebuild stpeters_desk/resources/wordlists/english_words.txt.gz from SCOWL's British English list.

The name guard uses ordinary English words (in lower case) to tell a word that
only *sounds* like a pupil's name ("Roman" and "Rahman", "Theatre" and
"Theodore") or is one letter from it ("March" and "Marsh") from a name spelled
another way ("Mohammed" for "Muhammad"). The list is SCOWL's, as Debian's
``wbritish`` package installs it (/usr/share/dict/british-english); only the
words written entirely in lower-case ASCII letters are kept, so proper names
("Olivia", "Mohammed") are left out. The output is byte-for-byte reproducible
(sorted, gzip without a timestamp).

    apt-get install wbritish && python scripts/build_english_words.py
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

SOURCE = Path("/usr/share/dict/british-english")
TARGET = (Path(__file__).resolve().parents[1] / "stpeters_desk" / "resources" / "wordlists"
          / "english_words.txt.gz")
HEADER = ("# Ordinary English words (lower case only), from SCOWL via Debian's wbritish.\n"
          "# See english_words.LICENSE. Rebuilt by scripts/build_english_words.py.\n")


def main() -> int:
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: install Debian's wbritish package", file=sys.stderr)
        return 1
    words = sorted({line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()
                    if re.fullmatch(r"[a-z]+", line.strip())})
    data = (HEADER + "\n".join(words) + "\n").encode("utf-8")
    TARGET.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    print(f"{TARGET}: {len(words)} words, {TARGET.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
