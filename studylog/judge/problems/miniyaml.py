"""The small YAML subset problem packages use (``problem.yaml``, ``testdata.yaml``), read
without a YAML library: nested mappings by indentation, ``- item`` lists, ``[a, b]`` and
``{k: v}`` inline forms, plain, single- and double-quoted scalars, ``#`` comments, and ``|`` /
``>`` block text. Anything else is :class:`YamlError` (a UserError naming the line).
"""

from __future__ import annotations

import json
import re
from typing import Any

from studylog.errors import UserError
from studylog.words import say


class YamlError(UserError):
    """The text is not in the YAML subset this reader knows."""


_INT = re.compile(r"[-+]?\d+")
_FLOAT = re.compile(r"[-+]?(\d+\.\d*|\.\d+|\d+)([eE][-+]?\d+)?")


def _strip_comment(line: str) -> str:
    out, quote = [], ""
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#" and (i == 0 or line[i - 1].isspace()):
            break
        out.append(ch)
    return "".join(out).rstrip()


def scalar(text: str) -> Any:
    """One scalar: a quoted string, true/false, null, an int, a float, an inline list or map,
    else the plain string."""
    t = text.strip()
    if not t:
        return None
    if t[0] == '"':
        try:
            return json.loads(t)
        except ValueError:
            raise YamlError(say(f"따옴표 문자열이 잘못되었습니다: {t!r}",
                                 f"bad quoted string {t!r}")) from None
    if t[0] == "'":
        if not t.endswith("'") or len(t) < 2:
            raise YamlError(say(f"따옴표 문자열이 잘못되었습니다: {t!r}", f"bad quoted string {t!r}"))
        return t[1:-1].replace("''", "'")
    if t[0] == "[" and t.endswith("]"):
        return [scalar(x) for x in _split_inline(t[1:-1])]
    if t[0] == "{" and t.endswith("}"):
        out = {}
        for item in _split_inline(t[1:-1]):
            k, sep, v = item.partition(":")
            if not sep:
                raise YamlError(say(f"인라인 맵 항목이 잘못되었습니다: {item!r}",
                                     f"bad inline map item {item!r}"))
            out[str(scalar(k))] = scalar(v)
        return out
    low = t.lower()
    if low in ("true", "yes"):
        return True
    if low in ("false", "no"):
        return False
    if low in ("null", "~"):
        return None
    if _INT.fullmatch(t):
        return int(t)
    if _FLOAT.fullmatch(t):
        return float(t)
    return t


def _split_inline(body: str) -> list[str]:
    parts: list[str] = []
    cur: list[str] = []
    depth, quote = 0, ""
    for ch in body:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur))
    return [p for p in parts if p.strip()]


def loads(text: str, where: str = "problem.yaml") -> Any:
    """Parse ``text``; an empty document is ``{}``."""
    raw = text.replace("\r\n", "\n").split("\n")
    lines: list[tuple[int, int, str]] = []  # (line number, indent, text)
    i = 0
    while i < len(raw):
        line = raw[i]
        if "\t" in line[: len(line) - len(line.lstrip())]:
            raise YamlError(say(f"{where} {i + 1}번째 줄: 들여쓰기에 탭이 있습니다",
                                 f"{where} line {i + 1}: a tab in the indentation"))
        body = _strip_comment(line)
        if body.strip() and body.strip() != "---":
            lines.append((i + 1, len(body) - len(body.lstrip()), body.strip()))
            if body.rstrip().endswith((": |", ": >", ":|", ":>", ": |-", ": >-")):
                indent = len(body) - len(body.lstrip())
                block, i = [], i + 1
                while i < len(raw) and (not raw[i].strip()
                                        or len(raw[i]) - len(raw[i].lstrip()) > indent):
                    block.append(raw[i])
                    i += 1
                cut = min((len(b) - len(b.lstrip()) for b in block if b.strip()), default=0)
                joiner = "\n" if "|" in body.rsplit(":", 1)[1] else " "
                value = joiner.join(b[cut:] for b in block).strip()
                lines[-1] = (lines[-1][0], indent, body.rsplit(":", 1)[0].strip() + ": "
                             + json.dumps(value))
                continue
        i += 1
    if not lines:
        return {}
    value, pos = _block(lines, 0, lines[0][1], where)
    if pos != len(lines):
        raise YamlError(_bad_indent(where, lines[pos][0]))
    return value


def _block(lines: list[tuple[int, int, str]], pos: int, indent: int, where: str) -> tuple[Any, int]:
    if lines[pos][2].startswith("- ") or lines[pos][2] == "-":
        items: list[Any] = []
        while pos < len(lines) and lines[pos][1] == indent and lines[pos][2].startswith("-"):
            rest = lines[pos][2][1:].strip()
            pos += 1
            if rest:
                items.append(scalar(rest))
            elif pos < len(lines) and lines[pos][1] > indent:
                value, pos = _block(lines, pos, lines[pos][1], where)
                items.append(value)
            else:
                items.append(None)
        return items, pos
    out: dict[str, Any] = {}
    while pos < len(lines) and lines[pos][1] == indent:
        no, _, text = lines[pos]
        key, sep, rest = text.partition(":")
        if not sep or (rest and not rest[0].isspace()):
            raise YamlError(say(f"{where} {no}번째 줄: 'key: value' 형식이어야 하는데 {text!r}입니다",
                                 f"{where} line {no}: expected 'key: value', got {text!r}"))
        pos += 1
        if rest.strip():
            out[str(scalar(key))] = scalar(rest)
        elif pos < len(lines) and lines[pos][1] > indent:
            out[str(scalar(key))], pos = _block(lines, pos, lines[pos][1], where)
        else:
            out[str(scalar(key))] = None
    if pos < len(lines) and lines[pos][1] > indent:
        raise YamlError(_bad_indent(where, lines[pos][0]))
    return out, pos


def _bad_indent(where: str, no: int) -> str:
    return say(f"{where} {no}번째 줄: 들여쓰기가 맞지 않습니다",
               f"{where} line {no}: unexpected indentation")


def dumps(data: dict[str, Any], indent: int = 0) -> str:
    """``data`` (maps, lists, scalars) as block YAML this reader and PyYAML read back."""
    pad = " " * indent
    out = []
    for k, v in data.items():
        if isinstance(v, dict):
            out.append(f"{pad}{k}:\n" + dumps(v, indent + 2))
        elif isinstance(v, list):
            out.append(f"{pad}{k}: [" + ", ".join(_dump_scalar(x) for x in v) + "]\n")
        else:
            out.append(f"{pad}{k}: {_dump_scalar(v)}\n")
    return "".join(out)


def _dump_scalar(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if v is None:
        return "null"
    return json.dumps(str(v), ensure_ascii=False)
