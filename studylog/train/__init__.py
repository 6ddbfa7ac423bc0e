"""The training lab: datasets, models, losses, optimizers and schedulers, freezing, metrics and a
UI-free engine that yields events.

This package is the only part of studylog that imports torch, and only in the modules that need
it: ``config`` and ``lr_preview`` are torch-free, so the CLI can check options and preview an LR
schedule without paying for ``import torch``.
"""
