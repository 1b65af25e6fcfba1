"""`zzip plan ...`: commands that read the plan as a whole."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from zzip.i18n import _
from zzip.cli.common import LangOption, described, OutputFile, emit

app = typer.Typer(help=_("Work with the plan as a whole."), no_args_is_help=True)


@app.callback()
def _plan(lang: LangOption = None) -> None:
    # only for --lang (`zzip plan --lang en export`); the group's help is the Typer's
    return None


class ExportFormat(str, enum.Enum):
    json = "json"


@app.command("export")
@described(_("Print the normalised plan (aliases resolved, owners derived, dates as ISO strings) for other "
            "tools."))
def export(
    plan_dir: Annotated[Path, typer.Argument(help=_("The plan folder."))] = Path("plan"),
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help=_("Output format."))] = ExportFormat.json,
    output: OutputFile = None,
    lang: LangOption = None,
) -> None:
    import json

    from zzip.engine import run_rules
    from zzip.findings import Severity
    from zzip.output.text import finding_line
    from zzip.plan_export import export as export_plan
    from zzip.plan_loader import load_plan
    from zzip.rules import rules_in_scope

    from zzip.cli.outputs import run_output

    output = run_output(output, [plan_dir])
    load = load_plan(plan_dir)
    errors = [f for f in run_rules(rules_in_scope("file", "plan"), load) if f.severity == Severity.ERROR]
    if errors:
        for finding in errors:
            sys.stderr.write(finding_line(finding) + "\n")
        sys.stderr.write(_("zzip: the plan has %(count)s error(s); fix them (see 'zzip validate') before exporting",
                           count=len(errors)) + "\n")
        raise typer.Exit(2 if any(f.code == "F001" for f in errors) else 1)
    emit(json.dumps(export_plan(load.plan), ensure_ascii=False, indent=2) + "\n", output)
