"""`zzip template`: a status file to fill in, for one unit and one quarter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.cli.common import fail_usage


def template(
    period: Annotated[str, typer.Option("--period", help="The quarter, e.g. 2025-Q2.")],
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help="The unit: its id, the name the plan writes, or an alias.")] = None,
    all_units: Annotated[bool, typer.Option("--all", help="Every unit that answers for something in the quarter (with --format xlsx: one workbook each, into the -o folder).")] = False,
    file_format: Annotated[str, typer.Option("--format", "-f", help="yaml (the status file) or xlsx (a workbook for Excel/WPS).")] = "yaml",
    plan_dir: Annotated[Path, typer.Option("--plan", "-p", help="The plan folder.")] = Path("plan"),
    reports: Annotated[Path, typer.Option("--reports", help="The reports folder: earlier reports pre-fill the template.")] = Path("reports"),
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Where to write it ('-' for standard output). Default: REPORTS/PERIOD/UNIT.yaml.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a pre-filled status file (YAML, or an Excel workbook with --format xlsx) listing exactly
    what a unit answers for in a quarter."""
    from zzip.atomic import write_text_atomic
    from zzip.check_context import CheckContext
    from zzip.clock import today_in
    from zzip.config import Config
    from zzip.months import Quarter
    from zzip.plan_loader import display_path, load_plan
    from zzip.status_loader import load_submissions
    from zzip.template import render_template

    try:
        quarter = Quarter.parse(period.strip())
    except ValueError as exc:
        fail_usage(f"--period: {exc}")
    load = load_plan(plan_dir)
    plan = load.plan
    if load.parse_failures or load.schema_problems or plan.meta is None:
        fail_usage(f"the plan in '{plan_dir}' has errors; run 'zzip validate {plan_dir}' first")
    if file_format not in ("yaml", "xlsx"):
        fail_usage(f"--format takes yaml or xlsx, not '{file_format}'")
    if all_units == (unit is not None):
        fail_usage("give either --unit UNIT or --all")
    if all_units or file_format == "xlsx":
        from zzip.cli.template_xlsx import write_templates

        write_templates(plan, unit, quarter, reports, output, force, file_format, all_units)
        return
    found = plan.resolve_unit(unit)
    if found is None:
        fail_usage(f"no unit '{unit}' in the plan; 'zzip plan export' lists the units")
    if found.is_group:
        members = ", ".join(found.members) or "none listed"
        fail_usage(f"'{found.name}' is a group, not a unit that reports; its members: {members}")
    meta = plan.meta
    first, last = Quarter.of(meta.period_start.first_day), Quarter.of(meta.period_end.last_day)
    if not first <= quarter <= last:
        fail_usage(f"{quarter} is outside the plan period ({first} to {last})")

    today = today_in(meta.timezone)
    context = None
    if reports.is_dir():
        context = CheckContext(plan=plan, load=load_submissions(reports), config=Config(), as_of=today,
                               display_root=display_path(reports))
    text = render_template(plan, found.id, quarter, today, context)

    if output == "-":
        sys.stdout.write(text)
        return
    target = Path(output) if output else reports / str(quarter) / f"{found.id}.yaml"
    if target.exists() and not force:
        fail_usage(f"{target} already exists; use --force to overwrite it")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text)
    sys.stderr.write(f"wrote {target}: {text.count('  - id: ')} entries for {found.name} ({found.id}), {quarter}\n")
