"""The Problems screen, one module per part: the screen and its list (``screen``), the Solve tab
(``solve``, with the file picker in ``picker``), the History tab (``history``) and the messages
their workers post (``messages``)."""

from studylog.tui.screens.problems.screen import ProblemsScreen

__all__ = ["ProblemsScreen"]
