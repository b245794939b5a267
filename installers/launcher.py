"""The installed app's entry point: the same command line as ``stpeters-desk``.

It adds one option the checkout's command does not need, ``--bundle-check``, which
checks that this copy carries the face model, libheif, the keyring backends and the rest
(see bundle_check.py). On Windows and macOS the app is built without a console, where
Python leaves ``sys.stdout`` and ``sys.stderr`` as None; they are pointed at the null
device so that a stray message can never crash the app.
"""

from __future__ import annotations

import os
import sys


def give_streams_somewhere_to_go() -> None:
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for life)
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open for life)


def main() -> int:
    give_streams_somewhere_to_go()
    if sys.argv[1:] == ["--bundle-check"]:
        from bundle_check import main as bundle_check

        return bundle_check()
    from stpeters_desk.app import main as app_main

    return app_main()


if __name__ == "__main__":
    raise SystemExit(main())
