"""Freezing: frozen parameters get no gradient and do not change, the classifier does; frozen
BatchNorm stays in eval mode; --freeze all is explained, not crashed."""

from __future__ import annotations

import pytest
import torch

from studylog.errors import UserError
from studylog.train import engine, freeze, models
from studylog.train.config import TrainConfig

from .conftest import tiny


def _snapshot(model: torch.nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().clone() for k, v in model.state_dict().items()}


@pytest.mark.parametrize("spec, frozen_blocks", [("backbone", ["layer1", "layer2"]),
                                                  ("until:layer1", ["layer1"])])
def test_frozen_params_get_no_grad_and_do_not_change(spec, frozen_blocks):
    prep = engine.prepare(tiny(model="cnn", freeze=spec, epochs=1))
    model = prep.model
    before = _snapshot(model)
    # one real step by hand: frozen parameters must end with no gradient at all
    freeze.set_train_mode(model)
    x, y = prep.data.train.x[:16], prep.data.train.y[:16]
    prep.loss_fn(model(x), y).backward()
    for name, p in model.named_parameters():
        block = name.split(".")[0]
        if block in frozen_blocks:
            assert not p.requires_grad and p.grad is None, name
        else:
            assert p.requires_grad and p.grad is not None and p.grad.abs().sum() > 0, name
    model.zero_grad()
    events = list(engine.train(prep))
    assert events[-1].status == "completed"
    after = model.state_dict()
    for key, old in before.items():
        block = key.split(".")[0]
        changed = not torch.equal(old, after[key])
        if block in frozen_blocks:
            # weights, biases *and* BatchNorm running statistics stay as they were
            assert not changed, key
        elif key.startswith("fc."):
            assert changed, key


def test_frozen_batchnorm_is_kept_in_eval_mode():
    model = models.build("cnn")
    freeze.apply(model, "until:layer1")
    freeze.set_train_mode(model)
    assert not model.layer1[1].training  # frozen block's BatchNorm
    assert model.layer2[1].training      # trainable block's BatchNorm
    assert model.training


def test_table_counts_trainable_and_total_per_block():
    model = models.build("resnet18")
    freeze.apply(model, "until:layer2")
    rows = {b.name: b for b in freeze.table(model)}
    assert list(rows) == ["conv1", "bn1", "layer1", "layer2", "layer3", "layer4", "fc"]
    assert rows["layer2"].trainable == 0 and rows["layer2"].total > 0
    assert rows["layer3"].trainable == rows["layer3"].total
    assert rows["fc"].total == 512 * 10 + 10
    assert sum(b.total for b in rows.values()) == sum(p.numel() for p in model.parameters())
    freeze.apply(model, "backbone")
    assert [b.name for b in freeze.table(model) if b.trainable] == ["fc"]


def test_freeze_all_is_explained_with_torchs_own_message():
    with pytest.raises(UserError) as info:
        engine.prepare(tiny(freeze="all"))
    text = str(info.value)
    assert "element 0 of tensors does not require grad and does not have a grad_fn" in text
    assert "requires grad인 파라미터를 하나도 남기지 않습니다" in text and "\n" not in text


def test_until_layer_beyond_the_model_is_bad_input():
    with pytest.raises(UserError, match="layer1..layer4이고 layer9은 없습니다"):
        TrainConfig(model="resnet18", freeze="until:layer9")
    with pytest.raises(UserError, match="모르는 --freeze"):
        TrainConfig(freeze="half")
