"""Metrics (accuracy vs macro-F1 on imbalanced data) and the loss modules."""

from __future__ import annotations

import textwrap

import pytest
import torch
import torch.nn.functional as F

from studylog.errors import UserError
from studylog.train import losses, metrics


def test_accuracy_lies_on_an_imbalanced_toy_set():
    # 90 samples of class 0, 5 of class 1, 5 of class 2; the model always says 0
    target = torch.tensor([0] * 90 + [1] * 5 + [2] * 5)
    pred = torch.zeros(100, dtype=torch.long)
    s = metrics.scores(pred, target, 3)
    assert s.accuracy == pytest.approx(0.90)
    # class 0: tp 90, fp 10, fn 0 -> F1 = 180/190; classes 1, 2: F1 = 0
    assert s.per_class_f1 == pytest.approx([180 / 190, 0.0, 0.0])
    assert s.macro_f1 == pytest.approx(180 / 190 / 3)
    assert s.macro_f1 < s.accuracy
    assert s.confusion == [[90, 0, 0], [5, 0, 0], [5, 0, 0]]


def test_balanced_perfect_and_absent_classes():
    t = torch.tensor([0, 1, 2, 0, 1, 2])
    s = metrics.scores(t.clone(), t, 4)  # class 3 never present nor predicted: not averaged
    assert s.accuracy == 1.0 and s.macro_f1 == 1.0 and s.per_class_f1[3] == 0.0


def test_label_smoothing_equals_torch():
    logits, target = torch.randn(8, 10), torch.randint(0, 10, (8,))
    ours = losses.build("label-smoothing", smoothing=0.2)(logits, target)
    theirs = float(F.cross_entropy(logits, target, label_smoothing=0.2))
    assert float(ours) == pytest.approx(theirs, rel=1e-5)


def test_focal_with_gamma_zero_is_cross_entropy_and_downweights_easy_examples():
    logits, target = torch.randn(16, 10), torch.randint(0, 10, (16,))
    ce = float(F.cross_entropy(logits, target))
    focal0 = float(losses.build("focal", focal_gamma=0.0)(logits, target))
    assert focal0 == pytest.approx(ce, rel=1e-5)
    assert float(losses.build("focal", focal_gamma=2.0)(logits, target)) < ce


def test_every_loss_is_a_module_whose_backward_fills_grads():
    for name in ("ce", "label-smoothing", "focal", "f1"):
        loss_fn = losses.build(name)
        assert isinstance(loss_fn, torch.nn.Module)
        logits = torch.randn(12, 10, requires_grad=True)
        value = loss_fn(logits, torch.randint(0, 10, (12,)))
        assert value.dim() == 0
        value.backward()
        assert logits.grad is not None and logits.grad.abs().sum() > 0, name


def test_soft_f1_is_low_for_confident_right_answers():
    target = torch.arange(10)
    good = F.one_hot(target, 10).float() * 20
    assert float(losses.build("f1")(good, target)) < 0.01
    assert float(losses.build("f1")(-good, target)) > 0.9


def test_users_own_loss_by_dotted_path(tmp_path, monkeypatch):
    (tmp_path / "my_losses.py").write_text(textwrap.dedent("""
        import torch.nn.functional as F
        from torch import nn

        class Hinge(nn.Module):
            def forward(self, logits, target):
                return F.multi_margin_loss(logits, target)

        class NotAModule:
            pass
    """), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    loss_fn = losses.build("my_losses:Hinge")
    assert type(loss_fn).__name__ == "Hinge"
    assert type(losses.build("my_losses.Hinge")).__name__ == "Hinge"
    with pytest.raises(UserError, match="nn.Module이 아니라"):
        losses.build("my_losses:NotAModule")
    with pytest.raises(UserError, match="모듈 'my_losses'에 'Missing'"):
        losses.build("my_losses:Missing")
    with pytest.raises(UserError, match="import할 수 없습니다"):
        losses.build("no_such_module_xyz:Loss")
