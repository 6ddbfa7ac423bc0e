"""Checkers: how a program's output is compared with the expected answer.

:mod:`.spec` parses a problem's checker setting once into a :class:`~.spec.CheckerSpec`;
:mod:`.compare` holds the built-in comparisons and :func:`~.compare.judge_output`;
:mod:`.special` runs a problem's own checker program (a special judge).
"""
