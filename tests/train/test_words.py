"""The training words: one vocabulary for the CLI and the app, `runs` fitted to 100 columns,
compare legends from the config differences, the LR range test."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from studylog.store.runs import RunRecord
from studylog.train import words as present

BASE = dict(date="2026-11-29", created="2026-11-29T10:00:00", finished=None, model="resnet18",
            dataset="fashion-mnist", device="cpu", loss="label-smoothing", optimizer="adamw",
            scheduler="plateau", freeze="until:layer3", epochs=40, trainable_params=1,
            total_params=2, samples_per_s=None, first_batch_s=None, duration_s=None, message="",
            epochs_done=40, best_val_acc=0.987654, best_val_f1=0.91, final_val_acc=0.9,
            final_val_f1=0.9)


def _run(i: int, status: str = "interrupted", **config) -> RunRecord:
    cfg = {"lr": 0.000123, "seed": 1000 + i, "limit": 100 * i, "imbalance": 10.0 * i,
           "classes": "0-4" if i % 2 else "5-9", **config}
    return RunRecord(id=1000 + i, status=status, lr=cfg["lr"], config=cfg, **BASE)


def test_runs_fit_100_columns_without_cutting_a_value():
    runs = [_run(i, s) for i, s in enumerate(("interrupted", "completed", "diverged", "crashed"))]
    headers, rows, right, keys = present.runs_table(runs, 100)
    lines = present.fit_table(headers, rows, right)
    assert max(present.cells(line) for line in lines) <= 100
    assert {"id", "status", "model", "acc"} <= set(keys)
    for run, line in zip(runs, lines[2:], strict=True):
        assert f"#{run.id}" in line and run.status in line and "resnet18" in line
    assert "seed" in keys or "imbalance" in keys or "limit" in keys  # they vary here


@settings(max_examples=40, deadline=None)
@given(st.integers(40, 200), st.lists(st.sampled_from(sorted(present.STATUS)), min_size=1,
                                      max_size=6), st.sampled_from(["en", "ko"]))
def test_any_width_keeps_whole_values(width, statuses, lang):
    runs = [_run(i, s) for i, s in enumerate(statuses)]
    headers, rows, right, _keys = present.runs_table(runs, width, lang)
    lines = present.fit_table(headers, rows, right)
    if len(headers) > 3:
        assert max(present.cells(line) for line in lines) <= width
    for row, run in zip(rows, runs, strict=True):
        assert present.status_word(run.status, lang) in row  # whole words, never cut


def test_same_values_are_left_out():
    runs = [_run(1, limit=500, seed=3, imbalance=None, classes=None),
            _run(2, limit=500, seed=3, imbalance=None, classes=None)]
    _h, _r, _right, keys = present.runs_table(runs, 200)
    assert not {"seed", "limit", "imbalance", "classes"} & set(keys)


def test_legend_names_what_differs():
    a, b = _run(12, scheduler="cosine", lr=0.05), _run(13, scheduler="step", lr=0.1)
    assert present.legend(a, ["scheduler", "lr"]) == "#1012 cosine lr 0.05"
    assert present.legend(b, ["scheduler", "lr"]) == "#1013 step lr 0.1"


def test_freeze_state_has_one_word_for_a_partly_frozen_block():
    assert present.freeze_state(0, 10) == "frozen"
    assert present.freeze_state(10, 10) == "trainable"
    assert present.freeze_state(3, 10) == "partly"


def test_statuses_in_both_languages():
    for status in ("running", "completed", "interrupted", "diverged", "failed", "crashed"):
        assert present.status_word(status, "en") == status
        assert present.status_word(status, "ko") not in ("", status)


def test_lr_find_suggests_an_lr(run_cli):
    r = run_cli("train", "lr", "--find", "--model", "mlp", "--limit", "1000", "--steps", "60",
                "--device", "cpu", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert len(data["lr"]) == len(data["loss"]) >= 10
    assert data["lr"] == sorted(data["lr"]) and data["lr"][0] > 1e-5  # first steps skipped
    assert data["suggested_lr"] is not None and 1e-5 < data["suggested_lr"] < 10
    text = run_cli("train", "lr", "--find", "--model", "mlp", "--limit", "500", "--steps", "40",
                   "--device", "cpu")
    assert text.returncode == 0 and "suggested lr" in text.stdout and "LR range test" in text.stdout
    bad = run_cli("train", "lr", "--find", "--steps", "5")
    assert bad.returncode == 2 and "--steps" in bad.stderr


def test_legend_says_where_a_run_started():
    a, b = _run(1, from_run=7), _run(2, from_run=None)
    assert present.legend(a, ["from_run"]) == "#1001 from #7"
    assert present.legend(b, ["from_run"]) == "#1002 from scratch"


def test_a_run_ends_in_one_language():
    import re

    from studylog.store.runs import EpochRecord
    from studylog.train.events import FinishEvent

    done = FinishEvent("completed", "5 epochs", 5, 4.6, 812.0, 2.31)
    stopped = FinishEvent("interrupted", "stopped during epoch 3; 2 epoch(s) kept", 2, 3.0,
                          None, None)
    epochs = [EpochRecord(epoch=1, train_loss=1.0, val_loss=1.0, val_acc=0.8, val_f1=0.79,
                          lr=0.01, seconds=1.0, samples_per_s=100.0)]
    ko = [present.finish_line(done, "ko"), present.finish_line(stopped, "ko"),
          present.best_line(1, epochs, "ko")]
    assert ko[0] == "완료 · 4.6초: 5 에폭; 초당 812 샘플; 첫 배치 2.31초"
    assert ko[1] == "중단됨 · 3.0초: 3 에폭 중 멈춤, 2 에폭 보존"
    assert ko[2].startswith("실험 #1 저장: 최고 val acc 80.00% (1 에폭)")
    for line in ko:  # no English word but the metric names and the command
        words = set(re.findall(r"[A-Za-z]+", line.replace("`studylog runs show 1`", "")))
        assert words <= {"val", "acc", "macro", "F"}, (line, words)
    assert present.finish_line(done, "en") == ("completed after 4.6s: 5 epochs; 812 samples/s; "
                                               "first batch after 2.31s")
    assert present.best_line(1, epochs, "en").startswith("run #1 stored: best val acc 80.00%")


def test_a_run_that_did_not_complete_says_so_in_one_language():
    import re

    lines = {
        "message": (dict(message="stopped during epoch 24; 23 epoch(s) kept"),
                    "실험 #1 중단됨: 24 에폭 중 멈춤, 23 에폭 보존",
                    "run #1 interrupted: stopped during epoch 24; 23 epoch(s) kept"),
        "epochs": (dict(epochs=3), "실험 #1 중단됨: 3 에폭 보존", "run #1 interrupted: 3 epoch(s) kept"),
        "diverged": (dict(status="diverged", message="5 epochs"), "실험 #1 발산: 5 에폭", None),
    }
    for kwargs, ko, en in lines.values():
        got = present.stopped_line(1, "ko", **kwargs)
        if kwargs.get("status") == "diverged":
            assert got.startswith("실험 #1 ") and got.endswith(": 5 에폭"), got
        else:
            assert got == ko
        assert not re.findall(r"[A-Za-z]+", got), got
        if en is not None:
            assert present.stopped_line(1, "en", **kwargs) == en
    for kw in ({}, {"before_start": True}):
        assert not re.findall(r"[A-Za-z]+", present.stopped_line(None, "ko", **kw))
    assert present.stopped_line(None, "en", before_start=True) == "interrupted before the run started"


def test_the_apps_train_form_starts_from_the_clis_defaults():
    import dataclasses

    from studylog.train.config import TrainConfig
    from studylog.tui.screens.train.form import FIELDS

    cli_defaults = TrainConfig()
    assert FIELDS["epochs"][0] == "5" and FIELDS["limit"][0] == ""  # all the training digits
    for key, (default, _restrict) in FIELDS.items():
        if key in {f.name for f in dataclasses.fields(TrainConfig)} and key != "lr":
            value = getattr(cli_defaults, key)
            assert default == ("" if value is None else f"{value:g}" if isinstance(value, float)
                               else str(value)), key


def test_the_schedule_is_shown_up_front():
    from studylog.train.config import TrainConfig

    two = TrainConfig(scheduler="step", epochs=2).to_dict()
    assert present.schedule_line(two, "en") == (
        "StepLR: ×0.1 every 2 epochs — lr per epoch 0.01, 0.01 (the lr never changes in these "
        "2 epochs)")
    assert "바뀌지 않습니다" in present.schedule_line(two, "ko")
    five = TrainConfig(scheduler="step", epochs=5).to_dict()
    assert present.schedule_line(five, "en").endswith("lr per epoch 0.01, 0.01, 0.001, 0.001, "
                                                       "0.0001")
    assert present.schedule_line(TrainConfig().to_dict(), "en") == ""  # no scheduler


def test_runs_show_and_rm_lines_in_both_languages():
    from studylog.train.words import params_line, run_deleted, weights_line

    assert run_deleted(3, "ko") == "실험 #3 삭제 (가중치도 함께)"
    assert run_deleted(3, "en") == "run #3 deleted (with its weights)"
    assert params_line(1200, 5000, 812.4, "ko") == "학습 파라미터 1,200 / 전체 5,000   812 samples/s"
    assert params_line(1200, 5000, None, "en") == "trainable 1,200 of 5,000 parameters"
    assert weights_line("/x/runs/3", "ko") == "가중치: /x/runs/3"


def test_the_lr_range_tests_suggestion_in_both_languages():
    from studylog.train.words import suggested_lr_line

    assert suggested_lr_line(0.0052, "ko") == "제안 lr 0.0052 (smoothed loss가 가장 낮았던 LR의 1/10)"
    assert suggested_lr_line(0.0052, "en", why=False) == "suggested lr 0.0052"
