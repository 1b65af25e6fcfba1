"""`zzip validate`: check the plan folder itself (CI runs this on every plan edit)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zzip.i18n import _
from zzip.cli.common import LangOption, described, FailOn, ReportFormat, FailOnOption, IgnoreOption, OutputFile, SelectOption, console, emit, use_colour


@described(_("Validate a plan folder: schema, references, dates, owners. Exit 0 clean, 1 findings, 2 "
            "unreadable."))
def validate(
    plan_dir: Annotated[Path, typer.Argument(help=_("The plan folder."))] = Path("plan"),
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help=_("Output format."))] = ReportFormat.text,
    output: OutputFile = None,
    fail_on: FailOnOption = FailOn.error,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
) -> None:
    from zzip.cli.outputs import run_output
    from zzip.engine import Selection, run_rules

    output = run_output(output, [plan_dir])
    from zzip.plan_loader import load_plan
    from zzip.report import Report
    from zzip.rules import fatal_codes, rules_in_scope

    from zzip.engine import split_keys
    from zzip.rule_keys import option_problems

    problems = option_problems(select, ignore)
    if problems:
        sys.stderr.write("".join(_("zzip: error: %(error)s", error=line) + "\n" for line in problems))
        raise typer.Exit(2)
    load = load_plan(plan_dir)

    selection = Selection(select=split_keys(select) if select else None, ignore=split_keys(ignore))
    findings = run_rules(rules_in_scope("file", "plan"), load, selection)
    meta = load.plan.meta
    summary = {"plan": meta.id, "plan_version": meta.version} if meta else {}
    report = Report("validate", findings, load.files, fatal_codes(), summary)

    if output_format != ReportFormat.text:
        from zzip.output.formats import render

        emit(render(output_format.value, report), output)
    elif output is None and use_colour():
        from zzip.output import text

        text.print_rich(report, console())
    else:
        from zzip.output import text

        emit(text.render_plain(report), output)
    raise typer.Exit(report.exit_code(fail_on.value))
