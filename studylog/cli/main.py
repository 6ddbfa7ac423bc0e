"""The `studylog` command: global options, error handling and the command tree.

The command modules do not use ``from __future__ import annotations``: Typer reads every
command's signature at each start, and evaluating string annotations cost ~30 ms of the 100 ms
start-up budget.

Exit codes: 0 done; 1 the check failed (a verdict other than AC, a failed run); 2 bad usage or bad
input, always as one line on stderr. Heavy modules (torch, textual) are imported only inside the
commands that need them, so `--help`, `today` and `search` start fast.
"""


import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

try:  # typer >= 0.20 vendors click as typer._click
    from typer._click import exceptions as click_exc
except ImportError:  # pragma: no cover - older typer on real click
    from click import exceptions as click_exc  # type: ignore[no-redef]  # same API, older home

from studylog.cli import context, journal, peer, problems, runs, solve, study, todo, train
from studylog.cli.help import speak
from studylog.cli.text_args import TextCommand
from studylog.errors import FAULTS, CheckFailed, UserError
from studylog.faults import error_line, fault_line
from studylog.words import current_lang, say

_NOT_WHOLE = re.compile(r"^'(.*)' is not a valid int(?:eger)?(?: range)?\.?$", re.S)
_NOT_NUMBER = re.compile(r"^'(.*)' is not a valid float(?: range)?\.?$", re.S)
_RANGE = re.compile(r"^(\S+) is not in the range (.+)\.?$")
_CHOICE = re.compile(r"^(.+) is not one of (.+)\.$", re.S)


def _param_name(param: Any) -> str:
    if param is None:
        return say("값", "a value")
    if getattr(param, "param_type_name", "") == "option":
        return max(param.opts, key=len)
    return param.human_readable_name


def bad_value_line(exc: click_exc.BadParameter) -> str:
    """A bad value in a student's words: the option or the argument as the help shows it
    (``--epochs``, ``RUN``), and what is wrong with the value (not click's ``valid int range``)."""
    name = _param_name(exc.param)
    if isinstance(exc, click_exc.MissingParameter):
        return say(f"{name} 값이 필요합니다", f"missing {name}")
    why = exc.message
    if m := _NOT_WHOLE.match(why):
        why = say(f"'{m.group(1)}'은(는) 정수가 아닙니다", f"'{m.group(1)}' is not a whole number")
    elif m := _NOT_NUMBER.match(why):
        why = say(f"'{m.group(1)}'은(는) 숫자가 아닙니다", f"'{m.group(1)}' is not a number")
    elif m := _RANGE.match(why):
        value, bounds = m.group(1), m.group(2).rstrip(".")
        low, _, high = bounds.partition("<=x<=")
        if high:
            why = say(f"{value}은(는) {low}에서 {high} 사이여야 합니다",
                      f"{value} is not between {low} and {high}")
        elif bounds.startswith("x>="):
            why = say(f"{value}은(는) {bounds[3:]} 이상이어야 합니다", f"{value} is less than {bounds[3:]}")
        elif bounds.startswith("x<="):
            why = say(f"{value}은(는) {bounds[3:]} 이하여야 합니다", f"{value} is more than {bounds[3:]}")
    elif m := _CHOICE.match(why):
        why = say(f"{m.group(1)}은(는) {m.group(2)} 중 하나여야 합니다",
                  f"{m.group(1)} is not one of {m.group(2)}")
    return f"{name}: {why}"


_USAGE = (  # click's usage errors, in the language setting
    (re.compile(r"^No such option: (\S+?)(?: Did you mean (.+)\?| \(Possible options: (.+)\))?$"),
     lambda m: say(f"그런 옵션이 없습니다: {m[1]}" + (f" ({m[2] or m[3]}?)" if m[2] or m[3] else ""),
                   f"no such option: {m[1]}" + (f" (did you mean {m[2] or m[3]}?)"
                                                if m[2] or m[3] else ""))),
    (re.compile(r"^No such command '(.+?)'\.(?: Did you mean '(.+)'\?)?$"),
     lambda m: say(f"그런 명령이 없습니다: '{m[1]}'" + (f" ('{m[2]}'?)" if m[2] else ""),
                   f"no such command '{m[1]}'" + (f" (did you mean '{m[2]}'?)" if m[2] else ""))),
    (re.compile(r"^Got unexpected extra arguments?(?:\(s\))? \((.+)\)$"),
     lambda m: say(f"필요 없는 인자가 더 있습니다: {m[1]} (공백이 든 글은 따옴표로 감싸세요)",
                   f"unexpected extra arguments: {m[1]} (quote a text that has spaces)")),
    (re.compile(r"^Option '(.+)' requires an argument\.$"),
     lambda m: say(f"{m[1]} 옵션에 값이 필요합니다", f"option {m[1]} needs a value")),
    (re.compile(r"^Option '(.+)' does not take a value\.$"),
     lambda m: say(f"{m[1]} 옵션은 값을 받지 않습니다", f"option {m[1]} takes no value")),
)


def usage_line(exc: click_exc.UsageError) -> str:
    """A usage error (an unknown option or command, a missing or bad value) in the language
    setting, with where to read more."""
    if isinstance(exc, click_exc.BadParameter):
        message = bad_value_line(exc)
    else:
        message = exc.format_message()
        for pattern, word in _USAGE:
            if m := pattern.match(message):
                message = word(m)
                break
    if exc.ctx is None:
        return message
    path = exc.ctx.command_path
    return message + say(f" ('{path} --help' 참고)", f" (see '{path} --help')")


def first_sentence(text: str) -> str:
    """A help text's first sentence, whole (the summary a command list shows)."""
    text = " ".join(text.split())
    end = re.search(r"(?<=[.!?])\s", text)
    return (text[:end.start()] if end else text).rstrip(".")


def whole_summaries(group: Any) -> None:
    """Give every command of the tree a summary that is its help's first sentence, so a command
    list wraps it instead of cutting it with "..."."""
    for command in getattr(group, "commands", {}).values():
        if command.short_help or command.help:
            command.short_help = first_sentence(command.short_help or command.help)
        whole_summaries(command)


class StudylogGroup(TyperGroup):
    """Runs the command tree and turns every error into an exit code and one line on stderr."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # type: ignore[override]
        speak(self, current_lang())
        whole_summaries(self)
        code = 0
        try:
            rv = super().main(
                args, prog_name or "studylog", complete_var, standalone_mode=False, **extra
            )
            code = rv if isinstance(rv, int) else 0
        except click_exc.NoArgsIsHelpError as exc:
            typer.echo(exc.format_message(), err=True)
            code = 2
        except click_exc.UsageError as exc:
            typer.echo(f"studylog: {usage_line(exc)}", err=True)
            code = 2
        except click_exc.ClickException as exc:
            typer.echo(f"studylog: {exc.format_message()}", err=True)
            code = exc.exit_code
        except UserError as exc:
            typer.echo(f"studylog: {exc}", err=True)
            code = 2
        except CheckFailed as exc:
            if str(exc):
                typer.echo(f"studylog: {exc}", err=True)
            code = 1
        except (typer.Abort, KeyboardInterrupt):
            typer.echo(say("studylog: 중단됨", "studylog: interrupted"), err=True)
            code = 130
        except OverflowError as exc:  # only SQLite's "too large" is the user's: others are bugs
            line = fault_line(exc)
            if line is None:
                raise
            typer.echo(f"studylog: {line}", err=True)
            code = 2
        except FAULTS as exc:  # a full disk, an unwritable path, a locked or damaged database...
            typer.echo(f"studylog: {error_line(exc, context.db_path())}", err=True)
            code = 2
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=StudylogGroup,
    name="studylog",
    help="The daily record, an offline judge and a PyTorch training lab for bootcamp students. "
    "Without a command, opens the app on today.",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Database file (default: $STUDYLOG_DB or the user data dir)."),
    ] = None,
) -> None:
    """With no command, open the TUI on today."""
    context.set_db_path(db)
    if ctx.invoked_subcommand is None:
        from studylog.cli.tui_cmd import open_tui

        open_tui()


# Every command and group in one list, in the order `studylog --help` shows them (Click lists
# the plain commands first, then the groups). A new command group is one module in cli/ and
# its lines here.
COMMANDS = (
    ("today", journal.today_cmd),
    ("show", journal.show_cmd),
    ("label", journal.label_cmd),
    ("history", journal.history_cmd),
    ("restore", journal.restore_cmd),
    ("prune-history", journal.prune_history_cmd),
    ("search", journal.search_cmd),
    ("export", journal.export_cmd),
    ("import", journal.import_cmd),
    ("backup", journal.backup_cmd),
    ("stats", journal.stats_cmd),
    ("config", journal.config_cmd),
    ("solve", solve.solve_cmd),
    ("review", study.review_cmd),
    ("week", study.week_cmd),
)
GROUPS = (
    ("note", journal.note_app),
    ("todo", todo.todo_app),
    ("problems", problems.problems_app),
    ("train", train.train_app),
    ("runs", runs.runs_app),
    ("peer", peer.peer_app),
)
# Commands whose arguments are free text that may start with a dash ("- [ ] 논문 읽기").
TEXT_COMMANDS = {"search", "config"}
for _name, _command in COMMANDS:
    app.command(_name, cls=TextCommand if _name in TEXT_COMMANDS else None)(_command)
for _name, _group in GROUPS:
    app.add_typer(_group, name=_name)


def _command_name(args: list[str]) -> str | None:
    """The command a command line asks for (``--db PATH today`` → ``today``), or None."""
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--db":
            i += 2
            continue
        if arg.startswith("--db="):
            i += 1
            continue
        return None if arg.startswith("-") else arg
    return None


def app_for(args: list[str]) -> typer.Typer:
    """The command tree a command line needs: just the command it names, when it names one.

    Typer builds every command's parameters from its signature at each start (~20 ms for the
    whole tree); a command line that names one command only needs that one. Anything else
    (no command, ``--help``, an unknown name) gets the whole tree, so help and errors are as
    before.
    """
    name = _command_name(args)
    commands = [c for c in app.registered_commands if c.name == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if name is None or not (commands or groups):
        return app
    one = typer.Typer(**{k: getattr(app.info, k) for k in (
        "cls", "name", "help", "no_args_is_help", "invoke_without_command", "context_settings")},
        rich_markup_mode=None, pretty_exceptions_enable=False, add_completion=False)
    one.registered_callback = app.registered_callback
    one.registered_commands = commands
    one.registered_groups = groups
    return one


def run() -> None:
    """Entry point of the `studylog` script: text for a terminal goes through
    :func:`studylog.terminal.guard_streams` (no escape sequences the user's text carried)."""
    from studylog.terminal import guard_streams

    guard_streams()
    app_for(sys.argv[1:])()
