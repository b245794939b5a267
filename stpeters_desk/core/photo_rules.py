"""The rule every prepared photo passes, wherever it is prepared: faces looked for first.

Kept apart from the pipeline (which needs Pillow) so the photo library can ask it
without loading image code.
"""

from __future__ import annotations

from enum import StrEnum

from stpeters_desk.core.refusals import Refused
from stpeters_desk.i18n import translate


class FaceCheck(StrEnum):
    """Whether a photo's faces were looked for before it is prepared."""

    # The values are the words the audit log records with a prepared photo.
    LOOKED = "faces looked for by the detector"
    TURNED_OFF = "face search turned off by a person (faces covered by hand)"
    NOT_LOOKED = "faces not looked for"  # stopped, failed, or not yet done: refused


class FacesNotLookedFor(Refused):
    """A photo may not be prepared before its faces were looked for."""


def require_faces_looked_for(check: FaceCheck) -> None:
    """Refuses (raises) unless the faces were looked for: fail closed."""
    if check not in (FaceCheck.LOOKED, FaceCheck.TURNED_OFF):
        raise FacesNotLookedFor(translate(
            "PhotoPipeline", "This photo's faces have not been looked for, so it cannot be "
                             "prepared. Look for faces in it, or turn the search off for it "
                             "and cover every face by hand."))
