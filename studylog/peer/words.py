"""Every user-facing word of the peer session, in Korean or English (see :mod:`studylog.words`)."""

from __future__ import annotations

from studylog.words import Lang, pick

ROLE_WORDS = {"member": ("팀원", "member"), "mentor": ("멘토", "mentor")}
STATUS_WORDS = {
    "fresh": ("", ""),
    "moved": ("위치 이동", "moved"),
    "stale": ("코드 바뀜", "stale"),
    "missing": ("파일 없음", "file gone"),
}


def table_headers(lang: Lang) -> list[str]:
    """The headers of the members' table of ``peer judge``."""
    return [pick(lang, "팀원", "member"), pick(lang, "언어", "language"),
            pick(lang, "결과", "verdict"), pick(lang, "시간", "time"),
            pick(lang, "메모리", "memory"), pick(lang, "줄", "lines"),
            pick(lang, "처음 틀린 테스트", "first failing test"), pick(lang, "파일", "file")]


def role(lang: Lang, key: str) -> str:
    """The word for a comment's role (member, mentor)."""
    ko, en = ROLE_WORDS.get(key, (key, key))
    return pick(lang, ko, en)


def status(lang: Lang, key: str) -> str:
    """The mark of a comment whose anchor moved, went stale or lost its file ("" when fresh)."""
    ko, en = STATUS_WORDS.get(key, (key, key))
    return pick(lang, ko, en)


def judged_line(lang: Lang, problem: str, title: str, members: int, tests: int,
                seconds: float) -> str:
    """The line under the table: what was judged on how many shared tests."""
    return pick(lang, f"{problem} {title}: 팀원 {members}명, 같은 테스트 {tests}개 ({seconds:.1f}초)",
                f"{problem} {title}: {members} members on the same {tests} tests ({seconds:.1f} s)")


def stress_none(lang: Lang, cases: int) -> str:
    """No disagreement in ``cases`` random cases."""
    return pick(lang, f"무작위 {cases}개: 모든 팀원이 정답과 같습니다",
                f"{cases} random cases: every member agrees with the reference")


def stress_found(lang: Lang, index: int, size: int) -> str:
    """The heading of the disagreeing input (case ``index``, shrunk to ``size`` characters)."""
    return pick(lang, f"의견이 갈리는 입력 (무작위 {index}번, {size}자로 줄임):",
                f"an input the members disagree on (random case {index}, shrunk to {size} chars):")


def stress_who(lang: Lang, failing: list[str], passing: list[str]) -> str:
    """Who fails the disagreeing input and who passes it."""
    none = pick(lang, "없음", "none")
    return pick(lang, f"틀림: {', '.join(failing) or none} · 맞음: {', '.join(passing) or none}",
                f"fails: {', '.join(failing) or none} · passes: {', '.join(passing) or none}")


def expected(lang: Lang) -> str:
    """The label of the reference's output."""
    return pick(lang, "정답", "expected")


def no_comments(lang: Lang) -> str:
    """Shown under a solution with no comments."""
    return pick(lang, "(코멘트 없음)", "(no comments)")


def comment_added(lang: Lang, where: str, status_key: str) -> str:
    """The line after ``peer comment``."""
    return pick(lang, f"코멘트를 남겼습니다: {where}", f"comment added: {where}")


def published(lang: Lang, files: int, line: str) -> str:
    """The line after ``peer publish``: files written and what git said."""
    return pick(lang, f"파일 {files}개를 썼습니다; {line}", f"wrote {files} files; {line}")


def pulled(lang: Lang, new: int, line: str) -> str:
    """The line after ``peer pull``."""
    return pick(lang, f"새 코멘트 {new}개를 가져왔습니다; {line}",
                f"imported {new} new comments; {line}")


def day_review_line(lang: Lang, written: int, received: int, mentor: int) -> str:
    """The 코드 리뷰 line of the day: comments written and received."""
    extra = pick(lang, f" (멘토 리뷰 {mentor}개)", f" ({mentor} from a mentor)") if mentor else ""
    return pick(lang, f"코드 리뷰: 내가 남긴 코멘트 {written}개, 받은 코멘트 {received}개{extra}",
                f"code review: {written} comments written, {received} received{extra}")


def day_peer_line(lang: Lang, problem: str, title: str, verdicts: str) -> str:
    """The 피어세션 line of the day: the problem and each member's verdict."""
    return pick(lang, f"피어세션: {problem} {title} — {verdicts}",
                f"peer session: {problem} {title} — {verdicts}")


def git_line(lang: Lang, key: str, detail: str = "") -> str:
    """What git did on publish/pull, in one line (``detail``: git's error or the commit)."""
    ko, en = {
        "pushed": (f"{detail} 푸시함", f"pushed {detail}"),
        "pulled": ("풀 완료", "pulled"),
        "no_remote_push": ("푸시할 git 원격 저장소가 없어 로컬에만 커밋했습니다",
                           "no git remote to push to; committed locally"),
        "no_remote_pull": ("가져올 git 원격 저장소가 없어 폴더에 있는 것만 가져왔습니다",
                           "no git remote to pull from; imported what is here"),
        "pull_before_push": (f"푸시 전 풀 실패 ({detail}); 커밋은 로컬에 남아 있습니다",
                             f"pull before push failed ({detail}); your commit is kept locally"),
        "push_failed": (f"푸시 실패 ({detail}); 커밋은 로컬에 남아 있으니 나중에 다시 publish 하세요",
                        f"push failed ({detail}); your commit is kept locally, publish again "
                        f"later"),
        "pull_failed": (f"풀 실패 ({detail}); 폴더에 있는 것만 가져왔습니다",
                        f"pull failed ({detail}); imported what is here"),
    }[key]
    return pick(lang, ko, en)


def tab_title(lang: Lang) -> str:
    """The Problems screen's Peer tab."""
    return pick(lang, "피어", "Peer")


def folder_placeholder(lang: Lang) -> str:
    """The team-folder input of the Peer tab."""
    return pick(lang, "팀 폴더 (git 저장소) 입력 후 enter — `studylog config peer.team DIR` 로 기억",
                "team folder (a git repository), enter — `studylog config peer.team DIR` keeps it")


def comment_placeholder(lang: Lang) -> str:
    """The comment input of the Peer tab."""
    return pick(lang, "선택한 줄에 남길 코멘트, enter (esc: 취소)",
                "comment on the selected lines, enter (esc: cancel)")


def reading_line(lang: Lang, team: str, files: int) -> str:
    """The Peer tab's status while the members are judged."""
    return pick(lang, f"{team} · 파일 {files}개 · 채점 중…", f"{team} · {files} files · judging…")


def no_solutions(lang: Lang, problem: str, root: str) -> str:
    """The Peer tab when no member has a file for the problem."""
    return pick(lang, f"{root} 에 {problem} 풀이가 없습니다", f"no solution to {problem} in {root}")


def comment_binding(lang: Lang) -> str:
    """The footer's word for ``c``."""
    return pick(lang, "코멘트", "Comment")
