"""studylog: the daily record, an offline judge and a PyTorch training lab in one terminal program."""

__version__ = "0.1.0"


def _sqlite_utils_without_numpy() -> None:
    """Import sqlite-utils without letting it import numpy (~60 ms of every start where numpy is
    installed, as it is beside torch): it only uses numpy to map numpy types when it infers a
    new table's columns, and studylog's tables come from its migrations. numpy itself stays
    importable (torch imports it later as usual)."""
    import sys

    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # import numpy: ImportError
    try:
        import sqlite_utils  # noqa: F401
    except ImportError:
        pass
    finally:
        del sys.modules["numpy"]


_sqlite_utils_without_numpy()
