"""What the view commands (overdue, progress, unit) share: loading, formats, printing."""

from __future__ import annotations

import enum
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.i18n import _, ngettext
from zzip.cli.common import emit, fail_usage


class ViewFormat(str, enum.Enum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


ReportsArgument = Annotated[Path, typer.Argument(help=_("The reports folder (or one quarter of it)."))]
FormatOption = Annotated[ViewFormat, typer.Option("--format", "-f", help=_("Output format."))]


def load_context(plan_dir: Path, reports: Path, as_of: Optional[str], config_file: Optional[Path]):
    """The check context, or a plain exit: views need a sound plan and readable reports.

    A view never hides bad input: a status file that cannot be read (F001) is printed as
    `zzip check` prints it, and the view exits 2 rather than call the report missing; a file
    that breaks the schema (S201) is printed as a warning, as it is left out of the view."""
    from zzip.check import prepare
    from zzip.cli.check_cmd import call_or_exit, load_config_or_exit, parse_as_of_or_exit
    from zzip.output.text import finding_line

    config = load_config_or_exit(config_file)
    as_of_date = parse_as_of_or_exit(as_of)
    if not reports.exists() and not reports.is_symlink():
        fail_usage(_("reports folder '%(reports)s' does not exist", reports=reports))
    _load, findings, context = call_or_exit(prepare, plan_dir, reports, as_of_date, config)
    if context is None:
        for finding in findings:
            sys.stderr.write(finding_line(finding) + "\n")
        fail_usage(_("the plan in '%(plan_dir)s' has errors; fix them first ('zzip validate %(plan_dir)s')", plan_dir=plan_dir))
    report_input_problems(context)
    return context


def report_input_problems(context, only=None) -> None:
    """Print what could not be read in the reports (as `zzip check` does) on standard error;
    exit 2 when a file was unreadable, or broke the schema so that it is no report at all. `only`
    picks the files that matter (by path)."""
    from zzip.engine import run_rules
    from zzip.output.text import finding_line
    from zzip.rules import find_rule

    rules = [find_rule(code) for code in ("F001", "F002", "S201")]
    findings = [f for f in run_rules(rules, context) if only is None or only(f.location.path)]
    findings.sort(key=lambda f: f.sort_key())
    for finding in findings:
        sys.stderr.write(finding_line(finding) + "\n")
    # A file whose schema problems kept it from becoming a report at all (a date it cannot read,
    # say) would be drawn as "missing": that is as wrong a picture as an unreadable file.
    read = {sub.path for sub in context.submissions}
    unusable = {f.location.path for f in findings if f.code == "S201" and f.location.path not in read}
    unreadable = sum(1 for f in findings if f.code == "F001") + len(unusable)
    if unreadable:
        fail_usage(ngettext("%(num)s status file could not be read (above); fix it first: nothing is shown "
                            "rather than a wrong picture",
                            "%(num)s status files could not be read (above); fix them first: nothing is shown "
                            "rather than a wrong picture", unreadable))


def resolve_unit_or_exit(plan, name: str):
    unit = plan.resolve_unit(name)
    if unit is None:
        fail_usage(_("no unit '%(name)s' in the plan; 'zzip plan export' lists the units, with their names and aliases", name=name))
    return unit


def show(tables, document: dict, output_format: ViewFormat, output: Optional[Path], heading: str,
         footer: str | None = None) -> None:
    from zzip.views.tables import csv_text, markdown_text, print_tables

    if output_format == ViewFormat.json:
        emit(json.dumps(document, ensure_ascii=False, indent=2) + "\n", output)
    elif output_format == ViewFormat.csv:
        emit(csv_text(tables), output)
    elif output_format == ViewFormat.markdown:
        emit(markdown_text(tables, heading, footer), output)
    else:
        from io import StringIO

        from zzip.cli.common import console, file_console

        if output is None or str(output) == "-":
            print_tables(console(), tables, heading, footer)
        else:
            buffer = StringIO()
            print_tables(file_console(buffer), tables, heading, footer)
            emit(buffer.getvalue(), output)
