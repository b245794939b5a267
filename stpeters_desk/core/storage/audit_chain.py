"""How audit entries are chained, so that editing, deleting or inserting a row shows.

Each entry's hash is the SHA-256 of the previous entry's hash followed by the
entry's own canonical content (its number included, so moving rows around
breaks the chain too). This module is pure and frozen in meaning: migration 2
used it to bring the older entries into the chain, and ``verify`` recomputes
the same hashes years later. Never change the canonical form; add a new
version beside it instead.
"""

from __future__ import annotations

GENESIS_HASH = "0" * 64
"""The 'previous hash' of the very first entry."""


def canonical_content(entry_id: int, at: str, actor: str, device: str, action: str,
                      target: str, reason: str, detail: str) -> str:
    """One unambiguous text for an entry: JSON keeps separators inside values harmless."""
    import json  # here, not at import: the sign-in screen needs neither json nor hashlib

    return json.dumps([entry_id, at, actor, device, action, target, reason, detail],
                      ensure_ascii=False, separators=(",", ":"))


def chain_hash(prev_hash: str, content: str) -> str:
    import hashlib

    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def keyed_chain_hash(key: bytes, prev_hash: str, content: str) -> str:
    """The hash of entries written since the chain was keyed: an HMAC-SHA256 with the key
    from the OS keyring, so rewriting the file cannot produce valid entries."""
    import hashlib
    import hmac

    return hmac.new(key, f"{prev_hash}\n{content}".encode(), hashlib.sha256).hexdigest()
