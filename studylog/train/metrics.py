"""Classification metrics from predictions: accuracy, per-class precision/recall/F1, macro F1,
confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass

import torch


def confusion_matrix(pred: torch.Tensor, target: torch.Tensor, n_classes: int) -> torch.Tensor:
    """``cm[t, p]`` = how many samples of true class t were predicted as p (int64, K×K)."""
    idx = target.long().cpu() * n_classes + pred.long().cpu()
    return torch.bincount(idx, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def per_class_f1(cm: torch.Tensor) -> list[float]:
    """F1 of each class from a confusion matrix (0.0 for a class never predicted nor present)."""
    tp = cm.diag().double()
    fp = cm.sum(0).double() - tp
    fn = cm.sum(1).double() - tp
    denom = 2 * tp + fp + fn
    f1 = torch.where(denom > 0, 2 * tp / denom.clamp(min=1), torch.zeros_like(tp))
    return f1.tolist()


def per_class_precision_recall(cm: torch.Tensor) -> tuple[list[float], list[float]]:
    """Precision (of each predicted class) and recall (of each true class); 0.0 when undefined."""
    tp = cm.diag().double()
    predicted, actual = cm.sum(0).double(), cm.sum(1).double()
    precision = torch.where(predicted > 0, tp / predicted.clamp(min=1), torch.zeros_like(tp))
    recall = torch.where(actual > 0, tp / actual.clamp(min=1), torch.zeros_like(tp))
    return precision.tolist(), recall.tolist()


@dataclass
class Scores:
    """Accuracy, macro-F1 (plain mean of per-class F1), per-class F1/precision/recall, the
    confusion matrix."""

    accuracy: float
    macro_f1: float
    per_class_f1: list[float]
    confusion: list[list[int]]
    precision: list[float]
    recall: list[float]


def scores(pred: torch.Tensor, target: torch.Tensor, n_classes: int) -> Scores:
    """All metrics for one set of predictions.

    Macro-F1 averages over the classes present in ``target`` or in ``pred``, so a class the
    model never sees and never predicts does not count.
    """
    cm = confusion_matrix(pred, target, n_classes)
    f1 = per_class_f1(cm)
    seen = ((cm.sum(0) + cm.sum(1)) > 0).tolist()
    used = [v for v, s in zip(f1, seen, strict=True) if s]
    total = int(cm.sum())
    acc = float(cm.diag().sum()) / total if total else 0.0
    precision, recall = per_class_precision_recall(cm)
    return Scores(acc, sum(used) / len(used) if used else 0.0, f1, cm.tolist(), precision, recall)
