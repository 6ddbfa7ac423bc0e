"""The daily record: days, entries, to-dos and tags; search; stats; blog/markdown/json import-export.

UI-free: the CLI and the TUI call these functions with an open database.
"""
