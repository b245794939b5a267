"""Numbered schema migrations, applied in order and recorded in ``schema_migrations``.

One module per migration, named after its number. A migration is never
edited once released: change the schema by adding the next number and
listing it below and in ``db.KNOWN_MIGRATIONS`` (a database that has every known
number opens without loading this package; a test holds the two lists the same).
Types are kept to INTEGER, TEXT and BLOB so the same statements run on PostgreSQL
(where INTEGER PRIMARY KEY becomes an identity column).
"""

from __future__ import annotations

from stpeters_desk.core.storage.migrations import (
    m0001_spine,
    m0002_staff_security,
    m0003_roster,
    m0004_moderation,
    m0005_approvals,
    m0006_photos,
    m0007_outbox_leases,
    m0008_keyed_integrity,
    m0009_forget_photo_metadata,
    m0010_photo_text,
    m0011_drafts_by_person,
    m0012_pending_unblocks,
    m0014_x_read_usage,
    m0015_reply_media,
    m0016_maybe_band,
    m0017_append_only_audit,
    m0018_enrolment,
    m0020_school_policy,
    m0021_rotated_keys,
)
from stpeters_desk.core.storage.migrations.base import Migration

MIGRATIONS: tuple[Migration, ...] = (
    m0001_spine.MIGRATION,
    m0002_staff_security.MIGRATION,
    m0003_roster.MIGRATION,
    m0004_moderation.MIGRATION,
    m0005_approvals.MIGRATION,
    m0006_photos.MIGRATION,
    m0007_outbox_leases.MIGRATION,
    m0008_keyed_integrity.MIGRATION,
    m0009_forget_photo_metadata.MIGRATION,
    m0010_photo_text.MIGRATION,
    m0011_drafts_by_person.MIGRATION,
    m0012_pending_unblocks.MIGRATION,
    m0014_x_read_usage.MIGRATION,
    m0015_reply_media.MIGRATION,
    m0016_maybe_band.MIGRATION,
    m0017_append_only_audit.MIGRATION,
    m0018_enrolment.MIGRATION,
    m0020_school_policy.MIGRATION,
    m0021_rotated_keys.MIGRATION,
)

__all__ = ["MIGRATIONS", "Migration"]
