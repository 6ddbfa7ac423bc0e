"""Free text on the command line: a word that starts with a dash is text, not an option.

Markdown bullets start with ``- `` (``studylog note retro "- [ ] 논문 읽기"``), so a command that
takes free text reads its arguments by one rule a user can predict:

- a word that is one of the command's own options (``--date D``, ``-d D``, ``--title=T``,
  ``--json``, ``-h``) is that option, wherever it stands;
- ``--`` ends the options: every word after it is text;
- any other word is text, dash or not (``-`` alone still means standard input), except an
  unknown ``--word``, which is refused as a likely typo of an option.

Commands that take text are registered with ``cls=TextCommand``.
"""


from typer.core import TyperCommand, TyperGroup

try:  # typer >= 0.20 vendors click as typer._click
    from typer._click import Context
except ImportError:  # pragma: no cover - older typer on real click
    from click import Context  # type: ignore[assignment]  # same API, older home


def split_args(args: list[str], takes_value: dict[str, bool]) -> tuple[list[str], list[str]]:
    """Split ``args`` into (options with their values, text words) by the rule above.

    ``takes_value`` maps every option name of the command (``--date``, ``-d``) to whether it
    takes a value. An unknown ``--word`` is kept with the options, so the parser refuses it.
    """
    options: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            words.extend(args[i:])
            break
        name = arg.split("=", 1)[0] if arg.startswith("--") else arg
        if name in takes_value:
            options.append(arg)
            if takes_value[name] and "=" not in arg and i < len(args):
                options.append(args[i])
                i += 1
            continue
        if len(arg) > 2 and arg.startswith("-") and arg[1] != "-" and arg[:2] in takes_value \
                and takes_value[arg[:2]]:
            options.append(arg)  # -dtomorrow: a short option with its value attached
            continue
        if arg.startswith("--") and len(arg) > 2 and arg[2].isalpha():
            options.append(arg)  # an unknown long option: refused by the parser, as a typo
            continue
        words.append(arg)
    return options, words


class TextCommand(TyperCommand):
    """A command whose arguments are free text that may start with a dash (see the module)."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        """Put the command's options first and the text words after ``--``, then parse."""
        takes_value: dict[str, bool] = {name: False for name in ctx.help_option_names}
        for param in self.get_params(ctx):
            if getattr(param, "param_type_name", "") != "option":
                continue
            flag = bool(getattr(param, "is_flag", False) or getattr(param, "count", False))
            for name in [*param.opts, *param.secondary_opts]:
                takes_value[name] = not flag
        options, words = split_args(list(args), takes_value)
        return super().parse_args(ctx, [*options, "--", *words] if words else options)


class DefaultCommandGroup(TyperGroup):
    """A group whose first word may be left out: a word that names none of its commands runs
    its default command (``note retro TEXT`` is ``note add retro TEXT``)."""

    default_command = "add"

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        """Put the default command's name in front when the first word is not a command."""
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)
