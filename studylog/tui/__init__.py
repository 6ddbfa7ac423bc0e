"""The Textual app: one window for the whole study day (``studylog`` with no command)."""
