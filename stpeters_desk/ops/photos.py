"""Photo operations: prepare a photo, describe it, confirm its faces and consent, remove it.

The only way a prepared photo enters or changes in the library. Each operation clears
its action with the gate (``PREPARE_PHOTO`` for preparing, describing and removing a
prepared copy; ``CONFIRM_PHOTO`` for the two confirmations), names the person from the
session, and keeps the change and its audit entry in one transaction (the library's
store and audit writes join it). Preparing is refused, before any pixel is exported,
unless the photo's faces were looked for (``photo_rules``): the same rule the batch
command and ``PhotoLibrary.add`` apply, so no window can forget it.

Reading the library (the ready list, a photo's bytes) needs no operation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from stpeters_desk.core.photo_library import PhotoLibraryError
from stpeters_desk.core.photo_rules import FaceCheck, require_faces_looked_for
from stpeters_desk.core.refusals import Refused
from stpeters_desk.ops.actions import Action
from stpeters_desk.ops.context import gate_of
from stpeters_desk.ops.gate import Clearance, Gate
from stpeters_desk.ops.session import Session

if TYPE_CHECKING:
    from stpeters_desk.core.images import ExportedPhoto, OpenedPhoto
    from stpeters_desk.core.photo_edit import EditState
    from stpeters_desk.core.photo_library import PhotoLibrary, StoredPhoto
    from stpeters_desk.core.services import DeskServices
    from stpeters_desk.core.storage.db import Database

T = TypeVar("T")

__all__ = ["PhotoNotChanged", "PhotoOperations"]


class PhotoNotChanged(Refused):
    """The photo is gone, already posted, or the change does not apply; nothing changed."""


class PhotoOperations:
    """Guarded, audited changes to prepared photos, for the Photos tab and any other caller.

    ``gate`` None: the gate of ``services`` is looked up at each call (it fails closed
    without a database).
    """

    def __init__(self, library: PhotoLibrary, db: Database | None, gate: Gate | None = None,
                 services: DeskServices | None = None) -> None:
        self._library = library
        self._db = db
        self._gate = gate
        self._services = services

    @classmethod
    def of(cls, services: DeskServices, library: PhotoLibrary | None = None
           ) -> PhotoOperations:
        """The operations over a window's services (and its library, if given)."""
        return cls(library or services.photo_library(), services.db, services=services)

    # -- preparing -------------------------------------------------------------------------
    def prepare_edit(self, session: Session, photo: OpenedPhoto, state: EditState, *,
                     label: str, faces: FaceCheck, text_checked: bool,
                     replace_id: int | None = None) -> StoredPhoto:
        """The Photos tab's "Prepare": the shared pipeline's export, then ``prepare``.

        Refused before the export when the person may not prepare photos or the faces
        were not looked for.
        """
        from stpeters_desk.core.photo_pipeline import export_edit

        self._gate_now().clear(session, Action.PREPARE_PHOTO)
        require_faces_looked_for(faces)
        exported = export_edit(photo, state, faces)
        return self.prepare(session, exported, label=label, faces=faces,
                            faces_covered=len(state.regions), text_checked=text_checked,
                            replace_id=replace_id)

    def prepare(self, session: Session, exported: ExportedPhoto, *, label: str,
                faces: FaceCheck, faces_covered: int, text_checked: bool,
                replace_id: int | None = None) -> StoredPhoto:
        """Keep an export in the library (or new pixels for one not yet posted).

        New pixels clear both confirmations: they were given for the old pixels.
        """
        require_faces_looked_for(faces)
        library = self._library

        def change(clearance: Clearance) -> StoredPhoto:
            if replace_id is not None and self._still_ready(replace_id):
                return library.replace(replace_id, exported, label=label,
                                       prepared_by=clearance.actor, faces=faces,
                                       faces_covered=faces_covered,
                                       text_checked=text_checked)
            return library.add(exported, label=label, prepared_by=clearance.actor,
                               faces=faces, faces_covered=faces_covered,
                               text_checked=text_checked)
        return self._guarded(session, Action.PREPARE_PHOTO, change)

    def _still_ready(self, photo_id: int) -> bool:
        """A photo prepared before and not yet posted is replaced, not listed twice."""
        return photo_id in {photo.photo_id for photo in self._library.list_ready()}

    # -- describing, confirming, removing ----------------------------------------------------
    def describe(self, session: Session, photo_id: int, alt_text: str) -> StoredPhoto:
        """The photo's description (alt text): part of preparing it."""
        return self._guarded(session, Action.PREPARE_PHOTO, lambda clearance:
                             self._library.set_alt_text(photo_id, alt_text, clearance.actor))

    def confirm_faces(self, session: Session, photo_id: int) -> StoredPhoto:
        """"I have checked every face", recorded with the name of whoever says it."""
        return self._guarded(session, Action.CONFIRM_PHOTO, lambda clearance:
                             self._library.confirm_faces(photo_id, clearance.actor))

    def confirm_consent(self, session: Session, photo_id: int) -> StoredPhoto:
        """"Every child shown has photo consent", as the school's consent list says."""
        return self._guarded(session, Action.CONFIRM_PHOTO, lambda clearance:
                             self._library.confirm_consent(photo_id, clearance.actor))

    def remove(self, session: Session, photo_id: int) -> None:
        """Delete a prepared copy (the original file is not touched)."""
        self._guarded(session, Action.PREPARE_PHOTO, lambda clearance:
                      self._library.remove(photo_id, clearance.actor))

    # -- the gate and the transaction --------------------------------------------------------
    def _guarded(self, session: Session, action: Action,
                 change: Callable[[Clearance], T]) -> T:
        """Clear the action, then the change and its audit entry in one transaction."""
        clearance = self._gate_now().clear(session, action)
        if self._db is None:
            raise PhotoNotChanged(_no_database())
        try:
            with self._db.transaction():
                return change(clearance)
        except PhotoLibraryError as exc:
            raise PhotoNotChanged(str(exc)) from exc

    def _gate_now(self) -> Gate:
        if self._gate is not None:
            return self._gate
        if self._services is None or self._services.db is None:
            raise PhotoNotChanged(_no_database())
        return gate_of(self._services)


def _no_database() -> str:
    from stpeters_desk.i18n import translate

    return translate("Operations", "The school's database is not open, so nothing can be "
                                   "changed.")
