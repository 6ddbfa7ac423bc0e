"""TrainConfig: every option of a training run, checked once when it is made (torch-free).

A TrainConfig is frozen: one that exists is valid, so nothing downstream checks it again. A
changed copy (:func:`dataclasses.replace`) is checked like a new one.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, fields
from typing import Any

from studylog.errors import UserError
from studylog.words import say

MODELS = ("resnet18", "cnn", "mlp")
DATASETS = ("mnist5k", "mnist", "fashion-mnist")
LOSSES = ("ce", "label-smoothing", "focal", "f1")
OPTIMIZERS = ("sgd", "adam", "adamw")
SCHEDULERS = ("none", "step", "cosine", "plateau")
DEVICES = ("auto", "cpu", "cuda")
#: Blocks named layer1..layerN per model (what ``--freeze until:layerN`` may name).
LAYERS = {"resnet18": 4, "cnn": 2, "mlp": 2}
FREEZE_MODES = ("none", "backbone", "all")  # plus until:layerN, see freeze_choices()
DEFAULT_LR = {"sgd": 0.01, "adam": 1e-3, "adamw": 1e-3}  # sgd+momentum 0.9 at 0.05 diverged on some seeds
_DOTTED = re.compile(r"^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*[.:][A-Za-z_]\w*$")


def freeze_choices(model: str) -> list[str]:
    """The ``--freeze`` choices that make sense for ``model``."""
    return [*FREEZE_MODES] + [f"until:layer{i}" for i in range(1, LAYERS.get(model, 0) + 1)]


def parse_classes(spec: str) -> list[int]:
    """``0-4``, ``5-9``, ``0,2,4`` or ``0-2,7`` → sorted digits (UserError when unreadable)."""
    out: set[int] = set()
    for part in spec.replace(" ", "").split(","):
        m = re.fullmatch(r"(\d)(?:-(\d))?", part)
        if not m:
            raise UserError(say(f"--classes {spec!r}: 0-4, 5-9, 0,2,4처럼 숫자로 쓰세요",
                                f"--classes {spec!r}: write digits like 0-4, 5-9 or 0,2,4"))
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        if lo > hi:
            raise UserError(say(f"--classes {spec!r}: {lo}-{hi}는 거꾸로 된 범위입니다",
                                f"--classes {spec!r}: {lo}-{hi} runs backwards"))
        out.update(range(lo, hi + 1))
    if len(out) < 2:
        raise UserError(say(f"--classes {spec!r}: 분류기는 클래스가 두 개 이상 있어야 합니다",
                            f"--classes {spec!r}: a classifier needs at least two classes"))
    return sorted(out)


def classes_label(digits: list[int]) -> str:
    """The shortest spelling of a class set: ``0-4``, ``0,2,4``."""
    if digits == list(range(digits[0], digits[-1] + 1)) and len(digits) > 2:
        return f"{digits[0]}-{digits[-1]}"
    return ",".join(str(d) for d in digits)


def _finite(name: str, value: float, lo: float, hi: float, *, lo_open: bool = False,
            hi_open: bool = False) -> None:
    """UserError unless ``value`` is a finite number in the range."""
    ok = isinstance(value, int | float) and math.isfinite(value)
    ok = ok and (value > lo if lo_open else value >= lo) and (value < hi if hi_open else value <= hi)
    if not ok:
        left, right = "(" if lo_open else "[", ")" if hi_open else "]"
        raise UserError(say(f"--{name}은(는) {left}{lo:g}, {hi:g}{right} 범위의 유한한 수여야 "
                            f"합니다: {value}",
                            f"--{name} must be a finite number in {left}{lo:g}, {hi:g}{right}, "
                            f"not {value}"))


#: the most epochs a run (and an LR preview) may have
MAX_EPOCHS = 10_000


def _int(name: str, value: int, lo: int, hi: int) -> None:
    if not lo <= value <= hi:
        raise UserError(say(f"--{name}은(는) {lo:,}에서 {hi:,} 사이의 정수여야 합니다: {value}",
                            f"--{name} must be an integer from {lo:,} to {hi:,}, not {value}"))


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise UserError(say(f"--{name}: {value!r}은(는) 없습니다 (다음 중 하나를 고르세요: "
                            f"{', '.join(allowed)})",
                            f"unknown {name} {value!r}; choose one of: {', '.join(allowed)}"))


@dataclass(frozen=True)
class TrainConfig:
    """Options of one run, checked when made: UserError on the first bad one.

    Making it fills the optimizer's default ``lr`` and spells ``classes`` the shortest way.
    """

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
    classes: str | None = None      # a digit subset such as 0-4 (None: all ten)
    from_run: int | None = None     # start from this run's best weights

    def __post_init__(self) -> None:
        """Check every option (and fill the optimizer's default lr)."""
        _choice("model", self.model, MODELS)
        _choice("dataset", self.dataset, DATASETS)
        if self.loss not in LOSSES and not _DOTTED.match(self.loss):
            raise UserError(say(
                f"모르는 loss입니다: {self.loss!r} (다음 중 하나를 고르거나: {', '.join(LOSSES)}, "
                "직접 만든 nn.Module의 경로를 mypkg.losses:MyLoss처럼 쓰세요)",
                f"unknown loss {self.loss!r}; choose one of: {', '.join(LOSSES)}, "
                "or a dotted path to your own nn.Module such as mypkg.losses:MyLoss"
            ))
        _choice("optimizer", self.optimizer, OPTIMIZERS)
        _choice("scheduler", self.scheduler, SCHEDULERS)
        _choice("device", self.device, DEVICES)
        if self.lr is None:
            object.__setattr__(self, "lr", DEFAULT_LR[self.optimizer])
        assert self.lr is not None
        _finite("lr", self.lr, 0, 1000, lo_open=True)
        _finite("smoothing", self.smoothing, 0, 1, hi_open=True)
        _finite("focal-gamma", self.focal_gamma, 0, 20)
        _finite("momentum", self.momentum, 0, 1, hi_open=True)
        _finite("weight-decay", self.weight_decay, 0, 1)
        _finite("gamma", self.gamma, 0, 1, lo_open=True)
        _int("step-size", self.step_size, 1, 100_000)
        if self.t_max is not None:
            _int("t-max", self.t_max, 1, 100_000)
        _int("patience", self.patience, 0, 100_000)
        _int("epochs", self.epochs, 1, MAX_EPOCHS)
        _int("batch-size", self.batch_size, 1, 65_536)
        if self.limit is not None:
            _int("limit", self.limit, 10, 100_000_000)
        if self.imbalance is not None:
            if not (math.isfinite(self.imbalance) and 1 <= self.imbalance <= 1e6):
                raise UserError(say(
                    "--imbalance는 가장 큰 클래스와 가장 작은 클래스의 비율입니다 "
                    f"(1에서 1,000,000 사이, 예: 10): {self.imbalance}",
                    "--imbalance is the ratio largest/smallest class (1 to 1,000,000, e.g. 10), "
                    f"not {self.imbalance}"
                ))
        if self.seed is not None and not 0 <= self.seed < 2**63:
            raise UserError(say(f"--seed는 0부터 2^63-1까지의 정수여야 합니다: {self.seed}",
                                f"--seed must be an integer from 0 to 2^63-1, not {self.seed}"))
        if self.classes is not None:
            object.__setattr__(self, "classes", classes_label(parse_classes(self.classes)))
        if self.from_run is not None:
            _int("from", self.from_run, 1, 2**62)
        self.freeze_layer()  # checks the --freeze spelling

    def validate(self) -> TrainConfig:
        """This config (it was checked when made); kept for the app's form, which still calls it."""
        return self

    def freeze_layer(self) -> int | None:
        """N for ``until:layerN`` (checked against the model), else None."""
        spec = self.freeze
        if spec in ("none", "all", "backbone"):
            return None
        m = re.fullmatch(r"until:layer(\d+)", spec)
        if not m:
            raise UserError(say(
                f"모르는 --freeze입니다: {spec!r} (none, all, backbone, until:layerN 중 하나를 고르세요)",
                f"unknown --freeze {spec!r}; choose none, all, backbone or until:layerN"
            ))
        n, top = int(m.group(1)), LAYERS[self.model]
        if not 1 <= n <= top:
            raise UserError(say(
                f"--freeze {spec}: {self.model}의 블록은 layer1..layer{top}이고 layer{n}은 없습니다",
                f"--freeze {spec}: {self.model} has blocks layer1..layer{top}, there is no layer{n}"
            ))
        return n

    def class_list(self) -> list[int] | None:
        """The digits of ``--classes`` (None: all classes)."""
        return None if self.classes is None else parse_classes(self.classes)

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
