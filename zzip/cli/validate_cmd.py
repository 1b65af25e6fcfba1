"""`zzip validate`: check the plan folder itself (CI runs this on every plan edit)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.i18n import _
from zzip.cli.common import LangOption, described, FailOn, ReportFormat, IgnoreOption, OutputFile, SelectOption, console, emit, use_colour


@described(_("Validate a plan folder: schema, references, dates, owners. Exit 0 clean, 1 findings, 2 "
            "unreadable."))
def validate(
    plan_dir: Annotated[Path, typer.Argument(help=_("The plan folder."))] = Path("plan"),
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help=_("Output format."))] = ReportFormat.text,
    output: OutputFile = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(
        "--fail-on", help=_("Lowest severity that makes the exit code 1 (default: the configuration's, else error)."),
        case_sensitive=False)] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    config_file: Annotated[Optional[Path], typer.Option(
        "--config", help=_("Configuration file. Default: zzip.toml here or in a parent folder, or [tool.zzip] in "
                           "pyproject.toml."))] = None,
    lang: LangOption = None,
) -> None:
    from zzip.cli.check_cmd import load_config_or_exit
    from zzip.cli.outputs import run_output

    output = run_output(output, [plan_dir], config_file=config_file, reads_config=True)
    # the same configuration as `zzip check`: a rule ignored or re-graded there is so here too, so
    # that the plan's CI and the quarterly check never disagree about the plan
    config = load_config_or_exit(config_file, select, ignore)
    from zzip.plan_loader import load_plan
    from zzip.report import Report
    from zzip.rules import fatal_codes, rules_in_scope

    from zzip.check import judged_plan_findings
    from zzip.findings import Severity

    load = load_plan(plan_dir)
    # as `zzip check` judges the plan: an error hidden by the selection is reported anyway, since
    # check, template and the views refuse the plan for it
    findings = judged_plan_findings(load, config, config.selection(select, ignore))
    if load.plan.meta is not None and not any(f.severity == Severity.ERROR for f in findings):
        from zzip.cli.check_cmd import call_or_exit

        def settings_fit_the_plan():
            from zzip.config import ConfigError

            problems = config.plan_problems(load.plan)
            if problems:
                raise ConfigError(problems)

        call_or_exit(settings_fit_the_plan)
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
    raise typer.Exit(report.exit_code(fail_on.value if fail_on is not None else config.fail_on))
