"""Training errors in the language setting: Korean by default, English with ``language = "en"``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from studylog.errors import UserError
from studylog.train.config import TrainConfig
from studylog.train.lr_preview import parse_losses
from studylog.train.words import end_message


def _english() -> None:
    Path(os.environ["STUDYLOG_CONFIG"]).write_text('language = "en"\n', encoding="utf-8")


def test_an_unknown_model_is_worded_in_korean_then_english():
    with pytest.raises(UserError) as ko:
        TrainConfig(model="vgg")
    assert str(ko.value) == "--model: 'vgg'은(는) 없습니다 (다음 중 하나를 고르세요: resnet18, cnn, mlp)"
    _english()
    with pytest.raises(UserError) as en:
        TrainConfig(model="vgg")
    assert str(en.value) == "unknown model 'vgg'; choose one of: resnet18, cnn, mlp"


def test_a_bad_number_range_keeps_its_values_in_both_languages():
    with pytest.raises(UserError, match=r"--epochs은\(는\) 1에서 10,000 사이의 정수여야 합니다: 0"):
        TrainConfig(epochs=0)
    with pytest.raises(UserError, match="쉼표로 나눈 숫자"):
        parse_losses("1.0, abc")
    _english()
    with pytest.raises(UserError, match="--epochs must be an integer from 1 to 10,000, not 0"):
        TrainConfig(epochs=0)


def test_the_cli_says_a_bad_option_in_the_language_setting(cli):
    r = cli("train", "--classes", "9-0")
    assert r.exit_code == 2 and "--classes '9-0': 9-0는 거꾸로 된 범위입니다" in r.stderr
    assert cli("config", "language", "en").exit_code == 0
    r = cli("train", "--classes", "9-0")
    assert r.exit_code == 2 and "--classes '9-0': 9-0 runs backwards" in r.stderr


def test_a_diverged_runs_stored_english_message_is_shown_in_korean():
    stored = ("the loss exploded to 1142 (it started near 2.458) at epoch 1, step 2 (lr 20); "
              "try a smaller --lr")
    assert end_message(stored, "ko") == ("1 에폭 2 스텝에서 loss가 1142(으)로 폭발했습니다 "
                                         "(처음에는 2.458 근처) (lr 20); 더 작은 --lr을 써 보세요")
    assert end_message(stored, "en") == stored
    assert end_message("the loss became nan at epoch 3, step 1 (lr 5); try a smaller --lr",
                       "ko") == "3 에폭 1 스텝에서 loss가 nan이(가) 되었습니다 (lr 5); 더 작은 --lr을 써 보세요"
    assert end_message("the validation loss became inf at epoch 2", "ko") == (
        "2 에폭에서 validation loss가 inf이(가) 되었습니다")
