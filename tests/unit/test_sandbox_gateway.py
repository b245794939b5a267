"""The practice account behaves like X for everything the app does."""

from __future__ import annotations

from pathlib import Path

import pytest

from stpeters_desk.core.storage.db import open_database
from stpeters_desk.x.errors import Offline, RejectedByX
from stpeters_desk.x.models import SANDBOX, PhotoUpload
from stpeters_desk.x.sandbox import SandboxGateway


def test_seeded_account_follows_no_one(sandbox: SandboxGateway) -> None:
    account = sandbox.account()
    assert account.kind == SANDBOX
    assert account.followers_count >= 60
    assert account.following_count == 0 and not account.follows_anyone
    assert not account.can_send_dms
    assert account.tweet_count >= 25


def test_post_see_delete(sandbox: SandboxGateway) -> None:
    before = sandbox.account().tweet_count
    post = sandbox.post("Class 4 edited their writing on the computers today")
    assert sandbox.own_posts(1)[0].post_id == post.post_id
    assert sandbox.account().tweet_count == before + 1
    sandbox.delete_post(post.post_id)
    assert post.post_id not in [p.post_id for p in sandbox.own_posts(200)]
    with pytest.raises(RejectedByX) as caught:
        sandbox.delete_post(post.post_id)
    assert caught.value.reason == "not_found"


def test_posts_persist_across_restarts(data_dir: Path) -> None:
    db = open_database(data_dir)
    post = SandboxGateway(db).post("Still here after a restart")
    db.close()
    db = open_database(data_dir)
    assert SandboxGateway(db).own_posts(1)[0].post_id == post.post_id
    db.close()


def test_reset_reseeds(sandbox: SandboxGateway) -> None:
    post = sandbox.post("A practice tweet")
    sandbox.reset()
    assert post.post_id not in [p.post_id for p in sandbox.own_posts(200)]


def test_duplicates_and_overlong_are_refused(sandbox: SandboxGateway) -> None:
    sandbox.post("Book fair on Monday")
    with pytest.raises(RejectedByX) as caught:
        sandbox.post("Book fair on Monday")
    assert caught.value.is_duplicate
    with pytest.raises(RejectedByX) as caught:
        sandbox.post("a" * 281)
    assert caught.value.reason == "too_long"
    with pytest.raises(RejectedByX):
        sandbox.post("Five photos", [PhotoUpload(b"x", "image/jpeg", "")] * 5)


def test_mentions_since_id_and_hiding(sandbox: SandboxGateway) -> None:
    mentions = sandbox.mentions()
    assert len(mentions) >= 30
    newest_first = [m.created_at for m in mentions]
    assert newest_first == sorted(newest_first, reverse=True)
    assert sandbox.mentions(since_id=mentions[0].post_id) == []
    assert [m.post_id for m in sandbox.mentions(since_id=mentions[3].post_id)] == \
        [m.post_id for m in mentions[:3]]
    reply = next(m for m in mentions if m.in_reply_to_post_id)
    sandbox.hide_reply(reply.post_id)
    assert next(m for m in sandbox.mentions() if m.post_id == reply.post_id).hidden
    sandbox.hide_reply(reply.post_id, hidden=False)
    assert not next(m for m in sandbox.mentions() if m.post_id == reply.post_id).hidden


def test_followers_are_paged(sandbox: SandboxGateway) -> None:
    seen: list[str] = []
    token = None
    pages = 0
    while True:
        page = sandbox.followers(token, page_size=25)
        seen += [u.user_id for u in page.items]
        pages += 1
        token = page.next_token
        if token is None:
            break
    assert pages >= 3
    assert len(seen) == len(set(seen)) == sandbox.account().followers_count
    assert sandbox.following().items == []


def test_mute_and_block_handoff(sandbox: SandboxGateway) -> None:
    troll = sandbox.followers(page_size=200).items[0]
    sandbox.mute(troll.user_id)
    assert troll.user_id in [u.user_id for u in sandbox.muted().items]
    sandbox.mute(troll.user_id, muted=False)
    assert troll.user_id not in [u.user_id for u in sandbox.muted().items]
    handoff = sandbox.block_handoff(troll)
    assert handoff.url == f"https://x.com/{troll.handle}" and handoff.instructions
    assert troll.user_id not in [u.user_id for u in sandbox.blocked(page_size=200).items]
    sandbox.complete_handoff(handoff)
    assert troll.user_id in [u.user_id for u in sandbox.blocked(page_size=200).items]
    report = sandbox.report_handoff(troll, "123")
    assert report.url.endswith("/status/123")


def test_simulated_offline(sandbox: SandboxGateway) -> None:
    sandbox.simulate_offline = True
    with pytest.raises(Offline) as caught:
        sandbox.post("hello")
    assert "outbox" in caught.value.user_text()
