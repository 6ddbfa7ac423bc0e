"""The offline judge: problem bank, languages, sandboxed runs, checkers, verdicts, stress+shrink.

UI-free. The CLI and the TUI call :mod:`studylog.judge.service` (``solve_events``/``solve``,
``stress_and_save``, ``add_problem``, ``new_starter``), :mod:`studylog.judge.bank`
(``list_problems``, ``get_problem``) and :mod:`studylog.judge.history` (``statuses``,
``history``). Events and results are the dataclasses of :mod:`runner` and :mod:`stress`.
"""
