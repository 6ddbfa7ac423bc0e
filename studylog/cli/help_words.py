"""Korean help texts of the command line: command path (``""`` the root, ``"train lr"``) →
help, and command path → parameter name → help. The English is where each command is written
(its docstring and each option's ``help=``); :mod:`studylog.cli.help` puts these in its place
when the language setting is Korean, and tests/test_help_language.py keeps the two complete."""

COMMANDS: dict[str, str] = {
    "": (
        "부트캠프 수강생을 위한 학습기록, 오프라인 채점기, PyTorch 학습 실험실입니다. 명령 없이 실행하면 오늘 날짜로 "
        "앱을 엽니다."
    ),
    "today": "오늘의 기록을 마크다운으로 출력합니다.",
    "show": "지정한 날의 기록을 마크다운으로 출력합니다.",
    "label": "그날의 라벨(제목, 코스 주차 W, 일차 D, 학습기록 번호 N)을 보여 주거나 그날만 다른 값으로 바꿉니다.",
    "history": "그날 섹션들의 저장된 모든 상태(리비전)를 최신순으로 보여 줍니다.",
    "restore": "리비전의 글을 그 섹션의 글로 되살립니다 (새 리비전으로 남습니다).",
    "prune-history": (
        "오래된 리비전을 지웁니다 (섹션마다 가장 최근 것은 항상 남습니다). 리비전을 지우는 명령은 이것뿐입니다."
    ),
    "search": "모든 노트를 검색해 순위대로, 일치하는 부분과 함께 보여 줍니다.",
    "export": (
        "날짜별 기록을 블로그 게시글(학습기록), 마크다운 또는 JSON으로 내보냅니다 (리비전은 내보내지 않습니다)."
    ),
    "import": (
        "블로그 게시글(붙여 넣은 글 또는 마크다운), studylog가 내보낸 마크다운이나 JSON을 가져옵니다. 버려지는 내용은 "
        "없습니다."
    ),
    "backup": "데이터베이스의 일관된 사본을 만듭니다 (다른 명령이 쓰는 중에도 안전합니다).",
    "stats": "연속 기록, 주별 섹션별 노트 수, 달력 히트맵을 보여 줍니다.",
    "config": "설정을 보거나 바꿉니다: `studylog config course.start 2026-10-26`.",
    "note": (
        "그날 섹션들의 노트를 다룹니다. `note SECTION TEXT`는 노트를 하나 추가하고(`note add`의 줄임), list, edit, "
        "rm은 id로 노트 하나를 다룹니다."
    ),
    "note add": "그날의 섹션에 노트를 추가합니다 (줄여서 `note SECTION TEXT`).",
    "note list": "그날의 노트를 id와 함께 보여 줍니다 (`note edit`, `note rm`에 씁니다).",
    "note edit": "노트 하나의 글을 바꿉니다 (이전 글은 `studylog history`에 남습니다).",
    "note rm": "노트 하나를 지웁니다 (글은 `studylog history`에 남고, `restore`로 되살릴 수 있습니다).",
    "todo": "오늘의 할 일(오늘 한 일)을 다룹니다.",
    "todo add": "할 일을 추가합니다. '- [ ] TEXT'는 안 한 일로, '- [x] TEXT'는 한 일로 추가합니다.",
    "todo edit": "할 일의 글을 바꿉니다 (맨 앞의 '[ ]' / '[x]'로 상태도 정합니다).",
    "todo rm": "할 일을 지웁니다 (필요하면 다시 추가할 수 있게 그 글을 출력합니다).",
    "todo done": "할 일을 완료로 체크합니다 (--undo로 체크를 풉니다).",
    "todo list": "그날의 할 일을 보여 줍니다.",
    "train": "숫자 이미지로 작은 모델을 학습하며 loss, LR, 지표를 지켜봅니다.",
    "train lr": "스케줄러의 에폭별 LR을 학습 없이 보여 주거나, 알맞은 LR을 찾습니다(--find).",
    "runs": "저장된 학습 실험(run)을 다룹니다: 목록, show, compare, resume, rm, export.",
    "runs show": "실험 하나의 설정, 에폭, 혼동 행렬, 클래스별 점수와 차트를 보여 줍니다.",
    "runs compare": "여러 실험의 곡선을 겹쳐 그리고(범례는 실험 간 설정 차이로 붙입니다) 표로 비교합니다.",
    "runs resume": "중단되었거나 비정상 종료된 실험을 계획한 에폭까지 같은 스케줄로 이어서 학습합니다.",
    "runs rm": "실험과 그 에폭 기록, 저장된 가중치를 삭제합니다.",
    "runs export": "실험의 에폭 기록을 CSV로 내보냅니다(에폭마다 한 행).",
    "solve": "FILE을 문제 ID로 채점해 BOJ처럼 테스트마다 결과를 보여 줍니다 (맞았습니다!!이면 종료 코드 0).",
    "review": "다시 풀 문제와 #복습 또는 #review 태그를 단 노트 중 복습할 차례가 된 것을 보여 줍니다.",
    "week": "날짜별 기록, 강의, 문제, 학습 실험, 할 일, 연속 학습, 회고를 모아 한 주를 한 페이지로 보여 줍니다.",
    "problems": "문제 은행을 문제마다 내 상태와 함께 보여 줍니다.",
    "problems tags": "문제 은행을 주제별(BFS/DFS, 최단 경로, 분리 집합, DP, 백트래킹)로 묶어 보여 줍니다.",
    "problems add": (
        "폴더를 검증한 뒤 내 문제 은행에 추가합니다. 정답 코드는 예제를 통과해야 하고 스페셜 저지는 정답 출력을 "
        "받아들여야 하며, 검증을 통과하면 데이터베이스 옆에 복사됩니다."
    ),
    "problems export": "문제 ID를 `problems add`(와 ICPC 도구)가 그대로 다시 가져올 수 있는 폴더로 내보냅니다.",
    "problems check": (
        "패키지에 폴더별로 분류된 제출 코드(submissions/accepted, wrong_answer, time_limit_exceeded, "
        "run_time_error)를 채점합니다. 판정이 폴더와 다른 제출이 하나라도 있으면 종료 코드 1로 끝납니다."
    ),
    "peer": "피어세션을 진행합니다: 팀의 풀이를 나란히 채점하고, 한 줄씩 리뷰하고, 팀의 git 저장소로 공유합니다.",
    "peer judge": "모든 팀원의 풀이를 같은 테스트로 채점해 한 표로 보여 줍니다.",
    "peer comment": "팀원 풀이의 줄에 코멘트를 남깁니다 (코멘트는 파일 내용에 고정됩니다).",
    "peer show": "팀원마다 풀이를 출력하고 코멘트를 여백에 함께 보여 줍니다.",
    "peer publish": "내 풀이와 코멘트를 팀 폴더에 쓰고, 커밋한 뒤 푸시합니다.",
    "peer pull": "팀 폴더를 풀(git pull)하고 다른 팀원들이 남긴 코멘트를 가져옵니다.",
}

OPTIONS: dict[str, dict[str, str]] = {
    "": {
        "db": "데이터베이스 파일 (기본: $STUDYLOG_DB 또는 사용자 데이터 폴더).",
    },
    "today": {
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "show": {
        "date": "YYYY-MM-DD, today 또는 yesterday.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "label": {
        "date": "YYYY-MM-DD, today 또는 yesterday.",
        "title": "게시글의 제목 줄.",
        "week": "코스 주차 W.",
        "day": "코스 주차 안의 일차 D.",
        "record": "학습기록 번호 N (학습기록 - N).",
        "reset": "계산된 라벨로 되돌립니다.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "history": {
        "date": "YYYY-MM-DD, today 또는 yesterday.",
        "section": "이 섹션만.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "restore": {
        "rev": "`studylog history`에 나온 리비전 id (#12 또는 12).",
    },
    "prune-history": {
        "before": "이 날짜 전에 저장된 리비전을 지웁니다.",
    },
    "search": {
        "query": "찾을 말 (한글은 한 글자도 가능, 띄어쓰기 무관).",
        "section": "이 섹션만 (또는 todo).",
        "since": "이 날짜부터.",
        "until": "이 날짜까지.",
        "limit": "찾은 결과 최대 개수.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "export": {
        "dates": "내보낼 날짜 (기본: 오늘).",
        "since": "이 날짜부터.",
        "until": "이 날짜까지.",
        "fmt": "blog, markdown 또는 json.",
        "output_name": "파일, 또는 날마다 파일 하나씩 쓸 폴더 (/로 끝나는 이름은 폴더).",
        "detail": "모든 학습 실험 (기본: 실험 묶음마다 한 줄, 그중 가장 좋은 실험).",
    },
    "import": {
        "paths": "블로그 게시글, 마크다운 또는 JSON 내보내기 파일 (각각 10 MB 이하), 또는 그런 파일이 든 폴더.",
        "date": "게시글의 날짜 (파일 하나일 때).",
        "dry_run": "무엇을 가져올지 보여 주기만 합니다.",
    },
    "backup": {
        "name": "대상 파일 또는 폴더 (이미 있어야 합니다).",
    },
    "stats": {
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
        "weeks": "히트맵에 보일 주 수.",
    },
    "config": {
        "key": "설정 이름, 예: course.start",
        "value": "새 값 (생략하면 현재 값을 출력)",
    },
    "note add": {
        "section": (
            "lecture/강의, assignment/과제, algorithm/알고리즘, review/코드 리뷰, peer/피어세션, retro/회고 또는 "
            "note/메모."
        ),
        "text": "노트 내용 (마크다운, '-'로 시작해도 됨). '-' 하나만 쓰면 stdin에서 읽습니다 (10 MB 이하, UTF-8).",
        "date": "YYYY-MM-DD, today 또는 yesterday.",
        "title": "노트의 제목 줄.",
    },
    "note list": {
        "date": "YYYY-MM-DD, today 또는 yesterday.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "note edit": {
        "entry_id": "노트의 id (`note list`).",
        "text": "노트 내용 (마크다운, '-'로 시작해도 됨). '-' 하나만 쓰면 stdin에서 읽습니다 (10 MB 이하, UTF-8).",
        "title": "새 제목 줄.",
    },
    "note rm": {
        "entry_id": "노트의 id (`note list`).",
    },
    "todo add": {
        "text": (
            "할 일 (한 줄, '-'로 시작해도 됨). 맨 앞의 '- [ ]' 또는 '- [x]'('[ ]', '[x]'도 됨)가 상태입니다. '-' "
            "하나만 쓰면 stdin에서 읽습니다."
        ),
        "date": "YYYY-MM-DD, today 또는 yesterday.",
    },
    "todo edit": {
        "number": "`todo list`에 나온 할 일 번호.",
        "text": (
            "할 일 (한 줄, '-'로 시작해도 됨). 맨 앞의 '- [ ]' 또는 '- [x]'('[ ]', '[x]'도 됨)가 상태입니다. '-' "
            "하나만 쓰면 stdin에서 읽습니다."
        ),
        "date": "YYYY-MM-DD, today 또는 yesterday.",
    },
    "todo rm": {
        "number": "`todo list`에 나온 할 일 번호.",
        "date": "YYYY-MM-DD, today 또는 yesterday.",
    },
    "todo done": {
        "number": "`todo list`에 나온 할 일 번호.",
        "date": "YYYY-MM-DD, today 또는 yesterday.",
        "undo": "대신 체크를 풉니다.",
    },
    "todo list": {
        "date": "YYYY-MM-DD, today 또는 yesterday.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "train": {
        "model": "resnet18 | cnn | mlp",
        "dataset": "mnist5k (오프라인) | mnist | fashion-mnist",
        "imbalance": "롱테일: 가장 큰 클래스와 가장 작은 클래스의 비율 R",
        "loss": "ce | label-smoothing | focal | f1 | pkg.module:MyLoss",
        "smoothing": "label smoothing 정도",
        "focal_gamma": "focal loss의 gamma(γ)",
        "optimizer": "sgd (모멘텀) | adam | adamw",
        "lr": "학습률 (sgd 0.01, adam/adamw 0.001)",
        "momentum": "sgd 모멘텀",
        "weight_decay": "weight decay (adamw: 0이면 0.01)",
        "scheduler": "none | step | cosine | plateau",
        "step_size": "step: LR을 줄이는 에폭 간격",
        "gamma": "step/plateau: LR에 곱하는 값",
        "t_max": "cosine: T_max (기본: --epochs)",
        "patience": "plateau: 개선 없이 기다려 주는 에폭 수",
        "freeze": "none | all | backbone | until:layerN",
        "epochs": "학습할 에폭 수",
        "batch_size": "배치 크기",
        "limit": "학습 샘플 중 앞의 N개만 사용",
        "seed": "시드 (CPU 실행은 똑같이 재현됨)",
        "device": "auto (CUDA가 있으면 CUDA) | cpu | cuda",
        "classes": "이 숫자들만: 0-4, 5-9, 0,2,4",
        "from_run": "N번 실험의 최고 가중치에서 시작",
        "json_out": "끝에 실험을 JSON으로 출력",
        "plot": "끝에 loss/정확도/LR 차트 그리기",
    },
    "train lr": {
        "scheduler": "none | step | cosine | plateau",
        "lr": "시작 학습률 (`train`의 sgd 기본값)",
        "epochs": "보여 줄 에폭 수",
        "step_size": "step: LR을 줄이는 에폭 간격",
        "gamma": "step/plateau: LR에 곱하는 값",
        "t_max": "cosine: T_max (기본: --epochs)",
        "patience": "plateau: 개선 없이 기다려 주는 에폭 수",
        "losses": "plateau: 에폭별 검증 손실, '1.2,0.9,...' (기본: 내장 예시 곡선)",
        "find": "모델과 데이터로 LR range test 실행",
        "model": "--find: resnet18 | cnn | mlp",
        "dataset": "--find: 데이터셋",
        "loss": "--find: 손실 함수(loss)",
        "optimizer": "--find: sgd | adam | adamw",
        "freeze": "--find: none | backbone | until:layerN",
        "batch_size": "--find: 배치 크기",
        "limit": "--find: 앞의 N개 학습 샘플",
        "classes": "--find: 이 숫자들만",
        "seed": "--find: 시드",
        "device": "--find: auto | cpu | cuda",
        "start_lr": "--find: 탐색을 시작할 LR",
        "end_lr": "--find: 탐색을 끝낼 LR",
        "steps": "--find: 탐색에 쓰는 배치 수",
        "json_out": "{'lr': [...]}을 JSON으로 출력",
    },
    "runs": {
        "json_out": "기계가 읽기 좋은 출력",
        "date": "이 날짜의 실험만 (YYYY-MM-DD)",
    },
    "runs show": {
        "run_id": "실험 번호 (`studylog runs`에서 확인).",
        "json_out": "기계가 읽기 좋은 출력",
    },
    "runs compare": {
        "run_ids": "실험 id 두 개 이상",
        "metric": "val_acc | val_f1 | val_loss | val_ce | train_loss | train_acc | lr",
        "json_out": "기계가 읽기 좋은 출력",
    },
    "runs resume": {
        "run_id": "중단되었거나 비정상 종료된 실험.",
        "json_out": "끝에 실험을 JSON으로 출력",
        "plot": "끝에 차트 그리기",
    },
    "runs rm": {
        "run_id": "실험 번호 (`studylog runs`에서 확인).",
    },
    "runs export": {
        "run_id": "실험 번호 (`studylog runs`에서 확인).",
        "csv_out": "에폭 기록을 CSV로",
        "output": "파일 (기본: stdout)",
    },
    "solve": {
        "problem_id": "문제 번호 (예: 2667).",
        "file": "내 풀이 파일 (.py .c .cpp .java).",
        "lang": "python, c, cpp 또는 java (기본값: 확장자로 판단).",
        "stress": "무작위 입력 N개로 정답 코드와 비교하고, 처음 실패한 입력을 줄입니다.",
        "seed": "스트레스 테스트 입력의 시드.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
        "show_history": "내 제출 기록을 보여 줍니다.",
        "statement": "문제 설명을 출력합니다.",
        "new": "시작 코드 FILE을 만듭니다 (기본값 sol_ID.py).",
    },
    "review": {
        "on": "볼 날짜 (YYYY-MM-DD, today...).",
        "done": "이 번호의 노트를 복습 완료로 표시합니다.",
        "rating": "--done과 함께: again(다시), hard(어려움), good(보통) 또는 easy(쉬움).",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "week": {
        "when": "그 주의 아무 날짜, 2026-W47, 또는 week4 (코스 주차).",
        "fmt": "markdown, blog 또는 json.",
        "output_name": "이 파일에 씁니다.",
    },
    "problems": {
        "tag": "이 태그가 달린 문제만 (예: bfs, dp, 'union-find', 그리디).",
        "status": "solved(해결), tried(시도), new(새 문제) 또는 unsolved (tried나 new).",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "problems add": {
        "folder": (
            "문제 폴더 (problem.toml ...) 또는 테스트만 든 폴더: 1.in/1.out, 1.in/1.ans, input/1.txt + output/1.txt, "
            "tests/01 + 01.a."
        ),
        "problem_id": "문제 번호: 숫자 또는 avg 같은 짧은 이름.",
        "title": "문제 제목.",
        "time_limit": "예: 1s, 2.5s, 500ms (기본값 1s).",
        "memory": "예: 256MB, 1GB (기본값 256MB).",
        "checker": (
            "exact, boj (기본값), tokens, float[:EPS], unordered 또는 special[:FILE] (폴더에 있는 checker.py/.cpp)."
        ),
        "replace": "직접 추가한 같은 번호의 문제를 바꿉니다.",
        "dry_run": "찾은 내용만 보여 주고 아무것도 추가하지 않습니다.",
    },
    "problems export": {
        "problem_id": "문제 번호 (예: 2252).",
        "dest": "새 폴더 (또는 빈 폴더).",
        "fmt": (
            "kattis (기본값: 모든 테스트가 든 ICPC/Kattis 패키지) 또는 studylog (생성기와 정답 코드까지 든 문제 "
            "폴더)."
        ),
    },
    "problems check": {
        "problem_id": "submissions/ 가 있는 패키지에서 추가한 문제.",
        "only": "이 폴더만 (accepted, wrong_answer, ...).",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "peer judge": {
        "problem": "문제 번호 (예: 2667).",
        "team_dir": "팀 폴더 (git 저장소; 기본값: peer.team 설정, 없으면 현재 폴더).",
        "stress": "무작위 입력 N개에서 팀원들의 결과가 갈리는 입력도 찾습니다.",
        "seed": "스트레스 테스트 시드.",
        "as_json": "기계가 읽을 수 있는 출력 (JSON).",
    },
    "peer comment": {
        "target": "FILE:LINE 또는 FILE:START-END.",
        "text": "코멘트 내용.",
        "role": "member(팀원) 또는 mentor(멘토).",
        "name": "내 팀원 이름 (기본값: git config studylog.member, 없으면 user.name).",
    },
    "peer show": {
        "problem": "문제 번호.",
        "team_dir": "팀 폴더 (git 저장소; 기본값: peer.team 설정, 없으면 현재 폴더).",
    },
    "peer publish": {
        "team_dir": "팀 폴더 (git 저장소; 기본값: peer.team 설정, 없으면 현재 폴더).",
        "name": "내 팀원 이름 (기본값: git config studylog.member, 없으면 user.name).",
    },
    "peer pull": {
        "team_dir": "팀 폴더 (git 저장소; 기본값: peer.team 설정, 없으면 현재 폴더).",
        "name": "내 팀원 이름 (기본값: git config studylog.member, 없으면 user.name).",
    },
}
