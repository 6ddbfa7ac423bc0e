"""Today and the other days, one module per part: the screen with its editors, autosave,
to-dos and panels (``screen``), the same screen on another date (``day``), a section's
revisions (``revisions``, with their modal in ``history``), the blog-post modal (``export``) and
the messages their workers post (``messages``)."""

from studylog.tui.screens.today.day import DayScreen
from studylog.tui.screens.today.screen import TodayScreen

__all__ = ["DayScreen", "TodayScreen"]
