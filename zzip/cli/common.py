"""The Typer option declarations shared by the commands (kept import-light for a fast --help), and
the Typer-free helpers of zzip/cli/helpers.py under their usual names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.cli.helpers import (  # noqa: F401 - the commands import them from here
    FailOn, ReportFormat, console, described, emit, fail_usage, file_console, lang_given as _lang_given, use_colour,
    write_file_or_fail,
)
from zzip.i18n import _


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


# One definition for the root and every command: `zzip --lang en check` and `zzip check --lang en`.
LangOption = Annotated[
    Optional[str],
    typer.Option("--lang", metavar="zh|en", callback=_lang_given,
                 help=_("Language of messages, tables, help and documents: zh (Chinese) or en (English). "
                        "Default: ZZIP_LANG, then lang in the configuration, then the locale, else zh "
                        "(docs/language.md).")),
]
