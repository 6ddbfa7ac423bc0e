"""The first-failure report: cut to a readable size, stored and read back unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from studylog.judge.report import INPUT_CHARS, INPUT_LINES, FailureReport, cut_input


def test_a_long_input_is_cut_and_says_how_long_it_was():
    text = "".join(f"{i} {'가' * 200}\n" for i in range(100))
    cut = cut_input(text)
    lines = cut.split("\n")
    assert lines[-1] == f"… (100 lines, {len(text)} characters in all)"
    assert len(lines) - 1 <= INPUT_LINES and len(cut) <= INPUT_CHARS + len(lines[-1]) + 1
    assert lines[0].startswith("0 가") and lines[0].endswith(" …")


def test_a_short_input_is_shown_whole():
    assert cut_input("3\n1 2 3\n") == "3\n1 2 3"


def test_sections_show_the_diff_and_not_the_output_for_a_wrong_answer():
    report = FailureReport(index=6, name="smallest N", verdict="WA", input="1", expected="2",
                           received="3", diff=["-2", "+3"], stderr="warn")
    heads = [head for head, _ in report.sections("en")]
    assert heads == ["input", "diff (- expected, + received)", "stderr (last lines)"]
    assert report.title("ko") == "처음 틀린 테스트: #6 smallest N (WA)"


text = st.text(max_size=40)


@given(st.builds(FailureReport, index=st.integers(0, 10**6), name=text, verdict=text,
                 input=text, expected=text, received=text, diff=st.lists(text, max_size=4),
                 stderr=text, checker_message=text, minimal=st.booleans()))
def test_stored_and_read_back_unchanged(report):
    assert FailureReport.from_json(report.to_json()) == report


def test_the_diff_file_lines_speak_the_language():
    from studylog.judge.report import FailureReport

    rep = FailureReport(index=1, name="sample 1", verdict="WA", input="7", expected="3\n",
                        received="1\n", diff=["--- expected", "+++ received", "@@ -1 +1 @@",
                                              "-3", "+1"])
    ko = dict(rep.sections("ko"))["차이 (- 정답, + 출력)"]
    assert ko[:2] == ["--- 정답", "+++ 출력"] and ko[2:] == rep.diff[2:]
    en = [lines for head, lines in rep.sections("en") if head.startswith("diff")][0]
    assert en == rep.diff


def test_the_solve_tabs_target_line_speaks_the_language():
    from studylog.judge.words import solve_target

    assert solve_target("2667", "단지번호붙이기", "", 1000, 128, "ko") == \
        "2667 단지번호붙이기 ← (파일 없음) · 1 s, 128 MB"
    assert solve_target("2667", "단지번호붙이기", "sol.py", 1500, 128, "en") == \
        "2667 단지번호붙이기 ← sol.py · 1.5 s, 128 MB"


def test_stress_progress_lines_speak_the_language():
    from studylog.judge import words

    assert words.stress_found_line(4, "WA", "ko") == "4번 케이스 실패 (WA); 줄이는 중…"
    assert words.shrink_line(3, 12, 40, "en") == "shrinking: step 3, 12 tried, 40 characters now"
    assert words.stress_progress_line(7, 100, "ko") == "스트레스 테스트: 7/100"
    assert words.stress_start_line("1463 seed 1", 30, "ko") == \
        "1463 seed 1: 스트레스 테스트, 무작위 입력 30개…"
