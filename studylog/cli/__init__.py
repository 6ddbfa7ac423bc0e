"""The command-line interface: thin Typer commands that parse, call a service and print.

One module per command group, named for its commands: ``journal`` (today, show, note, label,
history, restore, prune-history, search, export, import, backup, stats, config), ``todo``,
``solve``, ``problems``, ``train`` (with ``train lr``), ``runs`` and ``study`` (review, week).
``main`` registers every group in one list; a new group is a module here and its lines there.
``render/`` draws the output; ``run_control`` owns signals, Ctrl-C and exit codes; ``context``
holds the invocation's database; ``tui_cmd`` opens the app when no command is given.
"""
