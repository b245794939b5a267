"""Which account the app talks to: the practice sandbox or the school's real X account.

Kept apart from ``x.models`` (the gateway's data classes) so that a window can ask
which kind it has before any of those classes is needed: each one costs the start a
little, and the sign-in screen needs none of them.
"""

from __future__ import annotations

SANDBOX = "sandbox"
REAL = "real"
