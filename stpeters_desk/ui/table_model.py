"""One table model for every list of rows the tabs show (audit entries, replies, followers),
and one way to sort those tables from the keyboard.

Rows are plain Python objects in a list; Qt asks only for the cells it draws,
so a table of 100,000 followers stays quick. Subclasses say what each cell
shows; sorting and filtering happen in Python over the list (a
``QSortFilterProxyModel`` would call ``data()`` for every comparison and take
close to a minute on 100,000 rows).

Issue 8 asks for tables that can be sorted without a mouse. ``TableSorting``
gives every table the same keys: with the table focused, Ctrl+Shift+1 to
Ctrl+Shift+9 sort by that column and pressing the same keys again reverses it;
Ctrl+Shift+0 goes back to the list's own order (needs-you-first, new followers
first, newest entry first). The table's context menu (right click, or the
keyboard's Menu key; Shift+F10 too on Windows) lists the same choices with their
keys, so nobody has to remember them. The header shows the sort indicator and
the table's accessible description says in words how it is sorted, so a screen
reader announces it.

Ctrl+Shift was chosen because the window already uses Ctrl+1 to Ctrl+9 for its
tabs, Ctrl+J/K, F5 and F1; the keys act only while the table has the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

AnyIndex = QModelIndex | QPersistentModelIndex
SortKey = Callable[[Any], Any]

LIST_ORDER = -1  # Qt's "no sort column": the order the rows were given in
KEYED_COLUMNS = 9  # Ctrl+Shift+1 … Ctrl+Shift+9; later columns are in the context menu only


def sort_keys(column: int) -> QKeySequence | None:
    """The keys that sort by ``column`` (counted from 0), or None past the ninth column."""
    if column == LIST_ORDER:
        return QKeySequence("Ctrl+Shift+0")
    if 0 <= column < KEYED_COLUMNS:
        return QKeySequence(f"Ctrl+Shift+{column + 1}")
    return None


class RowsTableModel(QAbstractTableModel):
    """Rows in the order they were given, shown filtered (if a subclass filters) and sorted.

    ``columns`` holds the English titles, each marked at its definition with
    ``QT_TRANSLATE_NOOP(context, "...")``; ``context`` names that translation context
    so the headers are shown in the chosen language.
    """

    columns: tuple[str, ...] = ()
    context = "RowsTableModel"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []
        self._given: list[Any] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    def selected_in(self, view: QAbstractItemView) -> Any | None:
        """The row object selected in ``view`` (a table over this model), or None."""
        chosen = view.selectionModel().selectedRows()
        if not chosen:
            return None
        number = chosen[0].row()
        return self.rows[number] if 0 <= number < len(self.rows) else None

    def set_rows(self, rows: list[Any]) -> None:
        """Show these rows; the current filter and sort apply to them straight away."""
        self.beginResetModel()
        self._given = rows
        self._arrange()
        self.endResetModel()

    def column_title(self, column: int) -> str:
        return QCoreApplication.translate(self.context, self.columns[column])

    @property
    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        """(column, order) when sorted by a column; None in the list's own order."""
        return self._sorted_by

    # -- what each subclass says about its rows ------------------------------------------
    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: Any, column: int) -> str | None:
        return None

    def icon(self, row: Any, column: int) -> QIcon | None:
        """A status mark drawn beside the cell's words (``ui.status_marks``), or None."""
        return None

    def right_aligned(self, column: int) -> bool:
        return False

    def sort_key(self, column: int) -> SortKey:
        """What to compare when sorting by ``column``: by default the words shown.

        Subclasses give the underlying value where the words would sort wrongly
        (numbers, dates) or would be slow to build for 100,000 rows.
        """
        return lambda row: self.cell(row, column).casefold()

    def shown_of(self, rows: Sequence[Any]) -> list[Any]:
        """The rows to show, in the given order, as a new list (subclasses filter here)."""
        return list(rows)

    # -- sorting ---------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the Python list itself and keep Qt's remembered positions (the selection)
        on the same row objects. ``column`` -1 goes back to the list's own order."""
        self._sorted_by = (column, order) if 0 <= column < len(self.columns) else None
        self.layoutAboutToBeChanged.emit()
        remembered = [(index, self.rows[index.row()], index.column())
                      for index in self.persistentIndexList()
                      if index.isValid() and index.row() < len(self.rows)]
        self._arrange()
        if remembered:
            position = {id(row): number for number, row in enumerate(self.rows)}
            self.changePersistentIndexList(
                [index for index, _row, _column in remembered],
                [self._index_of(position, row, column) for _index, row, column in remembered])
        self.layoutChanged.emit()

    def _index_of(self, position: dict[int, int], row: Any, column: int) -> QModelIndex:
        number = position.get(id(row))
        return QModelIndex() if number is None else self.index(number, column)

    def _arrange(self) -> None:
        """Filter from the given order, then sort: rows that compare equal keep that order."""
        rows = self.shown_of(self._given)
        if self._sorted_by is not None:
            column, order = self._sorted_by
            rows.sort(key=self.sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows = rows

    # -- Qt's questions ----------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        return None

    def _header_tip(self, section: int) -> str:
        keys = sort_keys(section)
        if keys is None:
            return self.tr("Sort by this column: click it, or use the list's context menu")
        return self.tr("Sort by this column: click it, or press {keys} in the list; "
                       "again to reverse").format(
            keys=keys.toString(QKeySequence.SequenceFormat.NativeText))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icon(row, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and self.right_aligned(index.column()):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TableSorting(QObject):
    """Sorting a table by the keyboard as well as by clicking its header.

    Each choice is a ``QAction`` on the table: it carries the keys (active only
    while the table has focus, so they never reach a text box) and is listed in the
    table's context menu with a tick beside the current choice, so the sort is
    never shown by the header's arrow alone.
    """

    def __init__(self, view: QTableView, model: RowsTableModel, list_order: str,
                 initial: tuple[int, Qt.SortOrder] | None = None) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._description = view.accessibleDescription()
        self.actions: dict[int, QAction] = {}
        for column in (LIST_ORDER, *range(len(model.columns))):
            text = list_order if column == LIST_ORDER else self.tr("Sort by {column}").format(
                column=model.column_title(column))
            self.actions[column] = self._action(text, column)
        header = view.horizontalHeader()
        header.setSortIndicator(*(initial or (LIST_ORDER, Qt.SortOrder.AscendingOrder)))
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.setSortingEnabled(True)  # sorts now, by ``initial`` or in the list's own order
        # After the view's own connection, so the model is sorted before it is described.
        header.sortIndicatorChanged.connect(lambda *_: self._announce())
        view.setToolTip("\n".join(part for part in (view.toolTip(), self.keys_help()) if part))
        self._announce()

    def _action(self, text: str, column: int) -> QAction:
        action = QAction(text, self._view)
        action.setCheckable(True)
        keys = sort_keys(column)
        if keys is not None:
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False, column=column: self.sort_by(column))
        self._view.addAction(action)
        return action

    def sort_by(self, column: int) -> None:
        """Sort by ``column``, A to Z (lowest, oldest) first; again reverses it."""
        order = Qt.SortOrder.AscendingOrder
        if self._model.sorted_by == (column, Qt.SortOrder.AscendingOrder):
            order = Qt.SortOrder.DescendingOrder
        self._view.sortByColumn(column, order)
        self._announce()  # also when the header's indicator did not change (Ctrl+Shift+0 twice)
        chosen = self._view.selectionModel().selectedRows()
        if chosen:
            self._view.scrollTo(chosen[0])

    def state(self) -> str:
        """How the table is sorted, in words for the screen reader."""
        sorted_by = self._model.sorted_by
        if sorted_by is None:
            return self.tr("In the list's own order.")
        column, order = sorted_by
        title = self._model.column_title(column)
        if order == Qt.SortOrder.AscendingOrder:
            return self.tr("Sorted by {column}: A to Z, lowest or oldest first.").format(
                column=title)
        return self.tr("Sorted by {column}: Z to A, highest or newest first.").format(
            column=title)

    def keys_help(self) -> str:
        return self.tr("Ctrl+Shift and a column's number sort by it; the same keys again "
                       "reverse it; Ctrl+Shift+0 puts back the list's own order. The menu "
                       "key lists every choice.")

    def _announce(self) -> None:
        """Tick the current choice and put the sort into words; a screen reader hears the
        table's description change (only when it really changed, so it is said once)."""
        sorted_by = self._model.sorted_by
        current = sorted_by[0] if sorted_by is not None else LIST_ORDER
        for column, action in self.actions.items():
            action.setChecked(column == current)
        state = self.state()
        words = " ".join(part for part in (self._description, state, self.keys_help()) if part)
        if words == self._view.accessibleDescription():
            return
        self._view.setAccessibleDescription(words)
        self._view.horizontalHeader().setAccessibleDescription(state)
