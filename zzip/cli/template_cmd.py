"""`zzip template`: a status file to fill in, for one unit and one quarter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.cli.common import fail_usage


def template(
    unit: Annotated[str, typer.Option("--unit", "-u", help="The unit: its id, the name the plan writes, or an alias.")],
    period: Annotated[str, typer.Option("--period", help="The quarter, e.g. 2025-Q2.")],
    plan_dir: Annotated[Path, typer.Option("--plan", "-p", help="The plan folder.")] = Path("plan"),
    reports: Annotated[Path, typer.Option("--reports", help="The reports folder: earlier reports pre-fill the template.")] = Path("reports"),
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Where to write it ('-' for standard output). Default: REPORTS/PERIOD/UNIT.yaml.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
) -> None:
    """Write a pre-filled status file listing exactly what a unit answers for in a quarter."""
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
    from zzip.engine import run_rules
    from zzip.findings import Severity
    from zzip.output.text import finding_line
    from zzip.rules import rules_in_scope

    load = load_plan(plan_dir)
    plan = load.plan
    # the same test as `zzip check` and the views: any plan error (a wrong reference, an
    # impossible date...) stops here, named, rather than shaping a template from a broken plan
    errors = [f for f in run_rules(rules_in_scope("file", "plan"), load) if f.severity == Severity.ERROR]
    if errors or plan.meta is None:
        sys.stderr.write("".join(finding_line(f) + "\n" for f in errors))
        fail_usage(f"the plan in '{plan_dir}' has errors; run 'zzip validate {plan_dir}' first")
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
