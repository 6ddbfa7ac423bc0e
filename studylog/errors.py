"""Errors that mean "bad usage or bad input": the CLI prints their message on one line and exits 2."""


class UserError(Exception):
    """Bad input from the user (a bad date, an unknown section, a missing file...).

    The message is shown as-is on one line of stderr; the exit code is 2.
    """


class CheckFailed(Exception):
    """The check the user asked for ran and failed (exit code 1)."""


def error_line(exc: BaseException | None) -> str:
    """The one line a user sees for an error, in the CLI and the app alike.

    A :class:`UserError` or :class:`CheckFailed` is shown as its message; anything else as its type
    and the first line of its message.
    """
    if exc is None:
        return "unknown error"
    if isinstance(exc, UserError | CheckFailed):
        return str(exc)
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first}".rstrip(": ")
