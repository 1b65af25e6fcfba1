"""A plain `zzip check` without Typer or Click, which are a third of its start-up (benchmarks/README.md).

`plain_check(argv, environ)` reads `zzip [ROOT OPTIONS] check [ARGUMENTS]` only when the command
line is plain: the options of the tables below, long or short, `--option=value` or `-ovalue`, each
value present, not empty and not looking like an option, a choice among its choices, a path that
Click would accept (os.stat and os.access as its Path type checks them), one reports folder at most.
It returns the run, or None for anything else (--help, --version, a usage error, an unknown option,
`--`, shell completion, a Windows argument Click would expand), and then the Typer app runs as it
always has, so every message and exit code of those cases stays Click's, in the run's language.

The tables are held to the Click command (tests/test_fast_check.py derives names, flags, defaults,
choices and multiplicity from it), the parse to Click's own (a property test compares the
parameters on generated command lines), and the runs to the Typer path (the same command lines
both ways). ZZIP_NO_FAST_CHECK=1 makes every run take the Typer path: it is for those tests.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from zzip.cli.helpers import ReportFormat
from zzip.i18n import LANGUAGES


class Option:
    """One parameter of the Click command: `dest` its name in ctx.params; `flags` maps each name of
    a flag to the value it sets (None for an option that takes a value); `path` is "path" for a
    path Click checks only when it exists (readable), "file" for -o (also not a folder, writable)."""

    __slots__ = ("names", "dest", "default", "flags", "multiple", "choices", "case_sensitive", "path")

    def __init__(self, names, dest, default=None, flags=None, multiple=False, choices=None, case_sensitive=True,
                 path=None):
        self.names, self.dest, self.default, self.flags = tuple(names), dest, default, flags
        self.multiple, self.choices, self.case_sensitive, self.path = multiple, choices, case_sensitive, path


LANGUAGE_CODES = tuple(LANGUAGES)  # a plain string to Click; its callback refuses any other value

# zzip/cli/check_cmd.py check(): every option, in its order
CHECK_OPTIONS = (
    Option(("--plan", "-p"), "plan_dir", default=Path("plan"), path="path"),
    Option(("--as-of",), "as_of"),
    Option(("--format", "-f"), "output_format", default=ReportFormat.text.value,
           choices=tuple(member.value for member in ReportFormat)),
    Option(("--output", "-o"), "output", path="file"),
    Option(("--fail-on",), "fail_on"),
    Option(("--select",), "select", default=(), multiple=True),
    Option(("--ignore",), "ignore", default=(), multiple=True),
    Option(("--config",), "config_file", path="path"),
    Option(("--show",), "show", default="all"),
    Option(("--lang",), "lang", choices=LANGUAGE_CODES),
    Option(("--no-cache",), "no_cache", default=False, flags={"--no-cache": True}),
)
CHECK_ARGUMENT = Option(("reports",), "reports", default=Path("reports"), path="path")

# zzip/cli/root.py _root(): the options that may come before `check` (not --version, --help or
# the completion options: those are never a plain check)
ROOT_OPTIONS = (
    Option(("--debug",), "debug", default=False, flags={"--debug": True}),
    Option(("--color",), "color", default="auto", choices=("auto", "always", "never"), case_sensitive=False),
    Option(("--ascii", "--no-ascii"), "ascii_only", flags={"--ascii": True, "--no-ascii": False}),
    Option(("--lang",), "lang", choices=LANGUAGE_CODES),
)


def plain_check(argv: list[str], environ):
    """The run of `zzip ARGV` when it is a plain `zzip check`, else None (see the module's docstring)."""
    if environ.get("ZZIP_NO_FAST_CHECK") or environ.get("_ZZIP_COMPLETE"):
        return None
    if os.name == "nt" and any(mark in argument for argument in argv for mark in "~$%*?["):
        return None  # Click expands these itself on Windows (~, variables, wildcards)
    parsed = parse(argv)
    if parsed is None:
        return None
    root, params = parsed
    return lambda: _run(root, params)


def parse(argv: list[str]) -> tuple[dict, dict] | None:
    """(the root's parameters, check's parameters) as Click's ctx.params would hold them, or None."""
    root = {option.dest: option.default for option in ROOT_OPTIONS}
    position = 0
    while position < len(argv) and argv[position] != "check":
        position = _take(ROOT_OPTIONS, argv, position, root)
        if position is None:
            return None
    if position >= len(argv):
        return None
    params = {option.dest: option.default for option in (*CHECK_OPTIONS, CHECK_ARGUMENT)}
    position += 1
    positional = []
    while position < len(argv):
        token = argv[position]
        if token == "-" or not token.startswith("-"):
            if not _plain_value(token):
                return None
            positional.append(token)
            position += 1
            continue
        position = _take(CHECK_OPTIONS, argv, position, params)
        if position is None:
            return None
    if len(positional) > 1:
        return None
    if positional:
        params[CHECK_ARGUMENT.dest] = positional[0]
    # as Click: the last of a repeated option is the one it converts and checks
    if not (_converted(ROOT_OPTIONS, root) and _converted((*CHECK_OPTIONS, CHECK_ARGUMENT), params)):
        return None
    return root, params


def _converted(options, params: dict) -> bool:
    """Turn the values given into what Click's types make of them; False if Click would refuse one."""
    for option in options:
        value = params[option.dest]
        if option.multiple:
            params[option.dest] = tuple(value)
        if value is None or option.flags is not None or option.multiple:
            continue  # none given, a flag, or text (defaults are checked as Click checks them: harmless)
        if option.choices is not None:
            value = params[option.dest] = _choice(value, option)
            if value is None:
                return False
        if option.path is not None and not _path_accepted(value, option):
            return False
    return True


def _take(options, argv: list[str], position: int, params: dict) -> int | None:
    """Read the option at argv[position] into params: the position after it, or None."""
    token = argv[position]
    if token.startswith("--"):
        name, equals, attached = token.partition("=")
        value = attached if equals else None
    elif len(token) >= 2 and token.startswith("-"):
        name, value = token[:2], (token[2:] or None)
    else:
        return None
    option = next((o for o in options if name in o.names), None)
    if option is None:
        return None
    if option.flags is not None:
        if value is not None:
            return None
        params[option.dest] = option.flags[name]
        return position + 1
    if value is None:
        if position + 1 >= len(argv):
            return None
        position += 1
        value = argv[position]
    if not _plain_value(value):
        return None
    if option.multiple:
        params[option.dest] = [*params[option.dest], value]
    else:
        params[option.dest] = value
    return position + 1


def _plain_value(value: str) -> bool:
    """A value taken as it stands: not empty, nothing that looks like an option (Click would take
    `--as-of --format` as the date "--format"), no NUL."""
    return bool(value) and (value == "-" or not value.startswith("-")) and "\0" not in value


def _path_accepted(value: str, option: Option) -> bool:
    """What Click's Path type (Typer's TyperPath) lets through: a path that does not exist, or one
    that is readable (and, for -o, not a folder and writable)."""
    try:
        mode = os.stat(value).st_mode
    except OSError:
        return True
    except ValueError:
        return False
    if option.path == "file" and stat.S_ISDIR(mode):
        return False
    if not os.access(value, os.R_OK):
        return False
    return option.path != "file" or os.access(value, os.W_OK)


def _choice(value: str, option: Option) -> str | None:
    if value in option.choices:
        return value
    if not option.case_sensitive:
        for choice in option.choices:
            if choice.casefold() == value.casefold():
                return choice
    return None


def arguments(params: dict) -> dict:
    """check()'s arguments from its parameters, as Typer converts them: paths to Path, the format to
    ReportFormat, an empty repeatable option to None."""
    converted = dict(params)
    for option in (*CHECK_OPTIONS, CHECK_ARGUMENT):
        value = converted[option.dest]
        if option.path is not None and value is not None:
            converted[option.dest] = Path(value)
        elif option.multiple:
            converted[option.dest] = list(value) or None
    converted["output_format"] = ReportFormat(converted["output_format"])
    return converted


def _run(root: dict, params: dict) -> None:
    """The check, as the Typer app would run it: the root's --lang and its options' effect, check's
    --lang, then the command; an interrupt or a closed standard error ends it as Typer's main does."""
    from zzip.cli.check_run import run_check_command
    from zzip.cli.helpers import apply_root_options, lang_given

    converted = arguments(params)
    del converted["lang"]
    try:
        lang_given(root["lang"])
        apply_root_options("check", root["color"], root["ascii_only"], root["debug"])
        lang_given(params["lang"])
        run_check_command(**converted)
    except KeyboardInterrupt:
        raise SystemExit(130) from None  # Typer: Exit(130), no message
    except OSError as exc:
        import errno

        if exc.errno != errno.EPIPE:
            raise
        _silence_stderr()  # Typer: a closed pipe (standard error; standard output is guarded) exits 1 quietly
        raise SystemExit(1) from None


def _silence_stderr() -> None:
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stderr__.fileno())
    except (OSError, ValueError, AttributeError):
        pass
