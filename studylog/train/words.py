"""Every word a user reads about training, for the CLI and the app alike (torch-free).

Plain functions returning strings and rows of strings in a :data:`studylog.words.Lang`: English
(``"en"``) or Korean (``"ko"``, and anything else, as :func:`studylog.words.as_lang` reads it);
the caller passes :func:`studylog.words.current_lang`. Without a language they speak English.
Machine-readable output (``--json``) keeps the raw English status values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from studylog.store.runs import EpochRecord, RunRecord
from studylog.train.events import BlockRow, EpochEvent, FinishEvent, RunStarted
from studylog.words import as_lang, display_width, pick

STATUS = {
    "running": ("running", "실행 중"),
    "completed": ("completed", "완료"),
    "interrupted": ("interrupted", "중단됨"),
    "diverged": ("diverged", "발산"),
    "failed": ("failed", "실패"),
    "crashed": ("crashed", "비정상 종료"),
}
#: Colour per status for Rich and Textual markup.
STATUS_COLOR = {"completed": "green", "interrupted": "yellow", "running": "cyan",
                "crashed": "magenta", "diverged": "red", "failed": "red"}
FREEZE_STATE = {"trainable": ("trainable", "학습"), "frozen": ("frozen", "고정"),
                "partly": ("partly", "일부")}
WORDS = {
    "block": ("block", "블록"), "trainable": ("trainable", "학습 파라미터"),
    "total": ("total", "전체"), "state": ("state", "상태"), "all": ("all", "합계"),
    "params_title": ("parameters per block", "블록별 파라미터"),
    "confusion_title": ("confusion (rows: true, cols: predicted) and per-class scores",
                        "혼동 행렬 (행: 정답, 열: 예측)과 클래스별 점수"),
    "precision": ("prec", "정밀도"), "recall": ("recall", "재현율"), "f1": ("F1", "F1"),
    "true": ("true", "정답"),
    "config_diff": ("config differences", "설정 차이"), "option": ("option", "옵션"),
    "same_config": ("(same config)", "(같은 설정)"), "best_acc": ("best val acc", "최고 val acc"),
    "best_f1": ("best macro-F1", "최고 macro-F1"), "status": ("status", "상태"),
    "epochs_done": ("epochs done", "마친 에폭"),
    "no_runs": ("no training runs yet; try: studylog train --model cnn --epochs 3",
                "아직 학습 기록이 없습니다. 예: studylog train --model cnn --epochs 3"),
}
EPOCH_COLUMNS = ("epoch", "train loss", "train acc", "val loss", "val CE", "val acc",
                 "macro-F1", "lr", "time", "samples/s")


def _pick(pair: tuple[str, str], lang: str) -> str:
    """``pair`` is (English, Korean)."""
    return pick(as_lang(lang), ko=pair[1], en=pair[0])


def word(key: str, lang: str = "en") -> str:
    """A label from :data:`WORDS`."""
    return _pick(WORDS[key], lang)


def status_word(status: str, lang: str = "en") -> str:
    """A run status as the user reads it."""
    return _pick(STATUS.get(status, (status, status)), lang)


def freeze_state(trainable: int, total: int) -> str:
    """``trainable``, ``frozen`` or ``partly`` (a block with some parameters frozen)."""
    return "trainable" if trainable == total else "frozen" if trainable == 0 else "partly"


def block_headers(lang: str = "en") -> list[str]:
    """Columns of the per-block parameter table."""
    return [word(k, lang) for k in ("block", "trainable", "total", "state")]


def block_rows(blocks: Sequence[BlockRow], lang: str = "en") -> list[list[str]]:
    """One row per block, then the model's total (``all``) with the trainable share."""
    rows = [[b.name, f"{b.trainable:,}", f"{b.total:,}",
             _pick(FREEZE_STATE[freeze_state(b.trainable, b.total)], lang)] for b in blocks]
    trainable, total = sum(b.trainable for b in blocks), sum(b.total for b in blocks)
    share = trainable / max(total, 1)
    shown = f"{share:.2%}" if 0 < share < 0.01 else f"{share:.1%}"  # fc of resnet18: 0.02%
    rows.append([word("all", lang), f"{trainable:,}", f"{total:,}",
                 f"{shown} " + word("trainable", lang)])
    return rows


def nothing_trainable_note() -> str:
    """Why a model with every block frozen cannot train."""
    return ('nothing to train: loss.backward() would fail ("element 0 of tensors does not '
            'require grad")')


def _fmt(v: float | None, spec: str) -> str:
    return "-" if v is None else format(v, spec)


def epoch_cells(e: EpochEvent | EpochRecord) -> list[str]:
    """One epoch as cells under :data:`EPOCH_COLUMNS`."""
    return [str(e.epoch), _fmt(e.train_loss, ".4f"), _fmt(e.train_acc, ".2%"),
            _fmt(e.val_loss, ".4f"), _fmt(e.val_ce, ".4f"), _fmt(e.val_acc, ".2%"),
            _fmt(e.val_f1, ".4f"), _fmt(e.lr, ".3g"), _fmt(e.seconds, ".1f") + "s",
            _fmt(e.samples_per_s, ".0f")]


_WIDTHS = (5, 10, 9, 9, 7, 7, 8, 9, 6, 9)


def epoch_header() -> str:
    """The header line of the per-epoch table."""
    return "  ".join(f"{c:>{w}}" for c, w in zip(EPOCH_COLUMNS, _WIDTHS, strict=True))


def epoch_line(e: EpochEvent | EpochRecord) -> str:
    """One line of the per-epoch table."""
    return "  ".join(f"{c:>{w}}" for c, w in zip(epoch_cells(e), _WIDTHS, strict=True))


def config_line(c: dict[str, Any], device: str, n_train: int | None = None,
                n_val: int | None = None) -> str:
    """Model, data and optimisation settings of a run on one line."""
    sizes = f" ({n_train:,} train / {n_val:,} val)" if n_train is not None else ""
    extra = "".join(f"  {k} {c[k]}" for k in ("classes", "imbalance", "limit")
                    if c.get(k) is not None)
    src = f"  from #{c['from_run']}" if c.get("from_run") else ""
    return (f"{c['model']} on {c['dataset']}{sizes}  loss {c['loss']}  {c['optimizer']} "
            f"lr {c['lr']:g}  scheduler {c['scheduler']}  freeze {c['freeze']}{extra}{src}  "
            f"batch {c['batch_size']}  seed {c['seed']}  device {device}")


def schedule_line(c: dict[str, Any], lang: str = "en") -> str:
    """What the LR schedule will do in this run, up front: the LR of each epoch (from
    :func:`studylog.train.lr_preview.lr_schedule`), and a warning when it never changes
    ("" without a scheduler)."""
    from studylog.train.lr_preview import lr_schedule

    name = c.get("scheduler", "none")
    if name == "none":
        return ""
    epochs = int(c["epochs"])
    ko = as_lang(lang) == "ko"
    if name == "plateau":
        return pick(as_lang(lang),
                    f"ReduceLROnPlateau: 검증 손실이 {c['patience']} 에폭 넘게 나아지지 않으면 "
                    f"lr ×{c['gamma']:g}",
                    f"ReduceLROnPlateau: lr ×{c['gamma']:g} after more than {c['patience']} "
                    f"epochs without a better val loss")
    lrs = lr_schedule(name, float(c["lr"]), epochs, step_size=int(c["step_size"]),
                      gamma=float(c["gamma"]), t_max=c.get("t_max")).lr
    if len(lrs) <= 8:
        values = ", ".join(f"{v:.3g}" for v in lrs)
    else:
        values = ", ".join(f"{v:.3g}" for v in lrs[:6]) + f", …, {lrs[-1]:.3g}"
    what = (f"StepLR: {c['step_size']} 에폭마다 ×{c['gamma']:g}" if ko else
            f"StepLR: ×{c['gamma']:g} every {c['step_size']} epochs") if name == "step" else \
        f"CosineAnnealingLR: T_max {c.get('t_max') or epochs}"
    line = f"{what} — {pick(as_lang(lang), '에폭별 lr', 'lr per epoch')} {values}"
    if len(set(lrs)) == 1:
        line += pick(as_lang(lang), f" (이 {epochs} 에폭 동안 lr 이 바뀌지 않습니다)",
                     f" (the lr never changes in these {epochs} epochs)")
    return line


def run_name(run_id: int | None, lang: str = "en") -> str:
    """"run #3" / "실험 #3" ("run" / "실험" before the run has its number)."""
    if not run_id:
        return pick(as_lang(lang), "실험", "run")
    return pick(as_lang(lang), f"실험 #{run_id}", f"run #{run_id}")


def start_line(s: RunStarted, lang: str = "en") -> str:
    """The header of a run that starts (or resumes)."""
    again = ""
    if s.first_epoch > 1:
        again = pick(as_lang(lang), f"  {s.first_epoch} 에폭부터 재개",
                     f"  resumed at epoch {s.first_epoch}")
    return f"{run_name(s.run_id, lang)}{again}  " + config_line(s.config, s.device, s.n_train,
                                                                 s.n_val)


_EPOCHS = re.compile(r"^(\d+) epochs?$")
_STOPPED = re.compile(r"^stopped during epoch (\d+); (\d+) epoch\(s\) kept$")
#: where a run diverged (the engine's ``_check``): epoch, step and lr
_WHERE = r" at epoch (\d+), step (\d+) \(lr ([^)]*)\); try a smaller --lr$"
_LOSS_BECAME = re.compile(r"^the loss became (\S+)" + _WHERE)
_GRAD_BAD = re.compile(r"^a gradient became NaN or infinite" + _WHERE)
_EXPLODED = re.compile(r"^the loss exploded to (\S+) \(it started near (\S+)\)" + _WHERE)
_VAL_BECAME = re.compile(r"^the validation loss became (\S+) at epoch (\d+)$")


def _where_ko(epoch: str, step: str) -> str:
    return f"{epoch} 에폭 {step} 스텝에서"


def _try_ko(lr: str) -> str:
    return f" (lr {lr}); 더 작은 --lr을 써 보세요"


def end_message(message: str, lang: str = "en") -> str:
    """A run's end message (stored in English) in ``lang``: the engine's own messages are
    translated, an error's text is kept as it is."""
    if as_lang(lang) != "ko":
        return message
    if m := _EPOCHS.match(message):
        return f"{m.group(1)} 에폭"
    if m := _STOPPED.match(message):
        return f"{m.group(1)} 에폭 중 멈춤, {m.group(2)} 에폭 보존"
    if m := _LOSS_BECAME.match(message):
        value, e, s, lr = m.groups()
        return f"{_where_ko(e, s)} loss가 {value}이(가) 되었습니다{_try_ko(lr)}"
    if m := _GRAD_BAD.match(message):
        e, s, lr = m.groups()
        return f"{_where_ko(e, s)} 기울기가 NaN이나 무한대가 되었습니다{_try_ko(lr)}"
    if m := _EXPLODED.match(message):
        value, ref, e, s, lr = m.groups()
        return (f"{_where_ko(e, s)} loss가 {value}(으)로 폭발했습니다 (처음에는 {ref} 근처)"
                f"{_try_ko(lr)}")
    if m := _VAL_BECAME.match(message):
        value, e = m.groups()
        return f"{e} 에폭에서 validation loss가 {value}이(가) 되었습니다"
    return message


def stopped_line(run_id: int | None, lang: str = "en", *, status: str = "interrupted",
                 message: str = "", epochs: int | None = None, before_start: bool = False) -> str:
    """The one line on stderr when a run from the CLI did not complete: its status and what
    was kept (``message``, the run's own end message, or the ``epochs`` kept; with no
    ``run_id``, the finished epochs, or nothing ``before_start``)."""
    ko = as_lang(lang) == "ko"
    if before_start:
        return "시작 전에 중단됨" if ko else "interrupted before the run started"
    head = run_name(run_id, lang) + " " + status_word(status, lang)
    if message:
        return f"{head}: {end_message(message, lang)}"
    if epochs is not None:
        return f"{head}: " + (f"{epochs} 에폭 보존" if ko else f"{epochs} epoch(s) kept")
    return f"{head}: " + ("끝낸 에폭은 보존" if ko else "finished epochs kept")


def finish_line(f: FinishEvent, lang: str = "en") -> str:
    """How a run ended, with its speed and first-batch time."""
    ko = as_lang(lang) == "ko"
    line = (f"{status_word(f.status, lang)} · {f.duration_s:.1f}초: {end_message(f.message, lang)}"
            if ko else f"{status_word(f.status, lang)} after {f.duration_s:.1f}s: {f.message}")
    if f.samples_per_s:
        line += f"; 초당 {f.samples_per_s:.0f} 샘플" if ko else f"; {f.samples_per_s:.0f} samples/s"
    if f.first_batch_s:
        line += (f"; 첫 배치 {f.first_batch_s:.2f}초" if ko
                 else f"; first batch after {f.first_batch_s:.2f}s")
    return line


def best_line(run_id: int, epochs: Sequence[EpochEvent | EpochRecord], lang: str = "en") -> str:
    """Where the best epoch was and how to see the run again."""
    best = max(epochs, key=lambda e: e.val_acc or 0.0)
    acc, f1 = f"{best.val_acc or 0:.2%}", f"{best.val_f1 or 0:.4f}"
    return pick(as_lang(lang),
                f"{run_name(run_id, lang)} 저장: 최고 val acc {acc} ({best.epoch} 에폭), "
                f"macro-F1 {f1}; `studylog runs show {run_id}` 로 다시 보기",
                f"run #{run_id} stored: best val acc {acc} (epoch {best.epoch}), "
                f"macro-F1 {f1}; see `studylog runs show {run_id}`")


def run_title(r: RunRecord, lang: str = "en") -> str:
    """`runs show`'s first line."""
    return (f"{run_name(r.id, lang)}  {r.date}  {status_word(r.status, lang)}  "
            f"{end_message(r.message, lang)}")


def per_class_rows(classes: Sequence[str], precision: Sequence[float], recall: Sequence[float],
                   f1: Sequence[float]) -> list[list[str]]:
    """Class, precision, recall and F1 per class."""
    def at(xs: Sequence[float], i: int) -> str:
        return f"{xs[i]:.3f}" if i < len(xs) else "-"

    return [[c, at(precision, i), at(recall, i), at(f1, i)] for i, c in enumerate(classes)]


LEGEND_KEYS = ("model", "dataset", "classes", "from_run", "loss", "optimizer", "scheduler", "lr",
               "freeze", "imbalance", "limit", "batch_size", "epochs", "seed")


def legend(run: RunRecord, differing: Sequence[str]) -> str:
    """A compare legend from the options that differ between the runs: ``#12 cosine lr 0.05``."""
    parts = [f"#{run.id}"]
    for key in differing:
        value = run.config.get(key)
        if key in ("model", "dataset", "loss", "optimizer", "scheduler"):
            parts.append(str(value))
        elif key == "from_run":
            parts.append(f"from #{value}" if value else "from scratch")
        elif value is not None:
            short = {"batch_size": "bs", "from_run": "from", "focal_gamma": "γ"}.get(key, key)
            parts.append(f"{short} {value:g}" if isinstance(value, float) else f"{short} {value}")
    return " ".join(parts)


#: `runs` columns: (key, header, right-aligned, keep priority: higher stays longer when narrow)
RUN_COLUMNS = (
    ("id", "id", True, 100), ("status", "status", False, 95), ("model", "model", False, 90),
    ("acc", "best acc", True, 85), ("epochs", "ep", True, 80), ("f1", "best F1", True, 70),
    ("loss", "loss", False, 65), ("opt", "optim lr", False, 60), ("freeze", "freeze", False, 55),
    ("classes", "classes", False, 52), ("from", "from", True, 51), ("sched", "sched", False, 50),
    ("imbalance", "imbal", True, 45), ("limit", "limit", True, 44), ("seed", "seed", True, 40),
    ("data", "data", False, 35), ("date", "date", False, 30),
)
_VARYING = {"classes", "from", "imbalance", "limit", "seed"}  # shown only when they differ between runs
#: Korean headers of :data:`RUN_COLUMNS` (the ML terms a student reads in English stay so).
RUN_HEADERS_KO = {"status": "상태", "model": "모델", "acc": "최고 acc", "epochs": "에폭",
                  "f1": "최고 F1", "freeze": "고정", "classes": "클래스", "from": "시작",
                  "sched": "스케줄", "imbalance": "불균형", "limit": "표본", "data": "데이터",
                  "date": "날짜"}


cells = display_width  # terminal columns of a text (Hangul takes two)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - cells(text))
    return gap + text if right else text + gap


def _run_cells(r: RunRecord, lang: str) -> dict[str, str]:
    c = r.config
    return {
        "id": f"#{r.id}", "status": status_word(r.status, lang), "model": r.model,
        "acc": _fmt(r.best_val_acc, ".2%"), "epochs": f"{r.epochs_done}/{r.epochs}",
        "f1": _fmt(r.best_val_f1, ".3f"), "loss": str(r.loss), "opt": f"{r.optimizer} {r.lr:g}",
        "freeze": str(r.freeze), "classes": str(c.get("classes") or "0-9"),
        "from": f"#{c['from_run']}" if c.get("from_run") else "-",
        "sched": str(r.scheduler), "imbalance": "-" if c.get("imbalance") is None
        else f"{c['imbalance']:g}", "limit": str(c.get("limit") or "all"),
        "seed": str(c.get("seed")), "data": r.dataset, "date": r.date[5:],
    }


def runs_table(runs: Sequence[RunRecord], width: int = 100, lang: str = "en"
               ) -> tuple[list[str], list[list[str]], list[bool], list[str]]:
    """`runs` as (headers, rows, right-aligned flags, column keys) fitting ``width`` columns
    with two spaces between columns: options that are the same for every run are left out
    (classes, imbalance, limit, seed), then the least important columns are dropped until the
    table fits, those whose values tell the runs apart last. Values are never cut."""
    table = [_run_cells(r, lang) for r in runs]
    korean = as_lang(lang) == "ko"
    cols = [(k, RUN_HEADERS_KO.get(k, h) if korean else h, right, rank)
            for k, h, right, rank in RUN_COLUMNS
            if k not in _VARYING or len({c[k] for c in table}) > 1]

    def col_width(key: str, header: str) -> int:
        return max([cells(header)] + [cells(c[key]) for c in table])

    varies = {k for k, _h, _r, _p in cols if len({c[k] for c in table}) > 1}

    def keep(col: tuple[str, str, bool, int]) -> int:  # what tells runs apart stays longer
        return col[3] + (30 if col[0] in varies and col[3] < 80 else 0)

    while len(cols) > 3:
        total = sum(col_width(k, h) for k, h, _r, _p in cols) + 2 * (len(cols) - 1)
        if total <= width:
            break
        cols.remove(min(cols, key=keep))
    headers = [h for _k, h, _r, _p in cols]
    rows = [[c[k] for k, _h, _r, _p in cols] for c in table]
    return headers, rows, [r for _k, _h, r, _p in cols], [k for k, _h, _r, _p in cols]


def fit_table(headers: list[str], rows: list[list[str]], right: list[bool]) -> list[str]:
    """Plain-text lines of a table, columns two spaces apart."""
    widths = [max([cells(h)] + [cells(r[i]) for r in rows]) for i, h in enumerate(headers)]

    def line(values: list[str]) -> str:
        return "  ".join(_pad(c, w, rj)
                         for c, w, rj in zip(values, widths, right, strict=True)).rstrip()

    return [line(headers), "  ".join("─" * w for w in widths)] + [line(r) for r in rows]


def run_deleted(run_id: int, lang: str = "en") -> str:
    """`runs rm N` done."""
    return pick(as_lang(lang), ko=f"실험 #{run_id} 삭제 (가중치도 함께)",
                en=f"run #{run_id} deleted (with its weights)")


def params_line(trainable: int, total: int, samples_per_s: float | None, lang: str = "en") -> str:
    """A run's parameter count (and its speed) under its header in `runs show`."""
    speed = f"   {samples_per_s:.0f} samples/s" if samples_per_s else ""
    return pick(as_lang(lang), ko=f"학습 파라미터 {trainable:,} / 전체 {total:,}{speed}",
                en=f"trainable {trainable:,} of {total:,} parameters{speed}")


def weights_line(path: str, lang: str = "en") -> str:
    """Where a run's weights are."""
    return pick(as_lang(lang), ko=f"가중치: {path}", en=f"weights: {path}")


def suggested_lr_line(lr: float, lang: str = "en", *, why: bool = True) -> str:
    """The LR range test's suggestion (``why``: and where it comes from)."""
    if not why:
        return pick(as_lang(lang), ko=f"제안 lr {lr:.2g}", en=f"suggested lr {lr:.2g}")
    return pick(as_lang(lang), ko=f"제안 lr {lr:.2g} (smoothed loss가 가장 낮았던 LR의 1/10)",
                en=f"suggested lr {lr:.2g} (a tenth of the LR where the smoothed loss was lowest)")
