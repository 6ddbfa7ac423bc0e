"""`python -m studylog` runs the CLI."""

from studylog.cli.main import run

if __name__ == "__main__":
    run()
