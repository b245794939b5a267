"""Every link from the README and the guides to a file of this repository names a file
that exists (the gallery's pictures are redrawn and renamed; a link must follow)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")),
             *sorted((ROOT / "installers").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_local_link_names_an_existing_file(document: Path) -> None:
    missing = []
    for link in LINK.findall(document.read_text(encoding="utf-8")):
        path = link.split("#", 1)[0]
        if not path or re.match(r"^[a-z]+:", path):
            continue  # a web address, or a place in the same page
        if not (document.parent / path).exists():
            missing.append(link)
    assert not missing, f"{document.name} links to missing files: {missing}"


def test_the_readme_shows_its_pictures() -> None:
    pictures = [link for link in LINK.findall((ROOT / "README.md").read_text(encoding="utf-8"))
                if link.endswith(".png")]
    assert len(pictures) >= 5
    assert all((ROOT / picture).stat().st_size > 5_000 for picture in pictures)
