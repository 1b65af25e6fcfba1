"""`zzip overdue`: the list staff print between quarters."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.cli.check_cmd import AsOfOption, ConfigOption, PlanOption
from zzip.cli.common import OutputFile
from zzip.cli.view_support import FormatOption, ReportsArgument, ViewFormat, load_context, resolve_unit_or_exit, show


def overdue(
    reports: ReportsArgument = Path("reports"),
    plan_dir: PlanOption = Path("plan"),
    as_of: AsOfOption = None,
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="Only this lead unit (id, name or alias).")] = None,
    within: Annotated[Optional[int], typer.Option("--within", min=0, max=3650, help="Also list what falls due within this many days (default 30).")] = None,
    output_format: FormatOption = ViewFormat.text,
    output: OutputFile = None,
    config_file: ConfigOption = None,
) -> None:
    """Overdue milestones and tasks by lead unit, worst first, with days overdue; then what falls due soon."""
    from zzip.views import overdue as view

    from zzip.cli.outputs import run_output

    output = run_output(output, [plan_dir], reports, config_file, reads_config=True)
    context = load_context(plan_dir, reports, as_of, config_file)
    unit_id = resolve_unit_or_exit(context.plan, unit).id if unit else None
    days = within if within is not None else context.config.due_soon_days
    tables, document = view.build(context, unit_id, days)
    count = len(document["overdue"])
    heading = (f"Overdue as of {context.as_of.isoformat()}" + (f" for {context.plan.unit_name(unit_id)}" if unit_id else "")
               + f" (severely overdue: more than {context.config.severe_days} days)")
    footer = f"{count} overdue item{'s' if count != 1 else ''}, {len(document['due_soon'])} falling due within {days} days."
    show(tables, document, output_format, output, heading, footer)
