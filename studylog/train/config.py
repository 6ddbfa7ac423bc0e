"""TrainConfig: every option of a training run, checked before anything is built (torch-free)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from studylog.errors import UserError

MODELS = ("resnet18", "cnn", "mlp")
DATASETS = ("mnist5k", "mnist", "fashion-mnist")
LOSSES = ("ce", "label-smoothing", "focal", "f1")
OPTIMIZERS = ("sgd", "adam", "adamw")
SCHEDULERS = ("none", "step", "cosine", "plateau")
DEVICES = ("auto", "cpu", "cuda")
#: Blocks named layer1..layerN per model (what ``--freeze until:layerN`` may name).
LAYERS = {"resnet18": 4, "cnn": 2, "mlp": 2}
DEFAULT_LR = {"sgd": 0.01, "adam": 1e-3, "adamw": 1e-3}  # sgd+momentum 0.9 at 0.05 diverged on some seeds
_DOTTED = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*[.:][A-Za-z_]\w*$")


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise UserError(f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}")


@dataclass
class TrainConfig:
    """Options of one run; :meth:`validate` raises UserError on the first bad one."""

    model: str = "cnn"
    dataset: str = "mnist5k"
    imbalance: float | None = None
    loss: str = "ce"
    smoothing: float = 0.1
    focal_gamma: float = 2.0
    optimizer: str = "sgd"
    lr: float | None = None
    momentum: float = 0.9
    weight_decay: float = 0.0
    scheduler: str = "none"
    step_size: int = 2
    gamma: float = 0.1
    t_max: int | None = None
    patience: int = 1
    freeze: str = "none"
    epochs: int = 5
    batch_size: int = 64
    limit: int | None = None
    seed: int | None = None
    device: str = "auto"

    def validate(self) -> TrainConfig:
        """Check every option (and fill the optimizer's default lr); return self."""
        _choice("model", self.model, MODELS)
        _choice("dataset", self.dataset, DATASETS)
        if self.loss not in LOSSES and not _DOTTED.match(self.loss):
            raise UserError(
                f"unknown loss {self.loss!r}; choose one of: {', '.join(LOSSES)}, "
                "or a dotted path to your own nn.Module such as mypkg.losses:MyLoss"
            )
        _choice("optimizer", self.optimizer, OPTIMIZERS)
        _choice("scheduler", self.scheduler, SCHEDULERS)
        _choice("device", self.device, DEVICES)
        if self.lr is None:
            self.lr = DEFAULT_LR[self.optimizer]
        if not self.lr > 0 or self.lr != self.lr:
            raise UserError(f"--lr must be a positive number, not {self.lr}")
        if not 0 <= self.smoothing < 1:
            raise UserError(f"--smoothing must be in [0, 1), not {self.smoothing}")
        if self.focal_gamma < 0:
            raise UserError(f"--focal-gamma must be >= 0, not {self.focal_gamma}")
        if not 0 <= self.momentum < 1:
            raise UserError(f"--momentum must be in [0, 1), not {self.momentum}")
        if self.weight_decay < 0:
            raise UserError(f"--weight-decay must be >= 0, not {self.weight_decay}")
        if self.step_size < 1:
            raise UserError(f"--step-size must be at least 1, not {self.step_size}")
        if not 0 < self.gamma <= 1:
            raise UserError(f"--gamma must be in (0, 1], not {self.gamma}")
        if self.t_max is not None and self.t_max < 1:
            raise UserError(f"--t-max must be at least 1, not {self.t_max}")
        if self.patience < 0:
            raise UserError(f"--patience must be >= 0, not {self.patience}")
        if self.epochs < 1:
            raise UserError(f"--epochs must be at least 1, not {self.epochs}")
        if self.batch_size < 1:
            raise UserError(f"--batch-size must be at least 1, not {self.batch_size}")
        if self.limit is not None and self.limit < 10:
            raise UserError(f"--limit must be at least 10 samples, not {self.limit}")
        if self.imbalance is not None and not self.imbalance >= 1:
            raise UserError(
                "--imbalance is the ratio largest/smallest class (>= 1, e.g. 10), "
                f"not {self.imbalance}"
            )
        if self.seed is not None and not 0 <= self.seed < 2**63:
            raise UserError(f"--seed must be a non-negative integer, not {self.seed}")
        self.freeze_layer()  # checks the --freeze spelling
        return self

    def freeze_layer(self) -> int | None:
        """N for ``until:layerN`` (checked against the model), else None."""
        spec = self.freeze
        if spec in ("none", "all", "backbone"):
            return None
        m = re.fullmatch(r"until:layer(\d+)", spec)
        if not m:
            raise UserError(
                f"unknown --freeze {spec!r}; choose none, all, backbone or until:layerN"
            )
        n, top = int(m.group(1)), LAYERS[self.model]
        if not 1 <= n <= top:
            raise UserError(
                f"--freeze {spec}: {self.model} has blocks layer1..layer{top}, there is no layer{n}"
            )
        return n

    @property
    def t_max_or_epochs(self) -> int:
        """CosineAnnealingLR's T_max: --t-max, or the number of epochs."""
        return self.t_max or self.epochs

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (stored as the run's config_json)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrainConfig:
        """Rebuild from :meth:`to_dict` output (unknown keys ignored)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
