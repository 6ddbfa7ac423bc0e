"""Widgets that show text as it is written.

Textual reads a ``str`` given to a Label, a Static, a DataTable cell or a notification as markup:
a search for ``[/s가7`` crashed the app (MarkupError), and a file name, a to-do, a program's
output or a teammate's comment holding ``[b]`` turned bold. studylog's own words use no markup,
so every screen builds its labels, tables and notices from these: the same widgets with markup
off (``tests/test_architecture.py`` keeps the screens on them).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import DataTable as _DataTable
from textual.widgets import Label as _Label
from textual.widgets import Static as _Static


def plain(value: Any) -> Any:
    """A ``str`` as plain Rich text (no markup); anything else as it is."""
    return Text(value, end="") if isinstance(value, str) else value


class Label(_Label):
    """A Label whose text is never read as markup."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(content, markup=markup, **kwargs)


class Static(_Static):
    """A Static whose text is never read as markup."""

    def __init__(self, content: Any = "", *, markup: bool = False, **kwargs: Any) -> None:
        super().__init__(content, markup=markup, **kwargs)


class DataTable(_DataTable[Any]):
    """A DataTable whose string cells, column and row labels are plain text, not markup."""

    def add_column(self, label: Any, *args: Any, **kwargs: Any) -> Any:
        """Add a column (its label as plain text)."""
        return super().add_column(plain(label), *args, **kwargs)

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> Any:
        """Add a row (its string cells as plain text)."""
        return super().add_row(*(plain(c) for c in cells), height=height, key=key,
                               label=plain(label) if label is not None else None)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, *,
                    update_width: bool = False) -> None:
        """Set one cell (a string as plain text)."""
        super().update_cell(row_key, column_key, plain(value), update_width=update_width)

    def update_cell_at(self, coordinate: Any, value: Any, *, update_width: bool = False) -> None:
        """Set the cell at ``coordinate`` (a string as plain text)."""
        super().update_cell_at(coordinate, plain(value), update_width=update_width)
