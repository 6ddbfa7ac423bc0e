"""The layering rules of docs/architecture.md, checked on the source itself (a static import graph).

- ``journal``, ``study``, ``judge``, ``train`` and ``store`` never import textual or typer;
- study sits below cli/tui and above journal, judge and store; journal never imports study (the
  day's post gets its study lines from its caller);
- only ``train`` imports torch or torchvision;
- no import cycles between studylog modules, counting lazy (in-function) and TYPE_CHECKING
  imports too: a cycle hidden in a function is still a cycle;
- the app's labels, statics and tables are the plain (markup-free) ones;
- every public module, class and function has a docstring; file size is no rule, but a module
  past ~500 lines is worth a look for a real seam (a warning, not a failure).
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "studylog"
MAX_LINES = 500  # a soft limit: a warning, not a failure


def _module_name(path: Path) -> str:
    rel = path.relative_to(PKG.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(PKG.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The studylog module an import of ``name`` loads (the longest known prefix)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def _imports(module: str) -> list[str]:
    """Every module name imported anywhere in ``module`` (top level, functions, TYPE_CHECKING)."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from studylog.store import days` imports the module studylog.store.days (its
            # package's __init__ runs first for any submodule import, so it is not an edge)
            subs = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in MODULES]
            found.extend(subs)
            if len(subs) < len(node.names):
                found.append(base)
    return found


GRAPH: dict[str, set[str]] = {
    m: {r for name in _imports(m) if (r := _resolve(name)) and r != m} for m in MODULES
}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize("layer", ["journal", "study", "judge", "train", "store", "peer"])
def test_domain_layers_import_no_ui(layer: str) -> None:
    bad = [(m, name) for m in MODULES if _layer(m) == layer for name in _imports(m)
           if name.split(".")[0] in {"textual", "typer", "textual_plotext"}]
    assert bad == []


def test_only_train_imports_torch() -> None:
    bad = [(m, name) for m in MODULES if _layer(m) != "train" for name in _imports(m)
           if name.split(".")[0] in {"torch", "torchvision"}]
    assert bad == []


def test_store_imports_no_domain() -> None:
    bad = [(m, d) for m, deps in GRAPH.items() if _layer(m) == "store" for d in deps
           if _layer(d) in {"journal", "study", "judge", "train", "cli", "tui"}]
    assert bad == []


@pytest.mark.parametrize(("layer", "above"), [
    ("journal", {"study", "peer", "cli", "tui"}),
    ("judge", {"study", "peer", "cli", "tui"}),
    ("study", {"peer", "cli", "tui"}),
])
def test_layers_import_nothing_above_them(layer: str, above: set[str]) -> None:
    bad = [(m, d) for m, deps in GRAPH.items() if _layer(m) == layer for d in deps
           if _layer(d) in above]
    assert bad == []


def _cycles() -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp: list[str] = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return out


def test_the_app_shows_text_through_the_plain_widgets() -> None:
    """Labels, Statics and DataTables come from ``studylog.tui.widgets.plain`` (markup off):
    Textual's own read a user's ``[/x]`` as markup and crash (see that module)."""
    direct = []
    for module, path in MODULES.items():
        if not module.startswith("studylog.tui") or module == "studylog.tui.widgets.plain":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets":
                direct += [f"{module}: {a.name}" for a in node.names
                           if a.name in ("Label", "Static", "DataTable")]
    assert not direct, direct


def test_no_import_cycles() -> None:
    assert _cycles() == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    saved = {k: set(v) for k, v in GRAPH.items()}
    try:
        GRAPH["studylog.errors"].add("studylog.config")
        GRAPH["studylog.config"].add("studylog.errors")
        assert ["studylog.config", "studylog.errors"] in _cycles()
    finally:
        GRAPH.clear()
        GRAPH.update(saved)


def test_big_modules_are_worth_a_look() -> None:
    big = {m: n for m, p in MODULES.items()
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    if big:
        warnings.warn(f"modules past {MAX_LINES} lines (a real seam?): {big}", stacklevel=1)


def test_public_things_have_docstrings() -> None:
    missing: list[str] = []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if not ast.get_docstring(tree) and path.stat().st_size > 0:
            missing.append(module)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) \
                    and not node.name.startswith("_") and not ast.get_docstring(node):
                missing.append(f"{module}.{node.name}")
    assert missing == []


ERROR_TYPES = {"UserError", "CheckFailed", "NothingTrainable", "CheckerFailed", "YamlError",
               "BadParameter", "UsageError"}


def _bare_error_messages() -> list[str]:
    """Errors raised with words in one language only: ``UserError("...")`` or an f-string,
    where ``UserError(say("…", "…"))`` words it in both (the language setting picks)."""
    found = []
    for path in MODULES.values():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in ERROR_TYPES:
                continue
            first = node.args[0]
            if isinstance(first, ast.JoinedStr | ast.BinOp) or (
                    isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value):
                found.append(f"{path.relative_to(PKG.parent)}:{node.lineno}")
    return found


def test_errors_are_worded_in_both_languages() -> None:
    assert _bare_error_messages() == []


def test_the_bare_message_finder_finds_one() -> None:
    tree_src = 'raise UserError(f"no such day {d}")\nraise UserError(say("없음", "none"))\n'
    path = PKG / "_probe_bare.py"
    try:
        path.write_text(tree_src, encoding="utf-8")
        MODULES["studylog._probe_bare"] = path
        assert _bare_error_messages() == ["studylog/_probe_bare.py:1"]
    finally:
        MODULES.pop("studylog._probe_bare", None)
        path.unlink()
