"""The digits: mnist5k (offline, shipped in data/), MNIST and Fashion-MNIST (torchvision download).

mnist5k's four IDX files are read directly with numpy (no torchvision import: it costs ~2 s of
start-up); MNIST and Fashion-MNIST go through torchvision's dataset class (it downloads them).
Every dataset is read once and turned into two tensors
(images normalised to mean 0 / std 1 as float32 N×1×28×28, labels int64), so an epoch costs one
index shuffle and no per-image PIL work. The validation split is fixed: the dataset's own test
split (``t10k``), the same digits on every run.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import torch

from studylog.errors import UserError
from studylog.paths import data_dir
from studylog.words import say

MEAN, STD = 0.1307, 0.3081  # MNIST pixel statistics (also fine for Fashion-MNIST here)
CLASSES = {
    "mnist5k": [str(i) for i in range(10)],
    "mnist": [str(i) for i in range(10)],
    "fashion-mnist": ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt",
                      "Sneaker", "Bag", "Boot"],
}


@dataclass
class Split:
    """Images (N×1×28×28 float32) and labels (N int64) of one split."""

    x: torch.Tensor
    y: torch.Tensor

    def __len__(self) -> int:
        return len(self.y)

    def to(self, device: torch.device) -> Split:
        """The same split on ``device``."""
        return Split(self.x.to(device), self.y.to(device))


@dataclass
class Data:
    """Training and validation splits plus what was done to them."""

    name: str
    train: Split
    val: Split
    classes: list[str]
    kept: list[float] = field(default_factory=list)  # share of each class kept by --imbalance
    notes: list[str] = field(default_factory=list)    # lines for the user (what was cut, ...)

    def class_counts(self, split: str = "train") -> list[int]:
        """Samples per class in the train or val split."""
        y = (self.train if split == "train" else self.val).y
        return torch.bincount(y.cpu(), minlength=len(self.classes)).tolist()


def _root(name: str) -> Path:
    return data_dir() / ("mnist5k" if name == "mnist5k" else name)


def _remove_empty_dirs(root: Path) -> None:
    """Undo the empty folders a failed download leaves behind."""
    for folder in sorted(root.glob("**/"), key=lambda p: len(p.parts), reverse=True):
        try:
            folder.rmdir()
        except OSError:
            pass


def read_idx(path: Path) -> torch.Tensor:
    """An IDX file (unsigned bytes, 1-3 dimensions) as a uint8 tensor (UserError if malformed)."""
    import numpy as np

    raw = path.read_bytes()
    if len(raw) < 4 or raw[:2] != b"\0\0" or raw[2] != 0x08 or not 1 <= raw[3] <= 3:
        raise UserError(say(f"{path}는 unsigned-byte IDX 파일이 아닙니다",
                            f"{path} is not an unsigned-byte IDX file"))
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    start = 4 + 4 * ndim
    if len(raw) - start != math.prod(shape):
        raise UserError(say(f"{path}: 데이터는 {len(raw) - start}바이트인데 헤더는 {shape}라고 합니다",
                            f"{path}: {len(raw) - start} bytes of data, the header says {shape}"))
    return torch.from_numpy(np.frombuffer(raw, dtype=np.uint8, offset=start).reshape(shape).copy())


def _load_idx(name: str, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    raw = _root(name) / "MNIST" / "raw"
    prefix = "train" if train else "t10k"
    try:
        images = read_idx(raw / f"{prefix}-images-idx3-ubyte")
        labels = read_idx(raw / f"{prefix}-labels-idx1-ubyte")
    except OSError:
        raise UserError(say(
            f"오프라인 숫자 데이터가 {raw}에 없습니다; scripts/make_mnist5k.py를 실행해 다시 "
            "만드세요",
            f"the offline digits are missing from {raw}; run scripts/make_mnist5k.py to rebuild "
            "them"
        )) from None
    return images, labels


def _load_torchvision(name: str, train: bool) -> tuple[torch.Tensor, torch.Tensor]:
    if name == "mnist5k":
        return _load_idx(name, train)
    from torchvision.datasets import MNIST, FashionMNIST

    cls = FashionMNIST if name == "fashion-mnist" else MNIST
    root = _root(name)
    try:
        ds = cls(str(root), train=train, download=False)
    except RuntimeError:
        try:
            ds = cls(str(root), train=train, download=True)
        except Exception as exc:  # URLError, RuntimeError from every mirror, OSError...
            lines = [ln for ln in str(exc).splitlines() if ln.strip()] or [type(exc).__name__]
            _remove_empty_dirs(root)
            last = lines[-1].strip()[:120]
            raise UserError(say(
                f"{name}을(를) 내려받을 수 없습니다 (오프라인인가요?): {last}; "
                "studylog에 들어 있는 --dataset mnist5k를 쓰세요",
                f"cannot download {name} (offline?): {last}; "
                "use --dataset mnist5k, which ships with studylog"
            )) from None
    return ds.data, ds.targets


def _to_split(images: torch.Tensor, labels: torch.Tensor) -> Split:
    x = images.unsqueeze(1).float().div_(255.0).sub_(MEAN).div_(STD)
    return Split(x.contiguous(), labels.long().clone())


def imbalance_shares(ratio: float, n_classes: int = 10) -> list[float]:
    """Long-tailed shares: class c keeps ratio**(-c/(n-1)) of its samples (class 0 keeps all)."""
    return [ratio ** (-c / (n_classes - 1)) for c in range(n_classes)]


def _cut(split: Split, shares: list[float]) -> Split:
    keep = []
    for c, share in enumerate(shares):
        idx = (split.y == c).nonzero(as_tuple=True)[0]
        keep.append(idx[: max(1, math.floor(len(idx) * share + 1e-9))])
    order = torch.cat(keep).sort().values  # keep the file's (shuffled) order
    return Split(split.x[order], split.y[order])


def _limit(split: Split, n: int) -> Split:
    return split if n >= len(split) else Split(split.x[:n], split.y[:n])


def _only(split: Split, digits: list[int]) -> Split:
    """The samples of ``digits``, relabelled 0..k-1 in that order."""
    lookup = torch.full((int(split.y.max()) + 1 if len(split.y) else 1,), -1, dtype=torch.long)
    for new, old in enumerate(digits):
        if old < len(lookup):
            lookup[old] = new
    mapped = lookup[split.y]
    keep = (mapped >= 0).nonzero(as_tuple=True)[0]
    return Split(split.x[keep], mapped[keep])


def load(name: str, *, imbalance: float | None = None, limit: int | None = None,
         digits: list[int] | None = None) -> Data:
    """Load a dataset (UserError when it cannot be had) and apply --imbalance and --limit.

    ``--imbalance R`` cuts the training split and, in the same shares, the validation split, so
    the validation set looks like the data the model meets (that is where accuracy and macro-F1
    part ways). ``--classes`` keeps only those digits (relabelled 0..k-1, named by their digit)
    before anything else. ``--limit N`` keeps the first N training digits and the first max(N // 4, 10)
    validation digits (the files are shuffled, so prefixes are mixed).
    """
    if name not in CLASSES:
        raise UserError(say(f"모르는 dataset입니다: {name!r} (다음 중 하나를 고르세요: {', '.join(CLASSES)})",
                            f"unknown dataset {name!r}; choose one of: {', '.join(CLASSES)}"))
    train = _to_split(*_load_torchvision(name, True))
    val = _to_split(*_load_torchvision(name, False))
    classes = CLASSES[name]
    if digits is not None:
        train, val = _only(train, digits), _only(val, digits)
        classes = [classes[d] for d in digits]
    notes: list[str] = []
    kept = [1.0] * len(classes)
    if limit is not None:
        train, val = _limit(train, limit), _limit(val, max(limit // 4, 10))
    if imbalance is not None and imbalance > 1:
        kept = imbalance_shares(imbalance, len(classes))
        before = torch.bincount(train.y, minlength=len(classes)).tolist()
        train, val = _cut(train, kept), _cut(val, kept)
        after = torch.bincount(train.y, minlength=len(classes)).tolist()
        cut = [f"{classes[c]} {after[c]}/{before[c]}"
               for c in range(len(classes)) if after[c] < before[c]]
        notes.append(
            f"--imbalance {imbalance:g}: kept all of class {classes[0]}; cut "
            + ", ".join(cut)
            + " (train samples kept/had; validation cut in the same shares)"
        )
    return Data(name, train, val, classes, kept, notes)
