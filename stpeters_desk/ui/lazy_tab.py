"""A tab page whose content is built the first time it is needed.

After the PIN the head teacher waits only for the tab in front of them: every other
tab is a ``LazyTab`` holding the recipe for its content, built when the tab is first
opened (or when the window is idle, see ``MainWindow``). The page itself stays in the
tab bar from the start, so the tab order, Ctrl+1..9, F1 help and the guided tour see
every tab at once; the tour finds its words by the content's object name, which the
page carries before the content exists.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

CONTENT_NAME_PROPERTY = "tabContent"  # the content's object name, e.g. "ModerationTab"


class LazyTab(QWidget):
    """A tab page that builds its content on first use and then simply holds it."""

    def __init__(self, content_name: str, build: Callable[[], QWidget],
                 built: Callable[[QWidget], None] | None = None) -> None:
        super().__init__()
        self.setObjectName(f"{content_name}Page")
        self.setProperty(CONTENT_NAME_PROPERTY, content_name)
        self._build = build
        self._built = built
        self.content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

    @property
    def is_built(self) -> bool:
        return self.content is not None

    def build(self) -> QWidget:
        """The content, built now if it was not yet."""
        if self.content is None:
            content = self._build()
            self.content = content
            layout = self.layout()
            assert layout is not None
            layout.addWidget(content)
            content.show()  # at once: a layout shows a new child only on the next event loop
            if self._built is not None:
                self._built(content)
        return self.content


def content_of(page: QWidget | None) -> QWidget | None:
    """What a tab shows: a lazy page's content (built now if needed), or the page itself."""
    return page.build() if isinstance(page, LazyTab) else page


def content_name(page: QWidget) -> str:
    """The object name of what the page shows, even before it is built."""
    name = page.property(CONTENT_NAME_PROPERTY)
    return str(name) if name else page.objectName()
