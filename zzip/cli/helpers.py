"""What the commands share that needs no Typer: the report formats, writing output, consoles,
failing with a usage error, and applying the root options. A plain `zzip check` runs with these
alone (zzip/cli/fast_check.py); zzip/cli/common.py adds the Typer option declarations."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from zzip.filebytes import os_reason
from zzip.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterable


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


def described(text: str):
    """Give a command its --help text, already translated (typer reads it from the docstring;
    a docstring itself cannot go through the catalog)."""
    def apply(function):
        function.__doc__ = text
        return function
    return apply


def lang_given(value: str | None) -> str | None:
    """--lang: the launcher has already applied it (the help texts are built in its language);
    here it is validated, and applied for runs that do not go through the launcher."""
    if value is None:
        return None
    from zzip.i18n import LANGUAGES, set_language

    if value not in LANGUAGES:
        fail_usage(_("--lang takes zh or en, not '%(value)s'", value=value))
    set_language(value)
    return value


# the commands that read the whole configuration (zzip.toml) and refuse any bad key in it, `lang`
# included; every other command uses only its `lang`, and warns when that is neither zh nor en
READS_CONFIGURATION = {"check", "validate", "overdue", "progress", "unit", "bulletin", "remind"}


def apply_root_options(command: str | None, color: str, ascii_only: bool | None, debug: bool) -> None:
    """What `zzip [--color C] [--ascii|--no-ascii] [--debug] COMMAND` does before the command runs
    (the root callback of the Typer app, and the plain `zzip check` of fast_check)."""
    from zzip.display import configure

    configure(color, ascii_only)
    if command not in READS_CONFIGURATION:  # the others refuse a bad `lang` with the whole file
        from zzip.i18n import config_lang_warning

        warning = config_lang_warning()
        if warning:
            sys.stderr.write(warning + "\n")
    if debug:
        import os

        os.environ["ZZIP_DEBUG"] = "1"


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


def emit(text: str | Iterable[str], output: Path | None) -> None:
    """Data goes to stdout, or atomically to the -o file; nothing unsafe from an input goes out as it
    stands (control and bidi characters become \\uXXXX escapes, valid in JSON as elsewhere). The
    text may come in pieces (a big report: output.formats.render_pieces), written as they come so
    that the whole is never held at once."""
    from zzip.findings import safe_document, safe_pieces

    pieces = [safe_document(text)] if isinstance(text, str) else safe_pieces(text)
    if output is None or str(output) == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    from zzip.atomic import write_chunks_atomic

    try:
        write_chunks_atomic(output, pieces)
    except OSError as exc:
        fail_usage(_("cannot write %(path)s: %(reason)s", path=output, reason=os_reason(exc)))


def fail_usage(message: str) -> None:
    """One line on standard error, exit 2. SystemExit, not typer.Exit: this runs without Typer
    too, and under Typer a SystemExit ends the run with the same code."""
    from zzip.findings import printable

    sys.stderr.write(_("zzip: error: %(error)s", error=printable(message)) + "\n")
    raise SystemExit(2)


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
