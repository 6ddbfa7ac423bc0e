"""The README and docs/ cite only names that exist, and the README stays a landing page.

Run alone with ``pytest tests/test_docs.py``. Every name in README.md and docs/*.md written as

- a file or folder path under ``studylog/``, ``tests/``, ``bench/``, ``scripts/`` or ``data/``
  (``studylog/judge/sandbox/``, ``tests/tui/test_live.py``), or a ``docs/NAME.md`` page,
- a dotted module name (``studylog.train.child``, ``studylog.judge.bank.list_problems``)

must exist in the tree: a path as a file or folder, a dotted name as a module file or package
under ``studylog/``, optionally followed by one or two names that the module defines at its
top level (a function, class, constant or import). Placeholders (``<id>``, ``*``, ``…``) are
skipped.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
README_MAX_LINES = 300

# A path: a known top folder, then path characters; it ends at the first character that cannot
# be part of a path (a backtick, a space, a quote, a bracket...).
PATH_RE = re.compile(r"(?<![\w./-])((?:studylog|tests|bench|scripts|data|docs)/[\w./<>*…-]*)")
DOTTED_RE = re.compile(r"(?<![\w./-])(?<!git config )(studylog(?:\.[A-Za-z_]\w*)+)")  # not a git config key
PLACEHOLDER = re.compile(r"[<>*…]|\.\.\.")
# Which cited names are the repository's own: under tests/, bench/ and scripts/ only Python files
# and folders (``tests/01.a`` in a page is a problem package's layout, not this repository's).
REPO_SHAPE = {"tests": (".py", "/"), "bench": (".py", "/"), "scripts": (".py", "/"), "docs": (".md", "/")}
# An ICPC/Kattis package's own layout (``data/sample/``, ``data/secret/``), not this repository's data/.
PACKAGE_LAYOUT = re.compile(r"data/(?:sample|secret|testdata\.yaml)")


def _cited(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(page name, cited name) for every match of ``pattern`` in every page."""
    found: list[tuple[str, str]] = []
    for page in PAGES:
        for match in pattern.finditer(page.read_text(encoding="utf-8")):
            name = match.group(1).rstrip(".,:;)")
            shape = REPO_SHAPE.get(name.split("/")[0])
            if PLACEHOLDER.search(name) or (shape and not name.endswith(shape)) \
                    or PACKAGE_LAYOUT.match(name):
                continue
            found.append((page.relative_to(ROOT).as_posix(), name))
    return sorted(set(found))


@cache
def _top_level_names(path: Path) -> frozenset[str]:
    """The names a module defines at its top level (defs, classes, assignments, imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
    return frozenset(names)


def _module_file(parts: list[str]) -> Path | None:
    """The file of the module ``parts`` names (a .py file or a package's __init__.py)."""
    base = ROOT.joinpath(*parts)
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def dotted_exists(name: str) -> bool:
    """Whether ``studylog.a.b[.attr[.attr]]`` names a module, or at most two names in one."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        module = _module_file(parts[:cut])
        if module is None:
            continue
        rest = parts[cut:]
        if not rest:
            return True
        return len(rest) <= 2 and rest[0] in _top_level_names(module)
    return False


def path_exists(name: str) -> bool:
    """Whether a cited path is a file or a folder of the tree."""
    return (ROOT / name.rstrip("/")).exists()


@pytest.mark.parametrize(("page", "name"), _cited(PATH_RE), ids=lambda v: str(v))
def test_cited_path_exists(page: str, name: str) -> None:
    """Every file or folder a page names is in the tree."""
    assert path_exists(name), f"{page} cites {name}, which is not in the tree"


@pytest.mark.parametrize(("page", "name"), _cited(DOTTED_RE), ids=lambda v: str(v))
def test_cited_module_exists(page: str, name: str) -> None:
    """Every dotted studylog name a page cites is a module (or a name in one)."""
    assert dotted_exists(name), f"{page} cites {name}, which is not a studylog module or a name in one"


def test_readme_is_a_landing_page() -> None:
    """The README stays short: what studylog is, set-up, a tour, links; the manual is in docs/."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines (at most {README_MAX_LINES})"


def test_pages_speak_of_the_program() -> None:
    """No page tells how it was built ("this session", "the helpers")."""
    for page in PAGES:
        text = page.read_text(encoding="utf-8").lower()
        for phrase in ("this session", "the helpers", "helper's"):
            assert phrase not in text, f"{page.name} says {phrase!r}"


def test_the_checks_see_the_names() -> None:
    """The scanner finds names in the shapes the pages use them (a guard on the regexes)."""
    sample = "see `studylog/train/child.py`, studylog.train.child and docs/train.md."
    assert [m.group(1).rstrip(".") for m in PATH_RE.finditer(sample)] == [
        "studylog/train/child.py", "docs/train.md"]
    assert [m.group(1) for m in DOTTED_RE.finditer(sample)] == ["studylog.train.child"]
    assert dotted_exists("studylog.config.study_today")
    assert not dotted_exists("studylog.config.no_such_name")
    assert not dotted_exists("studylog.no_such_module")


LINK_RE = re.compile(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)")


def test_page_links_resolve() -> None:
    """Every markdown link to a page (``[train](docs/train.md)``, ``[app](app.md)``) resolves."""
    broken = [
        f"{page.relative_to(ROOT).as_posix()} -> {target}"
        for page in PAGES
        for target in LINK_RE.findall(page.read_text(encoding="utf-8"))
        if "://" not in target and not (page.parent / target).is_file()
    ]
    assert not broken, "broken links: " + ", ".join(broken)
