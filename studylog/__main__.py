"""`python -m studylog` runs the CLI."""

from studylog.cli.main import run

run()
