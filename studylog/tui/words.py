"""The app's own words, in Korean or English: the footer's key names, the help screen and the
command palette's entries. What a screen shows of a domain (a day, a verdict, a run) comes from
that domain's words module; this module words only the app around them.

Bindings are declared in English (Textual reads them once, when a class is made); the footer
shows them through :func:`key_word` in the language of the settings.
"""

from __future__ import annotations

from studylog.words import Lang, as_lang

#: the English description of a binding -> its Korean name (one word a student would use)
_KEY_KO = {
    "Help": "도움말", "Today": "오늘", "Journal": "일지", "Problems": "문제", "Train": "학습",
    "Stats": "통계", "Week": "주간", "Reload": "새로 고침", "Prev": "지난주",
    "Next": "다음 주", "This week": "이번 주", "Post": "글/쪽", "Run": "시작",
    "LR preview": "LR 보기",
    "Close": "닫기", "Back": "돌아가기", "To-do": "할 일", "Section": "섹션", "Blog": "블로그",
    "Restore": "되돌리기", "Copy": "복사", "Save file": "파일로 저장", "Judge": "채점",
    "Stress": "스트레스", "Cancel": "취소", "Up a folder": "상위 폴더", "Refresh": "새로 고침",
    "Search": "검색", "Edit day": "그날 편집", "Prev month": "지난달", "Next month": "다음 달",
    "Open": "열기", "Edit": "편집", "Check": "체크", "Move up": "위로", "Move down": "아래로",
    "Delete": "삭제", "palette": "명령",
}


def key_word(description: str, lang: Lang | str) -> str:
    """A binding's name for the footer: the English description, or its Korean name."""
    if as_lang(lang) == "en":
        return description
    return _KEY_KO.get(description, description)


#: screen mode -> (Korean, English) name, as the palette and the help say it
SCREEN_NAMES: dict[str, tuple[str, str]] = {
    "today": ("오늘", "Today"), "journal": ("일지", "Journal"), "problems": ("문제", "Problems"),
    "train": ("학습", "Train"), "stats": ("통계", "Stats"), "week": ("주간", "Week"),
}


def _both(lang: Lang | str, ko: str, en: str) -> str:
    """The entry in the user's language with the other one after it, so that a search in either
    language finds it (``오늘 화면 · Today screen``)."""
    return f"{en} · {ko}" if as_lang(lang) == "en" else f"{ko} · {en}"


def screen_command(mode: str, key: str, lang: Lang | str) -> tuple[str, str]:
    """(title, help) of the palette entry that opens a screen."""
    ko, en = SCREEN_NAMES[mode]
    title = _both(lang, f"{ko} 화면", f"{en} screen")
    helptext = (f"Go to the {en} screen ({key})" if as_lang(lang) == "en"
                else f"{ko} 화면으로 갑니다 ({key})")
    return title, helptext


#: palette action -> (Korean title, English title, Korean help, English help)
_ACTIONS: dict[str, tuple[str, str, str, str]] = {
    "new_todo": ("새 할 일", "New to-do", "오늘 목록에 할 일을 더합니다",
                 "Add a to-do to today's list"),
    "export_blog": ("오늘을 블로그 글로", "Export today as blog post",
                    "오늘의 기록을 학습기록 형식으로 써서 보여 줍니다",
                    "Write today's record in the daily blog format and show it"),
    "run_judge": ("채점하기", "Run the judge", "고른 문제의 고른 풀이를 채점합니다",
                  "Judge the chosen solution of the selected problem"),
    "run_stress": ("스트레스 테스트", "Stress test", "무작위 입력으로 정답 풀이와 비교합니다",
                   "Random cases against the reference"),
    "start_run": ("학습 시작", "Start a training run", "학습 화면의 설정으로 학습합니다",
                  "Train with the settings of the Train form"),
    "lr_preview": ("LR 미리보기", "LR preview", "고른 스케줄러의 학습률을 그립니다",
                   "Plot the learning rate of the chosen scheduler"),
    "help": ("도움말", "Help", "모든 화면의 키", "The keys of every screen"),
    "toggle_theme": ("밝은/어두운 테마", "Toggle light/dark", "밝은 테마와 어두운 테마를 바꿉니다",
                     "Switch between the light and the dark theme"),
}


def action_command(action: str, lang: Lang | str) -> tuple[str, str]:
    """(title, help) of a palette entry that runs an action."""
    ko, en, help_ko, help_en = _ACTIONS[action]
    return _both(lang, ko, en), (help_en if as_lang(lang) == "en" else help_ko)


#: (key, where, what) rows of the help screen, each (Korean, English)
_HELP_ROWS: list[tuple[str, tuple[str, str], tuple[str, str]]] = [
    ("F1", ("어디서나", "everywhere"), ("이 도움말 (esc 로 닫기)", "this help (esc closes)")),
    ("F2 / F3 / F4 / F5 / F6", ("어디서나", "everywhere"),
     ("오늘 / 일지 / 문제 / 학습 / 통계", "Today / Journal / Problems / Train / Stats")),
    ("ctrl+p", ("어디서나", "everywhere"),
     ("명령 팔레트: 화면 이름이나 할 일을 한국어나 영어로 입력",
      "command palette: type a screen's name or an action, in English or Korean")),
    ("ctrl+t", ("어디서나", "everywhere"), ("밝은 / 어두운 테마", "light / dark theme")),
    ("ctrl+q", ("어디서나", "everywhere"), ("저장하고 끝내기", "save and quit")),
    ("tab / shift+tab", ("어디서나", "everywhere"), ("다음 / 이전 칸", "next / previous field")),
    ("ctrl+o / ctrl+b", ("오늘", "Today"),
     ("다음 / 이전 섹션 편집기", "next / previous section editor")),
    ("ctrl+n", ("오늘", "Today"), ("새 할 일 (입력하고 enter)", "new to-do (type, enter)")),
    ("space / x", ("할 일 목록", "to-do list"), ("완료 / 되돌리기", "check off / uncheck")),
    ("shift+up/down, K/J", ("할 일 목록", "to-do list"), ("할 일 옮기기", "move the to-do")),
    ("delete", ("할 일 목록", "to-do list"), ("할 일 지우기", "delete the to-do")),
    ("ctrl+s", ("오늘", "Today"),
     ("지금 저장 (편집기는 스스로도 저장)", "save now (editors also save by themselves)")),
    ("ctrl+r", ("오늘", "Today"), ("미리보기 보이기 / 숨기기", "show / hide the rendered preview")),
    ("ctrl+g", ("오늘", "Today"), ("하루를 블로그 글로 내보내기", "export the day as a blog post")),
    ("ctrl+l", ("오늘", "Today"),
     ("보이는 섹션의 이전 판; enter 로 되돌리기", "the shown section's revisions; enter restores one")),
    ("esc", ("할 일 입력칸", "to-do box"), ("섹션 편집기로", "back to the section editor")),
    ("arrows", ("일지 달력", "Journal calendar"),
     ("날짜 옮기기; pageup/pagedown: 달", "move the day; pageup/pagedown: month")),
    ("enter", ("일지", "Journal"), ("그날 읽기 전용으로 열기", "open the day read-only")),
    ("e", ("일지", "Journal"), ("그날 편집하기 (esc 로 돌아가기)", "open the day for editing (esc goes back)")),
    ("ctrl+y", ("일지", "Journal"), ("그 주 보기", "the week")),
    ("ctrl+r", ("문제", "Problems"), ("고른 풀이 파일 채점", "judge the chosen solution file")),
    ("ctrl+s", ("문제", "Problems"), ("정답 풀이와 스트레스 테스트", "stress test against the reference")),
    ("ctrl+x", ("문제", "Problems"), ("채점 / 스트레스 취소", "cancel the judge or stress run")),
    ("ctrl+r", ("학습", "Train"), ("학습 시작", "start a run")),
    ("ctrl+x", ("학습", "Train"),
     ("학습 취소 (끝난 에폭은 `interrupted` 로 남음)",
      "cancel the run (keeps the epochs done as `interrupted`)")),
    ("ctrl+l", ("학습", "Train"),
     ("고른 스케줄러의 LR 미리보기 (학습 없이)", "LR preview of the chosen scheduler, no training")),
    ("space", ("학습 기록 표", "Train runs table"),
     ("겹쳐 그릴 학습 고르기", "select a run for the overlay")),
]

_HELP_END = {
    "ko": ("편집기는 입력을 멈추고 0.5초쯤 뒤, 편집기를 떠날 때, 끝낼 때 저장합니다: 터미널이 "
           "닫혀도 잃는 것은 많아야 마지막 1초의 입력입니다.\n\n"
           "한글은 편집기, 할 일, 검색 어디서나 됩니다."),
    "en": ("Editors save about half a second after you stop typing, when you leave them and when "
           "you quit: closing the terminal loses at most the last second of typing.\n\n"
           "Text in Korean (한글) is fine everywhere: editors, to-dos, search."),
}


def help_markdown(lang: Lang | str) -> str:
    """The help screen: every key of the app and of each screen, as a markdown table."""
    en = as_lang(lang) == "en"
    head = ("# studylog — keys\n\n| Key | Where | Does |\n|---|---|---|" if en
            else "# studylog — 키\n\n| 키 | 어디서 | 하는 일 |\n|---|---|---|")
    rows = [f"| {key} | {where[en]} | {what[en]} |" for key, where, what in _HELP_ROWS]
    return "\n".join([head, *rows, "", _HELP_END["en" if en else "ko"], ""])


#: the words of the app's own panels, buttons and notices: key -> (Korean, English)
_UI: dict[str, tuple[str, str]] = {
    # Problems
    "problems title": ("문제 (enter: 풀기)", "Problems (enter: solve)"),
    "tab statement": ("문제 설명", "Statement"), "tab solve": ("풀기", "Solve"),
    "tab history": ("제출 기록", "History"),
    "solution placeholder": ("풀이 파일: 경로를 입력하거나 아래에서 고르기 (enter: 채점)",
                             "solution file: type a path, or pick below (enter judges)"),
    "judge button": ("채점", "Judge"), "stress button": ("스트레스", "Stress"),
    "stress count tip": ("스트레스 테스트의 무작위 입력 수", "random cases for a stress run"),
    "stress count range": ("스트레스 테스트의 입력 수는 1에서 100000 사이여야 합니다",
                           "a stress run takes 1 to 100000 random cases"),
    "up tip": ("상위 폴더 (트리에서 backspace)", "up a folder (backspace in the tree)"),
    "refresh tip": ("폴더 다시 읽기 (ctrl+l)", "read the folder again (ctrl+l)"),
    "choose problem": ("목록에서 문제를 고르세요 (enter)", "choose a problem in the list (enter)"),
    "choose problem first": ("먼저 목록에서 문제를 고르세요 (enter)",
                             "choose a problem in the list first (enter)"),
    "type solution": ("풀이 파일 경로를 입력하거나 고르세요", "type a solution file's path or pick one"),
    "not source": ("{name} 은 소스 파일이 아닙니다 ({suffixes})",
                   "{name} is not a source file ({suffixes})"),
    "run going": ("채점이 진행 중입니다 (ctrl+x: 취소)", "a run is going (ctrl+x cancels it)"),
    "open attempt": ("enter: 제출 열기", "enter: open an attempt"),
    # the blog export
    "saved at": ("저장한 때", "saved"), "saved by": ("어디서", "by"),
    "worker failed": ("작업 실패 ({what})", "{what} failed"),
    "no failure kept": ("(처음 틀린 테스트의 보고는 이 버전부터 채점한 제출에만 남아 있습니다)",
                        "(the first failing test's report is kept only for attempts judged since "
                        "this version)"),
    # Stats
    "stats per week": ("주별 섹션 기록", "entries per section per week"),
    "stats activity": ("활동", "activity"), "stats week": ("주", "week"),
    "stats total": ("합계", "total"),
    "export title": ("블로그 글 — {date} (space: 줄 빼기/넣기, c: 복사, ctrl+s: 파일로 저장)",
                     "blog post — {date} (space: leave a line out or in, c: copy, ctrl+s: save)"),
    "copied": ("고른 줄을 클립보드에 복사했습니다", "the picked lines are on the clipboard"),
    "saved file": ("저장했습니다: {path}", "saved {path}"),
    "cannot write": ("쓸 수 없습니다: {path}: {why}", "cannot write {path}: {why}"),
    # Train
    "tab live": ("진행", "Live"), "tab params": ("파라미터", "Params"), "tab runs": ("기록", "Runs"),
    "tab lr": ("LR", "LR"),
    "train idle": ("ctrl+r: 폼의 설정으로 학습 시작", "ctrl+r starts a run with the form's settings"),
    "train preparing": ("준비 중 (torch 와 데이터를 읽는 중)…",
                        "preparing (loading torch and the data)…"),
    "train cancelling": ("멈추는 중… (끝난 에폭은 남습니다)", "cancelling… (finished epochs are kept)"),
    "cancelling": ("멈추는 중…", "cancelling…"),
    "ctrl+x cancels": ("(ctrl+x: 멈추기)", "(ctrl+x cancels)"),
    "step line": ("{run}: 에폭 {epoch}/{epochs}, 스텝 {step}/{steps}  loss {loss}  {what}",
                  "{run}: epoch {epoch}/{epochs}, step {step}/{steps}  loss {loss}  {what}"),
    "train going": ("학습이 진행 중입니다 (ctrl+x: 멈추기)", "a run is already going (ctrl+x cancels it)"),
    "no run": ("진행 중인 학습이 없습니다", "no run is going"),
    "lr preview button": ("미리보기 ^l", "Preview ^l"), "lr find button": ("LR 찾기", "Find LR"),
    "lr per epoch": ("에폭별 LR: {label}", "LR per epoch: {label}"),
    "lr finding": ("LR 범위 테스트 중 (torch 를 읽는 중)…", "LR range test running (loading torch)…"),
    "lr no answer": ("LR 범위 테스트가 답하지 않았습니다", "the LR range test gave no answer"),
    "overlay title": ("고른 실험의 val acc (space: 고르기)", "val acc of the selected runs (space selects)"),
    "params failed": ("파라미터 표를 계산하지 못했습니다", "the parameter table could not be computed"),
    "train ended early": ("학습 프로세스가 일찍 끝났습니다", "the training process ended early"),
    "saved now": ("저장했습니다", "saved"),
    # the Train form's labels (the CLI option each one sets stays in view)
    "f model": ("모델 model", "model"), "f dataset": ("데이터셋 dataset", "dataset"),
    "f loss": ("손실 함수 loss", "loss"), "f optimizer": ("옵티마이저 optimizer", "optimizer"),
    "f scheduler": ("스케줄러 scheduler", "scheduler"), "f freeze": ("고정할 층 freeze", "freeze"),
    "f epochs": ("에폭 epochs", "epochs"),
    "f lr": ("lr (비우면 옵티마이저 기본값)", "lr (empty: optimizer default)"),
    "f momentum": ("momentum (sgd)", "momentum (sgd)"),
    "f weight_decay": ("weight decay", "weight decay"),
    "f classes": ("클래스 classes (예: 0-4; 비우면 전부)", "classes (e.g. 0-4; empty: all)"),
    "f from_run": ("이어서 학습할 실험 # (그 최고 가중치)", "from run # (its best weights)"),
    "f imbalance": ("불균형 비율 imbalance (비우면 없음)", "imbalance ratio (empty: none)"),
    "f limit": ("학습 표본 수 limit (비우면 전부)", "limit train samples (empty: all)"),
    "f batch_size": ("배치 크기 batch size", "batch size"),
    "f step_size": ("step size (step)", "step size (step)"),
    "f gamma": ("gamma (step, plateau)", "gamma (step, plateau)"),
    "f t_max": ("T_max (cosine; 비우면 에폭 수)", "T_max (cosine; empty: epochs)"),
    "f patience": ("patience (plateau)", "patience (plateau)"),
    "f seed": ("시드 seed (비우면 무작위)", "seed (empty: random)"),
    "not a number": ("{field}: '{text}' 은 숫자가 아닙니다", "{field}: '{text}' is not a number"),
}


def ui(key: str, lang: Lang | str, **values: object) -> str:
    """One of the app's own words (a tab, a button, a notice), filled with ``values``."""
    ko, en = _UI[key]
    text = en if as_lang(lang) == "en" else ko
    return text.format(**values) if values else text
