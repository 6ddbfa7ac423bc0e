"""The CLI's start paths import neither torch nor textual (they must start fast)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CHECK = """
import sys
from studylog.cli.main import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'torch', 'torchvision', 'textual'})
print('HEAVY:' + ','.join(heavy))
"""


@pytest.mark.parametrize("args", [["--help"], ["today"], ["search", "회고"], ["todo", "list"],
                                  ["stats"], ["show", "yesterday"]])
def test_light_commands_import_no_torch_or_textual(home: Path, args: list[str]) -> None:
    p = subprocess.run([sys.executable, "-c", CHECK, *args], capture_output=True, text=True,
                       cwd=Path(__file__).resolve().parents[1], timeout=60)
    assert "HEAVY:" in p.stdout, p.stderr
    assert p.stdout.strip().splitlines()[-1] == "HEAVY:"
