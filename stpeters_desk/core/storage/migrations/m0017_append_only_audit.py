"""Migration 17: the audit log is append-only (issue 18: one chain, several writers).

A trigger refuses every UPDATE and DELETE of ``audit_log`` rows, on SQLite and on
PostgreSQL (there also TRUNCATE). Nothing in the app changes or removes an entry: a
mistake is corrected by a new entry. The chain's hashes still make a rewrite visible
to ``audit verify``; the trigger makes a slip or a careless tool fail loudly instead.

On PostgreSQL the app's group role (``stpeters_desk_app``, made by
``resources/server/create-school-database.sql``) is also granted only INSERT and
SELECT on the table, so a rewrite needs the server's administrator (who can drop the
trigger). On SQLite whoever holds the file can drop the trigger: there the chain is
what tells.

The statements differ by dialect, so they run from ``apply``.
"""

from __future__ import annotations

from stpeters_desk.core.storage.connection import Connection
from stpeters_desk.core.storage.migrations.base import Migration

REFUSAL = "the audit log is append-only: entries cannot be changed or removed"

SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
)
SQLITE_DROP = ("DROP TRIGGER IF EXISTS audit_log_no_update",
               "DROP TRIGGER IF EXISTS audit_log_no_delete")

POSTGRES_TRIGGERS = (
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    f"$$ BEGIN RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege'; END $$",
    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
)
# The computers' group role keeps INSERT and SELECT only on the audit log, and SELECT only
# on the list of migrations (only the owner migrates), when the school's database was made
# by create-school-database.sql; a database without that role is left as it is.
POSTGRES_GRANTS = (
    "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stpeters_desk_app') "
    "THEN REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log "
    "FROM stpeters_desk_app; REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER "
    "ON schema_migrations FROM stpeters_desk_app; END IF; END $$",
)
POSTGRES_DROP = ("DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log",
                 "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")


def dialect_of(conn: Connection) -> str:
    database = getattr(conn, "database", None)
    return str(getattr(database, "dialect", "sqlite"))


def _refuse_changes(conn: Connection) -> None:
    statements = (POSTGRES_TRIGGERS + POSTGRES_GRANTS if dialect_of(conn) == "postgresql"
                  else SQLITE_TRIGGERS)
    for statement in statements:
        conn.execute(statement)


MIGRATION = Migration(17, "the audit log is append-only", (), apply=_refuse_changes)
