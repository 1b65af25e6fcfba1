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


@app.callback()
def _root(
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
    if debug:
        os.environ["ZZIP_DEBUG"] = "1"


from zzip.cli import (  # noqa: E402
    assess_cmd, check_cmd, convert_cmd, diff_cmd, overdue_cmd, plan_cmd, progress_cmd, rules_cmd, schema_cmd, template_cmd,
    unit_cmd, validate_cmd,
)
from zzip.cli import bulletin_cmd, remind_cmd  # noqa: E402
from zzip.cli import import_cmd, init_cmd  # noqa: E402

app.command("init")(init_cmd.init)
app.command("import")(import_cmd.import_table)
app.command("check")(check_cmd.check)
app.command("template")(template_cmd.template)
app.command("convert")(convert_cmd.convert)
app.command("overdue")(overdue_cmd.overdue)
app.command("progress")(progress_cmd.progress)
app.command("unit")(unit_cmd.unit)
app.command("assess")(assess_cmd.assess)
app.command("bulletin")(bulletin_cmd.bulletin)
app.command("remind")(remind_cmd.remind)
app.command("diff")(diff_cmd.diff)
app.command("validate")(validate_cmd.validate)
app.command("schema")(schema_cmd.schema)
app.command("rules")(rules_cmd.rules)
app.add_typer(plan_cmd.app, name="plan")
localise(app)  # Typer's and Click's own words in the run's language


class StdoutFailed(Exception):
    """Standard output could not be written (a full disk, a closed pipe): not a bug, exit 2."""


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
        message = _("standard output was closed before zzip had written everything (a pipe whose reader stopped early)")
    else:
        message = _("cannot write to standard output: %(reason)s", reason=exc.strerror or exc)
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
