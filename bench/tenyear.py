"""Build (once) the ten-year benchmark database: 3,650 days of ~3.5 KB, Korean and English."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from studylog.journal.day import find_tags
from studylog.journal.sections import KEYS
from studylog.store import days as q
from studylog.store import open_db, transaction

WORDS_KO = (
    "오늘 강의 에서 데이터 증강 과 정규화 를 배웠다 모델 학습 손실 함수 가 줄지 않아서 학습률 을 "
    "낮췄다 피어세션 에서 코드 리뷰 를 했고 회고 를 쓰면서 내일 할 일 을 정리했다 단지번호붙이기 "
    "토마토 미로 탐색 너비 우선 탐색 깊이 우선 탐색 배치 정규화 과적합 검증 정확도 재현율 정밀도 "
    "옵티마이저 스케줄러 에폭 그래디언트 역전파 합성곱 신경망 잔차 연결 전이 학습 동결 미세 조정"
).split()
WORDS_EN = (
    "Dataset DataLoader batch_size shuffle num_workers CrossEntropyLoss FocalLoss AdamW SGD "
    "momentum StepLR CosineAnnealingLR ReduceLROnPlateau ResNet18 BatchNorm dropout accuracy F1 "
    "precision recall confusion matrix backward optimizer.step zero_grad torch.no_grad BFS DFS queue "
    "visited graph grid flood fill"
).split()
TARGET_BYTES = 3500


def _paragraph(rng: random.Random, n_words: int) -> str:
    words = [rng.choice(WORDS_KO if rng.random() < 0.7 else WORDS_EN) for _ in range(n_words)]
    lines, line = [], []
    for w in words:
        line.append(w)
        if len(line) >= rng.randint(6, 14):
            lines.append(" ".join(line) + ".")
            line = []
    if line:
        lines.append(" ".join(line) + ".")
    return "\n".join(lines)


def build(path: Path, days: int = 3650, seed: int = 7) -> Path:
    """Create the database at ``path`` unless it is already complete; return the path."""
    if path.exists():
        db = open_db(path)
        if db.execute("SELECT count(*) FROM days").fetchone()[0] == days:
            db.conn.close()
            return path
        db.conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    db = open_db(path)
    start = dt.date.today() - dt.timedelta(days=days - 1)
    with transaction(db):
        for i in range(days):
            date = (start + dt.timedelta(days=i)).isoformat()
            size = 0
            for key in KEYS:
                if size >= TARGET_BYTES:
                    break
                text = _paragraph(rng, rng.randint(40, 90))
                size += len(text.encode())
                q.add_entry(db, date, key, text, tags=find_tags(text))
            for j in range(3):
                q.add_todo(db, date, f"할 일 {j + 1}: " + _paragraph(rng, 4), rng.random() < 0.7)
    db.conn.close()
    return path
