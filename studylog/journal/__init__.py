"""The daily record: days, entries, to-dos and tags; search; stats; publishing in ``publish/``.

UI-free: the CLI and the TUI call these functions with an open database.
"""
