"""The `zzip` command line. Each command lives in its own module and imports its heavy
dependencies (jsonschema, yaml, rich) only when it runs, so `zzip --help` stays fast."""

from __future__ import annotations

import enum
import os
import sys
from typing import Annotated, Optional

import typer

from zzip import __version__
from zzip.cli.click_words import localise
from zzip.cli.common import LangOption
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


# the commands that read the whole configuration (zzip.toml) and refuse any bad key in it, `lang`
# included; every other command uses only its `lang`, and warns when that is neither zh nor en
READS_CONFIGURATION = {"check", "validate", "overdue", "progress", "unit", "bulletin", "remind"}


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
    from zzip.display import configure

    configure(color.value, ascii_only)
    if ctx.invoked_subcommand not in READS_CONFIGURATION:  # the others refuse a bad `lang` with the whole file
        from zzip.i18n import config_lang_warning

        warning = config_lang_warning()
        if warning:
            sys.stderr.write(warning + "\n")
    if debug:
        os.environ["ZZIP_DEBUG"] = "1"


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


class StdoutFailed(Exception):
    """Standard output could not be written (a full disk: exit 2; a closed pipe: exit 141): not a bug."""


class _GuardedStream:
    """sys.stdout, whose write errors become StdoutFailed, which click does not swallow (it
    turns a closed pipe into a silent exit 1)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise StdoutFailed(exc) from None

    def flush(self):
        try:
            return self._stream.flush()
        except OSError as exc:
            raise StdoutFailed(exc) from None

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _stdout_failed(exc: OSError) -> None:
    import errno

    try:  # what is still buffered must not fail again when Python exits
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    if exc.errno == errno.EPIPE:
        # a reader that stops early (`zzip check | head`) is normal: no message, and the status a
        # shell gives any tool ended by SIGPIPE (128 + 13), never 0: the verdict was not all read
        sys.exit(141)
    from zzip.filebytes import os_reason

    message = _("cannot write to standard output: %(reason)s", reason=os_reason(exc))
    try:
        sys.stderr.write(_("zzip: error: %(error)s", error=message) + "\n")
        sys.stderr.flush()
    except OSError:
        pass
    sys.exit(2)


def main() -> None:
    sys.stdout = _GuardedStream(sys.stdout)
    try:
        app()
        sys.stdout.flush()
    except SystemExit:
        try:
            sys.stdout.flush()
        except StdoutFailed as failed:
            _stdout_failed(failed.args[0])
        raise
    except StdoutFailed as failed:
        _stdout_failed(failed.args[0])
    except KeyboardInterrupt:
        sys.stderr.write(_("zzip: interrupted") + "\n")
        sys.exit(130)
    except Exception as exc:  # an internal error: one line, the traceback only on request
        if os.environ.get("ZZIP_DEBUG") or "--debug" in sys.argv:
            raise
        sys.stderr.write(
            _("zzip: internal error: %(kind)s: %(error)s", kind=type(exc).__name__, error=exc) + "\n"
            + _("This is a bug in zzip, not in your files. Please report it with the command you ran; "
                "run it again with --debug to see the traceback.") + "\n"
        )
        sys.exit(3)
