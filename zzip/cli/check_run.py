"""The body of `zzip check`, without Typer: the Typer command (check_cmd.py) and the plain
command line of fast_check.py both call `run_check_command`, which ends with SystemExit. The
helpers the other commands share with it (the configuration, --as-of) are here too."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from zzip.cli.helpers import ReportFormat, emit, fail_usage
from zzip.i18n import _


def run_check_command(reports: Path, plan_dir: Path, as_of: str | None, output_format: ReportFormat,
                      output: Path | None, fail_on: str | None, select: list[str] | None, ignore: list[str] | None,
                      config_file: Path | None, show: str, no_cache: bool) -> None:
    from zzip.cli.outputs import run_output

    output = run_output(output, [plan_dir], reports, config_file, reads_config=True)
    config = load_config_or_exit(config_file, select, ignore)
    as_of_date = parse_as_of_or_exit(as_of)
    fail_level = fail_on or config.fail_on
    if fail_level not in ("error", "warning", "never"):
        fail_usage(_("--fail-on takes error, warning or never, not '%(fail_level)s'", fail_level=fail_level))
    if not reports.exists():
        fail_usage(_("reports folder '%(reports)s' does not exist", reports=reports))
    if show not in ("all", "findings", "behind"):
        fail_usage(_("--show takes all, findings or behind, not '%(show)s'", show=show))
    if show == "behind" and output_format.value not in ("text", "csv", "json", "markdown"):
        fail_usage(_("--show behind is a table: use --format text, csv, json or markdown"))

    from zzip import plan_cache

    if not no_cache:  # never inside the plan or any folder the run reads reports from
        plan_cache.enable(keep_out_of=(plan_dir, *report_folders(reports)))
    try:
        report, context = run_check_or_exit(plan_dir, reports, as_of_date, config, select, ignore)
    finally:
        plan_cache.disable()
    from zzip.findings import printable

    names = {u.id: printable(u.name) for u in context.plan.units.values()} if context else {}
    # The report holds all it shows; the records (most of a big run's memory) go before it is
    # written, which can then reuse their memory (text output of 1,000 old-workload files: peak
    # 58.8 -> 52.5 MB; JSON, written in small pieces since, at 10,000 files 129 -> 117 MB).
    del context
    if output_format == ReportFormat.text:
        from zzip.cli.helpers import console
        from zzip.output import check_text

        if output is None or str(output) == "-":
            check_text.render(report, console(), names, show)
        else:
            from io import StringIO

            from zzip.cli.helpers import file_console

            buffer = StringIO()
            check_text.render(report, file_console(buffer), names, show)
            emit(buffer.getvalue(), output)
    else:
        from zzip.output.formats import render_pieces

        if show == "behind":
            from zzip.output.behind import render_behind

            emit(render_behind(output_format.value, report), output)
        else:
            emit(render_pieces(output_format.value, report), output)
    raise SystemExit(report.exit_code(fail_level))


def report_folders(reports: Path) -> list[Path]:
    """The folders a check of `reports` reads status files from: the path given (a file's folder
    for a single file), each quarter read with it as history, and the reports folder above them."""
    from zzip.check import reading_roots
    from zzip.status_loader import folder_quarter

    given = Path(os.path.abspath(reports))
    folders = [given if given.is_dir() else given.parent]
    for root in reading_roots(given):
        folders.append(root)
        if folder_quarter(root.name) is not None:
            folders.append(root.parent)
    return folders


def load_config_or_exit(config_file: Path | None, select: list[str] | None = None, ignore: list[str] | None = None):
    """The configuration, or exit 2 naming every bad key of it and every unknown rule in --select/--ignore."""
    from zzip.config import ConfigError, find_config, load_config
    from zzip.rule_keys import option_problems

    if config_file is not None and not config_file.is_file():
        fail_usage(_("configuration file '%(config_file)s' does not exist", config_file=config_file))
    config_lines: list[str] = []
    try:
        config = load_config(config_file or find_config())
    except ConfigError as exc:
        config_lines = exc.lines
    option_lines = [_("zzip: error: %(error)s", error=line) for line in option_problems(select, ignore)]
    if not config_lines and not option_lines:
        return config
    from zzip.findings import printable

    sys.stderr.write("".join(f"{printable(line)}\n" for line in [*config_lines, *option_lines]))
    if config_lines:
        sys.stderr.write(_("zzip: error: fix the configuration above (see docs/configuration.md)") + "\n")
    raise SystemExit(2)


def run_check_or_exit(*args):
    from zzip.check import run_check

    return call_or_exit(run_check, *args)


def call_or_exit(function, *args):
    """Run a step that may find the configuration at odds with the plan: exit 2 naming each problem."""
    from zzip.config import ConfigError

    try:
        return function(*args)
    except ConfigError as exc:
        from zzip.findings import printable

        for line in exc.lines:
            sys.stderr.write(f"{printable(line)}\n")
        sys.stderr.write(_("zzip: error: fix the configuration above (see docs/configuration.md)") + "\n")
        raise SystemExit(2)


def parse_as_of_or_exit(as_of: str | None):
    if as_of is None:
        return None
    from zzip.clock import parse_as_of

    try:
        return parse_as_of(as_of)
    except ValueError as exc:
        fail_usage(_("--as-of: %(exc)s", exc=exc))
