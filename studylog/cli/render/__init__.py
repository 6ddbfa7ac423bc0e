"""Terminal output of the commands, one module per thing rendered: a journal day's lines
(``journal``), a verdict table (``solve``), a training run (``train``) and stored runs
(``runs``). Rendering only: signals and exit codes are :mod:`studylog.cli.run_control`'s."""
