"""The day's post says a summary by default: one line per problem (best verdict, tries) and one
per experiment (its best run, what its runs compared); ``export --all`` lists every run."""

from __future__ import annotations

from pathlib import Path

from studylog.store import open_db
from studylog.store import runs as runs_store
from tests.study.conftest import attempt


def _run(db, date: str, scheduler: str, accs: list[float], status: str = "completed") -> int:
    run_id = runs_store.insert_run(
        db, date=date, config={"loss": "ce", "optimizer": "sgd", "lr": 0.01,
                               "scheduler": scheduler, "freeze": "none", "epochs": len(accs)},
        model="mlp", dataset="mnist5k", device="cpu", trainable_params=10, total_params=10)
    for i, acc in enumerate(accs, 1):
        runs_store.add_epoch(db, run_id, runs_store.EpochRecord(
            epoch=i, train_loss=1.0 / i, val_loss=1.0, val_acc=acc, val_f1=acc - 0.01, lr=0.01,
            seconds=1.0, samples_per_s=100.0))
    runs_store.finish_run(db, run_id, status=status)
    return run_id


def _fill(home: Path) -> None:
    db = open_db(home / "studylog.db")
    for verdict in ("WA", "AC", "WA"):
        attempt(db, "2667", "2026-12-03", verdict)
    _run(db, "2026-12-03", "step", [0.70, 0.80])
    _run(db, "2026-12-03", "cosine", [0.75, 0.85])
    _run(db, "2026-12-03", "plateau", [0.60, 0.65], status="interrupted")
    db.conn.close()


def test_the_post_has_one_line_per_problem_and_per_experiment(cli, home: Path) -> None:
    _fill(home)
    out = cli("export", "2026-12-03").output
    assert "- BOJ 2667 단지번호붙이기: 맞았습니다!! (AC, 3회 제출)" in out  # the best verdict
    assert ("- 실험 mlp · mnist5k (3회, scheduler step / cosine / plateau 비교): 최고 #2 cosine"
            " — val acc 0.850, macro-F1 0.840 (완료)") in out
    assert "#1" not in out and "completed" not in out
    full = cli("export", "2026-12-03", "--all").output
    assert "- 실험 #1: mlp · mnist5k · ce · sgd · step — 2 에폭, val acc 0.800" in full
    assert "(중단됨)" in full and full.count("- 실험 #") == 3
    cli("config", "language", "en")
    en = cli("export", "2026-12-03").output
    assert "- runs mlp · mnist5k (3 runs, comparing scheduler step / cosine / plateau): best #2" \
           " cosine — val acc 0.850, macro-F1 0.840 (completed)" in en


def test_a_post_with_the_summary_or_every_run_imports_back_without_copies(cli, home: Path,
                                                                          tmp_path: Path) -> None:
    _fill(home)
    for args in ((), ("--all",)):
        post = tmp_path / "post.txt"
        post.write_text(cli("export", "2026-12-03", *args).output, encoding="utf-8")
        r = cli("import", str(post), "--date", "2026-12-03")
        assert r.exit_code == 0, r.output
    import json

    doc = json.loads(cli("export", "2026-12-03", "--format", "json").output)
    bodies = [e["body"] for d in doc["days"] for e in d["entries"]]
    assert not any("실험" in b or "BOJ 2667" in b for b in bodies), bodies  # not stored as notes
    assert cli("export", "2026-12-03").output.count("- 실험 mlp") == 1
