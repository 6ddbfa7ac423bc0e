"""Reusable widgets of the studylog TUI."""
