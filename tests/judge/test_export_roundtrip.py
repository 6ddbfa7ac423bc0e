"""`problems export ID DIR` writes a folder that `problems add` takes back as is."""

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from studylog.cli.main import app
from studylog.judge.problems import add as archive_write
from studylog.judge.problems.bank import get_problem
from studylog.judge.problems.cases import build_tests

TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\r\ufeff"),
               max_size=40)
CHECKERS = st.sampled_from(["boj", "exact", "tokens", "unordered", "float", "float:1e-3"])


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def _same(a, b) -> None:
    assert (a.title, a.checker, a.time_limit_ms, a.memory_mb, a.tags) == \
        (b.title, b.checker, b.time_limit_ms, b.memory_mb, b.tags)
    assert a.samples() == b.samples() and a.fixed_tests() == b.fixed_tests()
    assert a.statement() == b.statement()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pairs=st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5), checker=CHECKERS,
       time_ms=st.integers(1, 600_000), memory=st.integers(16, 65536),
       title=st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30)
       .filter(str.strip), statement=st.none() | TEXT)
def test_plain_folder_survives_add_export_add(pairs, checker, time_ms, memory, title, statement):
    old = os.environ.get("STUDYLOG_PROBLEMS")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["STUDYLOG_PROBLEMS"] = f"{tmp}/bank"
        try:
            src = Path(tmp, "src")
            src.mkdir()
            for i, (inp, ans) in enumerate(pairs, start=1):
                (src / f"{i}.in").write_text(inp, encoding="utf-8")
                (src / f"{i}.out").write_text(ans, encoding="utf-8")
            if statement is not None:
                (src / "statement.md").write_text(statement, encoding="utf-8")
            opts = archive_write.AddOptions(id="p1", title=title, checker=checker,
                                            time_limit_ms=time_ms, memory_mb=memory)
            first = archive_write.add(archive_write.plan(src, opts))
            assert [t[1:] for t in first.samples() + first.fixed_tests()] == pairs
            out = archive_write.export(first, Path(tmp, "shared"))
            os.environ["STUDYLOG_PROBLEMS"] = f"{tmp}/friend"  # a peer's own bank
            second = archive_write.add(archive_write.plan(out, archive_write.AddOptions()))
            assert second.id == "p1"
            _same(first, second)
        finally:
            if old is None:
                os.environ.pop("STUDYLOG_PROBLEMS", None)
            else:
                os.environ["STUDYLOG_PROBLEMS"] = old


def test_builtin_problem_round_trips_through_the_cli(tmp_path):
    src = get_problem("1546")
    r = cli("problems", "export", "1546", str(tmp_path / "share"), "--format", "studylog")
    assert r.exit_code == 0 and "problems add" in r.output
    assert {"problem.toml", "statement.md", "ref.py", "gen.py", "brute.py", "samples"} <= {
        p.name for p in (tmp_path / "share").iterdir()}
    r = cli("problems", "add", str(tmp_path / "share"), "--id", "avg2")
    assert r.exit_code == 0, r.output
    copy = get_problem("avg2")
    assert copy.checker == "float:1e-2"
    _same(src, copy)
    assert copy.has_reference and not copy.builtin
    assert [t.input for t in build_tests(copy)] == [t.input for t in build_tests(src)]
