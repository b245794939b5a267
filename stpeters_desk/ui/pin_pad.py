"""A PIN entry that works with a keyboard and with fingers on the staffroom kiosk.

Digits are masked; the on-screen buttons are large enough to hit on a touch
screen, and typing on a keyboard works the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

MAX_PIN_LENGTH = 12


class PinPad(QWidget):
    """Emits ``submitted`` with the PIN when OK (or Enter) is pressed."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None, ok_text: str = "") -> None:
        """``ok_text`` names what OK does (already translated); "Sign in" when empty."""
        super().__init__(parent)
        self.setObjectName("PinPad")
        ok_text = ok_text or self.tr("Sign in")
        self.field = QLineEdit()
        self.field.setObjectName("PinField")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN_LENGTH)
        self.field.setPlaceholderText(self.tr("PIN"))
        self.field.setAccessibleName(self.tr("PIN"))
        self.field.setToolTip(self.tr("Type your PIN with the keyboard or the buttons below; "
                                      "the digits stay hidden"))
        self.field.setInputMask("")
        self.field.returnPressed.connect(self.submit)
        self.field.textEdited.connect(self._keep_digits)
        grid = QGridLayout()
        grid.setSpacing(6)
        for index, digit in enumerate("123456789"):
            grid.addWidget(self._key(digit), index // 3, index % 3)
        self.clear_button = self._key("⌫", self.backspace, self.tr("Delete the last digit"))
        self.clear_button.setToolTip(self.tr("Delete the last digit"))
        grid.addWidget(self.clear_button, 3, 0)
        grid.addWidget(self._key("0"), 3, 1)
        self.ok_button = self._key(ok_text, self.submit, ok_text)
        self.ok_button.setProperty("primary", True)
        grid.addWidget(self.ok_button, 3, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field)
        layout.addLayout(grid)
        self._grid = grid

    def even_columns(self) -> None:
        """Three equal columns, however long the OK button's words: an even pad is easier
        to hit. For dialogs, where the pad is as narrow as it can be; not called on the
        sign-in screen, whose pad is stretched wide anyway and which must appear fast
        (measuring the keys polishes them early, about 2 % of the start-up)."""
        widest = max(key.sizeHint().width() for key in self.findChildren(QPushButton))
        for column in range(3):
            self._grid.setColumnMinimumWidth(column, widest)
            self._grid.setColumnStretch(column, 1)

    def _key(self, label: str, action: object = None, accessible: str = "") -> QPushButton:
        button = QPushButton(label)
        button.setObjectName("PinKey")
        button.setMinimumSize(56, 48)
        button.setAccessibleName(accessible or self.tr("Digit {digit}").format(digit=label))
        if action is None:
            button.clicked.connect(lambda: self.press(label))
        else:
            button.clicked.connect(action)
        return button

    def press(self, digit: str) -> None:
        if len(self.field.text()) < MAX_PIN_LENGTH:
            self.field.setText(self.field.text() + digit)
        self.field.setFocus()

    def backspace(self) -> None:
        self.field.setText(self.field.text()[:-1])
        self.field.setFocus()

    def _keep_digits(self, text: str) -> None:
        digits = "".join(c for c in text if c.isdigit())
        if digits != text:
            self.field.setText(digits)

    def submit(self) -> None:
        pin = self.field.text()
        if pin:
            self.submitted.emit(pin)

    def clear(self) -> None:
        self.field.clear()

    def set_busy(self, busy: bool) -> None:
        self.setEnabled(not busy)
        if not busy:
            self.field.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.text().isdigit():
            self.press(event.text())
            return
        super().keyPressEvent(event)
