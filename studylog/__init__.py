"""studylog: the daily record, an offline judge and a PyTorch training lab in one terminal program."""

__version__ = "0.1.0"
