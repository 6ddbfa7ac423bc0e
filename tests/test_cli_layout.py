"""The CLI's own house rules: its files are named for their commands, registered in one list in
``cli/main.py``, never import ``studylog.store``, and the command modules skip
``from __future__ import annotations`` (Typer reads every signature at start-up)."""

from __future__ import annotations

import ast
from pathlib import Path

CLI = Path(__file__).resolve().parents[1] / "studylog" / "cli"
COMMAND_MODULES = ("journal", "todo", "solve", "problems", "train", "runs", "study", "peer")


def _imported(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names.extend(f"{node.module}.{a.name}" for a in node.names)
    return names


def test_cli_never_imports_store() -> None:
    bad = [(p.name, n) for p in sorted(CLI.rglob("*.py")) for n in _imported(p)
           if n == "studylog.store" or n.startswith("studylog.store.")]
    assert bad == []


def test_command_modules_skip_future_annotations() -> None:
    bad = [m for m in (*COMMAND_MODULES, "main")
           if "__future__.annotations" in _imported(CLI / f"{m}.py")]
    assert bad == []


def test_main_registers_every_group_in_one_list() -> None:
    from studylog.cli import main

    names = [n for n, _ in main.COMMANDS] + [n for n, _ in main.GROUPS]
    assert len(names) == len(set(names))
    assert [c.name for c in main.app.registered_commands] == [n for n, _ in main.COMMANDS]
    assert [g.name for g in main.app.registered_groups] == [n for n, _ in main.GROUPS]
    used = {f.__module__.rpartition(".")[2] for _, f in main.COMMANDS}
    used |= {g.registered_callback.callback.__module__.rpartition(".")[2]
             if g.registered_callback and g.registered_callback.callback
             else g.registered_commands[0].callback.__module__.rpartition(".")[2]
             for _, g in main.GROUPS}
    assert used == set(COMMAND_MODULES)


def test_no_command_summary_is_cut() -> None:
    """Every command list (the root's and each group's) shows whole summaries, wrapped, never
    cut with "..."."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    for args in ([], ["note"], ["todo"], ["problems"], ["runs"], ["peer"]):
        out = subprocess.run([sys.executable, "-m", "studylog", *args, "--help"], cwd=root,
                             capture_output=True, text=True).stdout
        listed = out.split("명령:", 1)[1]  # the help in the language setting (Korean)
        assert "..." not in listed, (args, listed)

