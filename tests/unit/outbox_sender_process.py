"""One computer's sender, run as a separate process by test_outbox_across_computers.py.

It builds the app's real stack (``DeskServices.for_school`` over the shared database, the
sandbox X gateway, ``ops.posting.Posting``) and sends the outbox until nothing is left
for it to do, as the window's timer would. With ``hang-after-post`` it stops dead right
after X accepted its first post, before the outbox records it (as a computer switched off
mid-send), writes the post's id to the marker file and waits to be killed.

    python outbox_sender_process.py URL SCHEMA CONFIG_DIR MODE MARKER LEASE_SECONDS
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from stpeters_desk.core.outbox import Outbox
from stpeters_desk.core.services import DeskServices
from stpeters_desk.core.storage.db import open_database
from stpeters_desk.core.storage.outbox_store import OutboxStore
from stpeters_desk.ops.posting import Posting
from stpeters_desk.x.models import PhotoUpload, Post
from stpeters_desk.x.sandbox import SandboxGateway

GIVE_UP_AFTER = 45.0  # seconds: the test fails rather than hangs


class HangsAfterPosting(SandboxGateway):
    """X accepts the tweet; then this computer loses power before it can say so."""

    marker = Path()

    def post(self, text: str, photos: Sequence[PhotoUpload] = (),
             reply_to: str | None = None, reply_settings: str | None = None) -> Post:
        post = super().post(text, photos, reply_to, reply_settings)
        self.marker.write_text(post.post_id, encoding="utf-8")
        time.sleep(3600)  # the lease keeper goes on renewing until the process is killed
        return post


def main(argv: list[str]) -> int:
    url, schema, config_dir, mode, marker, lease_seconds = argv
    os.environ["STPETERS_DESK_CONFIG_DIR"] = config_dir
    db = open_database(url, schema=schema)
    gateway: SandboxGateway
    if mode == "hang-after-post":
        HangsAfterPosting.marker = Path(marker)
        gateway = HangsAfterPosting(db)
    else:
        gateway = SandboxGateway(db)
    services = DeskServices.for_school(db, gateway, Path(config_dir) / "data")
    assert services.device is not None
    services.outbox = Outbox(OutboxStore(db), gateway.kind, device=services.device.label,
                             lease=timedelta(seconds=float(lease_seconds)))
    posting = Posting(services)
    Path(marker + ".ready").write_text(services.device.label, encoding="utf-8")
    while not Path(marker + ".go").exists():  # both start sending together
        time.sleep(0.01)
    started = time.monotonic()
    sent = 0
    while time.monotonic() - started < GIVE_UP_AFTER:
        results = posting.send_due()
        sent += sum(1 for r in results if r.posted_id)
        if not posting.waiting():
            break
        if not results:
            time.sleep(0.05)  # what is left is held by the other computer
    print(f"sent {sent}", flush=True)
    db.close()
    return 0 if not posting.waiting() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
