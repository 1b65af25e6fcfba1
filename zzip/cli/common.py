"""Options and helpers shared by the commands (kept import-light for a fast --help)."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.filebytes import os_reason
from zzip.i18n import _


class ReportFormat(str, enum.Enum):
    """The formats of a findings report (zzip validate, zzip check)."""

    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    sarif = "sarif"


class FailOn(str, enum.Enum):
    error = "error"
    warning = "warning"
    never = "never"


OutputFile = Annotated[
    Optional[Path],
    typer.Option("--output", "-o", help=_("Write to this file (atomically) instead of standard output."),
                 dir_okay=False, writable=True),
]
FailOnOption = Annotated[
    FailOn, typer.Option("--fail-on", help=_("Lowest severity that makes the exit code 1."), case_sensitive=False),
]
SelectOption = Annotated[
    Optional[list[str]],
    typer.Option("--select", help=_("Run only these rules (codes, code prefixes like P1, or names). Repeatable.")),
]
IgnoreOption = Annotated[
    Optional[list[str]],
    typer.Option("--ignore", help=_("Skip these rules (codes, code prefixes or names). Repeatable.")),
]


def described(text: str):
    """Give a command its --help text, already translated (typer reads it from the docstring;
    a docstring itself cannot go through the catalog)."""
    def apply(function):
        function.__doc__ = text
        return function
    return apply


def _lang_given(value: str | None) -> str | None:
    """--lang: the launcher has already applied it (the help texts are built in its language);
    here it is validated, and applied for runs that do not go through the launcher."""
    if value is None:
        return None
    from zzip.i18n import LANGUAGES, set_language

    if value not in LANGUAGES:
        fail_usage(_("--lang takes zh or en, not '%(value)s'", value=value))
    set_language(value)
    return value


# One definition for the root and every command: `zzip --lang en check` and `zzip check --lang en`.
LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", metavar="zh|en", callback=_lang_given,
                 help=_("Language of messages, tables, help and documents: zh (Chinese) or en (English). "
                        "Default: ZZIP_LANG, then lang in the configuration, then the locale, else zh "
                        "(docs/language.md).")),
]


def use_colour(stream=None) -> bool:
    from zzip.display import use_colour as colour

    return colour(stream)


def console(stderr: bool = False):
    """A console on standard output (or error): coloured as zzip.display decides; on a terminal
    as wide as the terminal, elsewhere (a pipe, CI) as wide as COLUMNS says, else as wide as
    each table is, nothing cut."""
    from rich.console import Console

    from zzip.display import UNBOUNDED, file_width, is_terminal

    stream = sys.stderr if stderr else sys.stdout
    colour = use_colour(stream)
    terminal = is_terminal(stream)
    return Console(file=stream, no_color=not colour, highlight=False, force_terminal=colour or None,
                   soft_wrap=not terminal, width=None if terminal else (file_width() or UNBOUNDED))


def file_console(buffer):
    """A console writing plain text for a file (-o): as wide as COLUMNS says, else as each table is."""
    from rich.console import Console

    from zzip.display import UNBOUNDED, file_width

    return Console(file=buffer, no_color=True, highlight=False, soft_wrap=True, width=file_width() or UNBOUNDED)


def emit(text: str, output: Path | None) -> None:
    """Data goes to stdout, or atomically to the -o file; nothing unsafe from an input goes out as it
    stands (control and bidi characters become \\uXXXX escapes, valid in JSON as elsewhere)."""
    from zzip.findings import safe_document

    text = safe_document(text)
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from zzip.atomic import write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as exc:
        fail_usage(_("cannot write %(path)s: %(reason)s", path=output, reason=os_reason(exc)))


def fail_usage(message: str) -> None:
    from zzip.findings import printable

    sys.stderr.write(_("zzip: error: %(error)s", error=printable(message)) + "\n")
    raise typer.Exit(2)


def write_file_or_fail(target: Path, write) -> None:
    """Make `target`'s folder and call `write()`; a refusal of the system (a full disk, a file
    where a folder belongs) is one line and exit 2, never an internal error."""
    import errno
    import os


    try:
        if target.parent.exists() and not target.parent.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target.parent))
        target.parent.mkdir(parents=True, exist_ok=True)
        write()
    except OSError as exc:
        fail_usage(_("cannot write %(target)s: %(reason)s", target=target, reason=os_reason(exc)))
