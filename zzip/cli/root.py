"""The `zzip` command line as a Typer app. Each command lives in its own module and imports its
heavy dependencies (jsonschema, yaml, rich) only when it runs, so `zzip --help` stays fast."""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated, Optional

import typer

from zzip import __version__
from zzip.cli.click_words import localise
from zzip.cli.common import LangOption
from zzip.cli.guard import guarded
from zzip.cli.helpers import apply_root_options
from zzip.i18n import _

app = typer.Typer(
    name="zzip",
    help=_("Check an implementation plan (its targets, tasks and steps, in a plan folder) and the status reports "
           "of the units that carry it out. Start a new plan with 'zzip init'."),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    rich_markup_mode=None,
)


class ColorChoice(str, enum.Enum):
    auto = "auto"
    always = "always"
    never = "never"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"zzip {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help=_("Print the version and exit."))] = None,
    debug: Annotated[bool, typer.Option("--debug", help=_("Show the full traceback of an internal error."))] = False,
    color: Annotated[ColorChoice, typer.Option(
        "--color", case_sensitive=False,
        help=_("Colour: always, never, or auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it)."))
    ] = ColorChoice.auto,
    ascii_only: Annotated[Optional[bool], typer.Option(
        "--ascii/--no-ascii",
        help=_("Draw tables and bars with plain ASCII characters (for consoles that draw box characters two "
               "columns wide). Default: ASCII when the output is not UTF-8 or TERM=linux."))] = None,
    lang: LangOption = None,
) -> None:
    apply_root_options(ctx.invoked_subcommand, color.value, ascii_only, debug)


# name -> (module, function); "plan" is a group of its own (plan_cmd.app)
COMMANDS = {
    "init": ("init_cmd", "init"), "import": ("import_cmd", "import_table"),
    "check": ("check_cmd", "check"), "template": ("template_cmd", "template"), "convert": ("convert_cmd", "convert"),
    "overdue": ("overdue_cmd", "overdue"), "progress": ("progress_cmd", "progress"), "unit": ("unit_cmd", "unit"),
    "assess": ("assess_cmd", "assess"), "bulletin": ("bulletin_cmd", "bulletin"), "remind": ("remind_cmd", "remind"),
    "diff": ("diff_cmd", "diff"), "validate": ("validate_cmd", "validate"), "schema": ("schema_cmd", "schema"),
    "rules": ("rules_cmd", "rules"), "plan": ("plan_cmd", None),
}


def _register(names) -> None:
    import importlib

    for name in names:
        module_name, function = COMMANDS[name]
        module = importlib.import_module(f"zzip.cli.{module_name}")
        if function is None:
            app.add_typer(module.app, name=name)
        else:
            app.command(name)(getattr(module, function))


def _invoked(argv: list[str]) -> str | None:
    """The command this run names (`zzip --lang zh check ...` -> check), if it names one."""
    arguments = iter(argv)
    for argument in arguments:
        if argument in ("--lang", "--color"):  # the root options that take a value
            next(arguments, None)
        elif argument.startswith(("--lang=", "--color=")) or argument in ("--debug", "--ascii", "--no-ascii"):
            continue
        else:
            return argument if argument in COMMANDS else None
    return None


def _commands_to_register() -> list[str]:
    """Run from the `zzip` script, only the command being run is imported and registered (`zzip
    check` need not load the other thirteen: benchmarks/README.md, start-up); help, completion,
    anything unknown, and every other importer of this module (tests) get them all."""
    from zzip import launcher

    argv = launcher.ARGV
    invoked = _invoked(argv) if argv is not None and not os.environ.get("_ZZIP_COMPLETE") else None
    return [invoked] if invoked else list(COMMANDS)


_register(_commands_to_register())
localise(app)  # Typer's and Click's own words in the run's language


def main() -> None:
    guarded(app)
