"""Ids shaped like X's, for the sandbox account."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

# X's snowflake epoch (2010-11-04T01:42:54.657Z): ids are ms since then << 22.
TWITTER_EPOCH = datetime(2010, 11, 4, 1, 42, 54, 657000, tzinfo=UTC)
_SEQUENCE_BITS = 22


def snowflake_id(when: datetime, sequence: int) -> str:
    """An X-style id: milliseconds since X's epoch, then a 22-bit sequence.

    Ids from later times always sort higher; ``sequence`` only breaks ties.
    """
    millis = (when - TWITTER_EPOCH) // timedelta(milliseconds=1)
    if millis < 0:
        raise ValueError(f"{when.isoformat()} is before X's snowflake epoch")
    return str((millis << _SEQUENCE_BITS) | (sequence % (1 << _SEQUENCE_BITS)))
