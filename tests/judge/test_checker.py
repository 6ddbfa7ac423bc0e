"""The BOJ-like checker and the verdict names."""

from studylog.judge.checker import check, diff
from studylog.judge.verdicts import Verdict, overall


def test_trailing_spaces_and_final_newline_do_not_matter():
    assert check("boj", "3\n7 8\n", "3   \n7 8") is Verdict.AC
    assert check("boj", "3\n7 8\n", "3\r\n7 8\r\n\n\n") is Verdict.AC


def test_same_tokens_in_another_layout_is_presentation_error():
    assert check("boj", "3\n7\n8\n", "3 7 8\n") is Verdict.PE
    assert check("boj", "1 2\n", " 1 2\n") is Verdict.PE


def test_anything_else_is_wrong_answer():
    assert check("boj", "3\n7\n", "3\n8\n") is Verdict.WA
    assert check("boj", "3\n", "") is Verdict.WA


def test_token_and_float_checkers():
    assert check("tokens", "1 2\n3", "1\n2 3") is Verdict.AC
    assert check("float:1e-3", "0.5 2", "0.5004 2.0") is Verdict.AC
    assert check("float:1e-3", "0.5", "0.6") is Verdict.WA


def test_korean_names_and_overall_verdict():
    assert Verdict.AC.korean == "맞았습니다!!"
    assert Verdict.PE.korean == "출력 형식이 잘못되었습니다"
    assert Verdict.MLE.korean == "메모리 초과" and Verdict.CE.korean == "컴파일 에러"
    assert overall([Verdict.AC, Verdict.WA, Verdict.TLE]) is Verdict.WA
    assert overall([Verdict.AC, Verdict.SKIP]) is Verdict.AC


def test_diff_marks_trailing_spaces():
    lines = diff("1\n2\n", "1\n3 \n")
    assert "-2" in lines and "+3␠" in lines
