"""The checkers (right, near and wrong answers for each) and the verdict names."""

import pytest

from studylog.errors import UserError
from studylog.judge.checkers.compare import check, diff, judge_output, parse_kind
from studylog.judge.verdicts import Verdict, overall

AC, WA, PE = Verdict.AC, Verdict.WA, Verdict.PE


def test_trailing_spaces_and_final_newline_do_not_matter():
    assert check("boj", "3\n7 8\n", "3   \n7 8") is AC
    assert check("boj", "3\n7 8\n", "3\r\n7 8\r\n\n\n") is AC


def test_same_tokens_in_another_layout_is_presentation_error():
    assert check("boj", "3\n7\n8\n", "3 7 8\n") is PE
    assert check("boj", "1 2\n", " 1 2\n") is PE


def test_anything_else_is_wrong_answer():
    assert check("boj", "3\n7\n", "3\n8\n") is WA
    assert check("boj", "3\n", "") is WA


@pytest.mark.parametrize(("kind", "expected", "right", "near", "wrong"), [
    # near = what a lenient checker would accept but this one must not (or the reverse)
    ("exact", "3\n1 2\n", "3\n1 2\n", "3\n1 2", "3\n1 3\n"),
    ("boj", "3\n1 2\n", "3  \n1 2\n\n", "3 1 2\n", "3\n1 3\n"),
    ("tokens", "1\n0\n1\n", "1 0 1", "1 0\n", "1 1 1\n"),
    ("unordered", "2\n1 5\n2 4\n", "2\n2 4\n1  5\n\n", "2\n1 5\n1 5\n", "2\n1 5\n4 2\n"),
])
def test_each_checker_on_right_near_and_wrong(kind, expected, right, near, wrong):
    assert check(kind, expected, right) is AC
    assert check(kind, expected, near) is not AC
    assert check(kind, expected, wrong) is WA


def test_exact_is_byte_for_byte():
    assert check("exact", "14200\n", "14200\n") is AC
    assert check("exact", "14200\n", "14200 \n") is WA
    assert check("exact", "14200\n", "14200\r\n") is WA


def test_float_checker_absolute_and_relative_error():
    assert check("float", "0.5 2", "0.5000004 2.0") is AC  # 1e-6 by default
    assert check("float", "0.5", "0.50001") is WA
    assert check("float", "1000000", "1000000.5") is AC  # relative: 5e-7
    assert check("float", "1000000", "1000002") is WA
    assert check("float:1e-3", "0.5 2", "0.5009 2.0") is AC
    assert check("float:1e-3", "0.5", "0.502") is WA
    assert check("float:1e-2", "59.375", "59.38") is AC
    assert check("float:1e-2", "59.375", "60") is WA
    assert check("float", "1.0 yes", "1.0 no") is WA  # words must match
    assert check("float", "1.0", "nan") is WA and check("float", "1.0", "inf") is WA
    assert check("float", "1 2", "1") is WA


def test_unordered_counts_repeated_lines():
    assert check("unordered", "a\na\nb\n", "b\na\na\n") is AC
    assert check("unordered", "a\na\nb\n", "a\nb\nb\n") is WA


@pytest.mark.parametrize("kind", ["fuzzy", "float:abc", "float:-1", "float:inf", "tokens:3",
                                  "special:../x.py", "special:.hidden"])
def test_bad_checker_kinds_are_user_errors(kind):
    with pytest.raises(UserError):
        parse_kind(kind)


def test_judge_output_says_the_builtin_verdict(tmp_path):
    assert judge_output("boj", tmp_path, "", "1\n", "1 \n").verdict is AC
    assert judge_output("tokens", tmp_path, "", "1 2\n", "1\n2").message == ""


def test_korean_names_and_overall_verdict():
    assert Verdict.AC.korean == "맞았습니다!!"
    assert Verdict.PE.korean == "출력 형식이 잘못되었습니다"
    assert Verdict.MLE.korean == "메모리 초과" and Verdict.CE.korean == "컴파일 에러"
    assert overall([Verdict.AC, Verdict.WA, Verdict.TLE]) is Verdict.WA
    assert overall([Verdict.AC, Verdict.SKIP]) is Verdict.AC


def test_diff_marks_trailing_spaces():
    lines = diff("1\n2\n", "1\n3 \n")
    assert "-2" in lines and "+3␠" in lines
