"""`zzip check`: the quarterly job of the supervising office."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.i18n import _
from zzip.cli.common import LangOption, described, IgnoreOption, ReportFormat, OutputFile, SelectOption
from zzip.cli.check_run import (  # noqa: F401 - the other commands import these from here
    call_or_exit, load_config_or_exit, parse_as_of_or_exit, report_folders, run_check_or_exit, run_check_command,
)


PlanOption = Annotated[Path, typer.Option("--plan", "-p", help=_("The plan folder."))]
AsOfOption = Annotated[Optional[str], typer.Option(
    "--as-of", help=_("Check as at the end of this day (YYYY-MM-DD). Default: today in the plan's time zone."))]
ConfigOption = Annotated[Optional[Path], typer.Option(
    "--config", help=_("Configuration file. Default: zzip.toml here or in a parent folder, or [tool.zzip] in pyproject.toml."))]


@described(_("Check a quarter's status files (or the whole history) against the plan: submission errors, "
            "overdue milestones, missing and late reports, indicators behind their trajectory, and who is "
            "behind."))
def check(
    reports: Annotated[Path, typer.Argument(help=_("A quarter folder (reports/2025-Q2) or the whole reports/ history."))] = Path("reports"),
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help=_("Output format."))] = ReportFormat.text,
    output: OutputFile = None,
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", help=_("error, warning or never (default: the configuration's, else error)."))] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config_file: ConfigOption = None,
    show: Annotated[str, typer.Option(
        "--show", help=_("all (default); findings: the findings and the verdict only (for pre-commit hooks); "
                         "behind: the who-is-behind table only, as text, csv, json or markdown."))] = "all",
    lang: LangOption = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help=_("Read every plan file afresh instead of through the cache of plan files read before "
                             "(the user's cache folder, or ZZIP_CACHE_DIR)."))] = False,
) -> None:
    run_check_command(reports, plan_dir, as_of, output_format, output, fail_on, select, ignore, config_file, show,
                      no_cache)
