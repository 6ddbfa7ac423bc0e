"""The Train screen, one module per part: the screen (``screen``), its run form (``form``), the
Live, Params, Runs and LR tabs (``live``, ``params``, ``runs``, ``lr``) and the messages their
workers post (``messages``)."""

from studylog.tui.screens.train.screen import TrainScreen

__all__ = ["TrainScreen"]
