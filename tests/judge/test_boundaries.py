"""The judge's boundaries: the sandbox imports nothing else of the judge, and the CLI and the app
reach the judge only through its door (``studylog.judge``)."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "studylog"


def _imported(path: Path) -> list[str]:
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_sandbox_imports_nothing_else_of_the_judge() -> None:
    bad = [(p.name, n) for p in (PKG / "judge" / "sandbox").glob("*.py") for n in _imported(p)
           if n.startswith("studylog.judge") and not n.startswith("studylog.judge.sandbox")]
    assert bad == []


def test_cli_and_tui_use_only_the_judge_door() -> None:
    bad = [(str(p.relative_to(PKG)), n) for layer in ("cli", "tui")
           for p in (PKG / layer).rglob("*.py") for n in _imported(p)
           if n.startswith("studylog.judge.")]
    assert bad == []
