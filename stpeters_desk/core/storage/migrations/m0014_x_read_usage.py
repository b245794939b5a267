"""Migration 14: what the school's reads from X cost, month by month.

X bills reads per post or account returned. One row per account kind and calendar
month (UTC) counts the resources X returned and the requests made, shared by every
computer so the head teacher's monthly limit holds for the whole school.
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations.base import Migration

MIGRATION = Migration(14, "reads from X per month", (
    "CREATE TABLE x_read_usage ("
    " account_kind TEXT NOT NULL,"
    " month TEXT NOT NULL,"
    " resources INTEGER NOT NULL DEFAULT 0,"
    " requests INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (account_kind, month))",
))
