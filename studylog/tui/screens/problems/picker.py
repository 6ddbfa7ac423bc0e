"""The Solve tab's file picker: a folder tree showing only source files, able to go up a folder
and to refresh (new files appear)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.binding import Binding
from textual.widgets import DirectoryTree

SOURCE_SUFFIXES = (".py", ".c", ".cpp", ".cc", ".cxx", ".java")


class SourceTree(DirectoryTree):
    """A DirectoryTree of folders and solution files (.py .c .cpp .java); backspace goes up a
    folder, ctrl+l reloads."""

    BINDINGS = [
        Binding("backspace", "up", "Up a folder"),
        Binding("ctrl+l", "refresh_tree", "Refresh"),
    ]

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        """Folders (not hidden) and source files only."""
        for p in paths:
            if p.name.startswith("."):
                continue
            try:
                if p.is_dir() or p.suffix.lower() in SOURCE_SUFFIXES:
                    yield p
            except OSError:
                continue

    def action_up(self) -> None:
        """Show the parent folder."""
        here = Path(self.path).resolve()
        if here.parent != here:
            self.path = here.parent

    def action_refresh_tree(self) -> None:
        """Read the folder again."""
        self.reload()

    def show(self, folder: Path) -> None:
        """Show ``folder`` (or reload when it is already shown)."""
        folder = folder.resolve()
        if Path(self.path).resolve() == folder:
            self.reload()
        else:
            self.path = folder
