"""Errors that mean "bad usage or bad input": the CLI prints their message on one line and exits 2."""


class UserError(Exception):
    """Bad input from the user (a bad date, an unknown section, a missing file...).

    The message is shown as-is on one line of stderr; the exit code is 2.
    """


class CheckFailed(Exception):
    """The check the user asked for ran and failed (exit code 1)."""
