"""Training faults: a checkpoint that is not this run's, a missing last.pt, a full disk while
saving the weights (ENOSPC simulated in-process, and a real small tmpfs for the CLI), a dead run
reconciled for every reader."""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from studylog.errors import UserError
from studylog.train import runs
from studylog.train.events import EpochEvent

from .conftest import ROOT, tiny


def _interrupted(db, **kw) -> int:
    """Train a tiny run, stop it after its first epoch; its id (stored as interrupted)."""
    cancel = threading.Event()
    run_id = None
    for ev in runs.train(db, tiny(epochs=3, **kw), cancel=cancel):
        if run_id is None:
            run_id = ev.run_id  # RunStarted
        if isinstance(ev, EpochEvent):
            cancel.set()
    assert run_id is not None
    assert runs.get_run(db, run_id).status == "interrupted"
    return run_id


def _folder(db, run_id: int) -> Path:
    return Path(runs.get_run(db, run_id).weights)


def test_resume_from_another_models_checkpoint_is_one_line(tdb):
    mine = _interrupted(tdb)
    other = _interrupted(tdb, model="cnn")
    shutil.copy(_folder(tdb, other) / "last.pt", _folder(tdb, mine) / "last.pt")
    with pytest.raises(UserError, match="cnn|another model"):
        list(runs.resume(tdb, mine))
    assert runs.get_run(tdb, mine).status == "interrupted"


def test_resume_from_another_models_weights_without_a_name_is_one_line(tdb):
    import torch

    mine = _interrupted(tdb)
    other = _interrupted(tdb, model="cnn")
    state = torch.load(_folder(tdb, other) / "last.pt", weights_only=True)
    del state["model_name"]  # as an older studylog saved it: the shapes still tell
    torch.save(state, _folder(tdb, mine) / "last.pt")
    with pytest.raises(UserError, match="다른 모델의 가중치"):
        list(runs.resume(tdb, mine))


def test_resume_from_its_own_best_pt_is_one_line(tdb):
    mine = _interrupted(tdb)
    shutil.copy(_folder(tdb, mine) / "best.pt", _folder(tdb, mine) / "last.pt")
    with pytest.raises(UserError, match="best.pt"):
        list(runs.resume(tdb, mine))


def test_resume_after_last_pt_is_deleted_says_what_is_missing(tdb):
    mine = _interrupted(tdb)
    (_folder(tdb, mine) / "last.pt").unlink()
    with pytest.raises(UserError, match=r"에폭 1개가 저장되어 있지만 last\.pt .*가 없어"):
        list(runs.resume(tdb, mine))


def test_a_full_disk_while_saving_fails_the_run_and_leaves_no_partial_file(tdb, monkeypatch):
    import torch

    from studylog.train import checkpoint

    real_save = torch.save

    def full(obj, out, *a, **kw):  # half a file, then ENOSPC (what a full disk does)
        out.write(b"x" * 1000)
        raise OSError(errno.ENOSPC, "No space left on device", getattr(out, "name", ""))

    monkeypatch.setattr(checkpoint.torch, "save", full)
    with pytest.raises(UserError, match="디스크가 가득 찼습니다") as info:
        list(runs.train(tdb, tiny(epochs=2)))
    monkeypatch.setattr(checkpoint.torch, "save", real_save)
    assert "\n" not in str(info.value)
    run = runs.list_runs(tdb)[0]
    assert run.status == "failed" and "디스크가 가득 찼습니다" in run.message
    folder = Path(run.weights) if run.weights else None
    if folder is not None and folder.exists():
        assert not list(folder.glob("*.tmp"))


def _unshare_ok() -> bool:
    if not shutil.which("unshare"):
        return False
    r = subprocess.run(["unshare", "--mount", "--map-root-user", "true"], capture_output=True)
    return r.returncode == 0


@pytest.mark.skipif(not _unshare_ok(), reason="needs unshare --mount (a private tmpfs)")
def test_a_really_full_disk_is_one_line_for_note_and_train(tmp_path):
    """A 20 MB tmpfs: the database on it, the rest filled; `note` and `train` say so in one line,
    and no run is left `running`."""
    script = tmp_path / "full.sh"
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    py = sys.executable
    script.write_text(f"""set -u
mount -t tmpfs -o size=20m tmpfs {mnt}
export STUDYLOG_CONFIG={tmp_path}/config.toml PYTHONPATH={ROOT}
{py} -m studylog --db {mnt}/s.db note lecture seed >/dev/null || exit 90
dd if=/dev/zero of={mnt}/filler bs=64k >/dev/null 2>&1
head -c 300000 /dev/zero | tr '\\0' x | {py} -m studylog --db {mnt}/s.db note lecture - \
  2>{tmp_path}/note.err; echo $? >{tmp_path}/note.rc
{py} -m studylog --db {mnt}/s.db train --model mlp --limit 200 --epochs 2 --device cpu \
  2>{tmp_path}/train.err >/dev/null; echo $? >{tmp_path}/train.rc
truncate -s -600K {mnt}/filler  # room for the database's writes, not for the weights
{py} -m studylog --db {mnt}/s.db train --model mlp --limit 200 --epochs 2 --device cpu \
  2>{tmp_path}/train2.err >/dev/null; echo $? >{tmp_path}/train2.rc
rm -f {mnt}/filler
{py} -m studylog --db {mnt}/s.db runs --json >{tmp_path}/runs.json 2>{tmp_path}/runs.err
ls -R {mnt} >{tmp_path}/ls.txt
""", encoding="utf-8")
    r = subprocess.run(["unshare", "--mount", "--map-root-user", "sh", str(script)],
                       capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    for what in ("note", "train", "train2"):
        err = (tmp_path / f"{what}.err").read_text()
        assert "Traceback" not in err, err
        assert (tmp_path / f"{what}.rc").read_text().strip() == "2", err
        assert len([ln for ln in err.splitlines() if ln.strip()]) == 1, err
        assert "디스크가 가득 찼습니다" in err, err
    listed = json.loads((tmp_path / "runs.json").read_text() or "[]")
    assert [r["status"] for r in listed] == ["failed"], listed  # the run of train2, with why
    assert "디스크가 가득 찼습니다" in listed[0]["message"]
    assert ".tmp" not in (tmp_path / "ls.txt").read_text()


def test_a_dead_run_is_crashed_for_every_reader(tmp_path):
    """A run row left `running` by a process that is gone: today --json and export -f json see
    it crashed, without `runs` being called first."""
    import sqlite3

    from studylog.store import open_db

    db_path = tmp_path / "s.db"
    db = open_db(db_path)
    from studylog.config import study_today
    from studylog.store import runs as store

    store_id = store.insert_run(db, date=study_today(), config=tiny().to_dict(), model="mlp",
                                dataset="mnist5k", device="cpu", trainable_params=1,
                                total_params=1, pid=2**22 + 12345, proc_start="0")
    db.conn.close()
    env = {"STUDYLOG_CONFIG": str(tmp_path / "c.toml"), "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    for args in (("today", "--json"), ("export", "-f", "json")):
        with sqlite3.connect(db_path) as conn:  # back to running before each reader
            conn.execute("UPDATE runs SET status = 'running' WHERE id = ?", [store_id])
        conn.close()
        out = subprocess.run([sys.executable, "-m", "studylog", "--db", str(db_path), *args],
                             capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
        assert out.returncode == 0, out.stderr
        assert '"running"' not in out.stdout and "crashed" in out.stdout, (args, out.stdout[:2000])
