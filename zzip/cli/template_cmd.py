"""`zzip template`: a status file to fill in, for one unit and one quarter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.i18n import _
from zzip.cli.common import LangOption, described, fail_usage
from zzip.findings import printable


@described(_("Write a pre-filled status file (YAML, or an Excel workbook with --format xlsx) listing exactly "
            "what a unit answers for in a quarter."))
def template(
    period: Annotated[str, typer.Option("--period", help=_("The quarter, e.g. 2025-Q2."))],
    unit: Annotated[Optional[str], typer.Option("--unit", "-u", help=_("The unit: its id, the name the plan writes, or an alias."))] = None,
    all_units: Annotated[bool, typer.Option("--all", help=_("Every unit that answers for something in the quarter (with --format xlsx: one workbook each, into the -o folder)."))] = False,
    file_format: Annotated[str, typer.Option("--format", "-f", help=_("yaml (the status file) or xlsx (a workbook for Excel/WPS)."))] = "yaml",
    plan_dir: Annotated[Path, typer.Option("--plan", "-p", help=_("The plan folder."))] = Path("plan"),
    reports: Annotated[Optional[Path], typer.Option("--reports", help=_("The reports folder: earlier reports pre-fill the template (default: reports, which may not exist yet)."))] = None,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help=_("Where to write it ('-' for standard output). Default: REPORTS/PERIOD/UNIT.yaml."))] = None,
    force: Annotated[bool, typer.Option("--force", help=_("Overwrite an existing file."))] = False,
    lang: LangOption = None,
) -> None:
    from zzip.atomic import write_text_atomic
    from zzip.check_context import CheckContext
    from zzip.clock import today_in
    from zzip.config import Config
    from zzip.months import Quarter
    from zzip.plan_loader import display_path, load_plan
    from zzip.status_loader import load_submissions
    from zzip.template import render_template

    if reports is None:
        reports = Path("reports")  # the usual place, which a new office may not have yet
    elif not reports.is_dir():
        fail_usage(f"--reports: reports folder '{reports}' does not exist (leave --reports out to use ./reports)")
    try:
        quarter = Quarter.parse(period.strip())
    except ValueError as exc:
        fail_usage(f"--period: {exc}")
    if all_units and output is not None and output != "-":
        # --all writes one file a unit into the -o folder: never into the plan folder
        if Path(output).resolve().is_relative_to(plan_dir.resolve()):
            fail_usage(f"-o {output}: that is (inside) the plan folder {plan_dir}; write the templates elsewhere")
    elif output is not None and output != "-":
        from zzip.cli.outputs import output_target, plan_inputs

        output_target(output, plan_inputs(plan_dir), trees=[plan_dir])  # never into the plan, never a folder
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
    if file_format not in ("yaml", "xlsx"):
        fail_usage(f"--format takes yaml or xlsx, not '{file_format}'")
    if all_units == (unit is not None):
        fail_usage("give either --unit UNIT or --all")
    if all_units or file_format == "xlsx":
        from zzip.cli.template_xlsx import write_templates

        write_templates(plan, unit, quarter, reports, output, force, file_format, all_units)
        return
    found = reporting_unit(plan, unit)
    meta = plan.meta
    first, last = Quarter.of(meta.period_start.first_day), Quarter.of(meta.period_end.last_day)
    if not first <= quarter <= last:
        fail_usage(f"{quarter} is outside the plan period ({first} to {last})")

    if output is not None and output != "-":
        target = Path(output)
    else:
        target = reports / str(quarter) / f"{found.id}.yaml"
    if output != "-":
        if target.is_dir():
            fail_usage(f"{target} is a folder; name the file to write (or '-' for standard output)")
        from zzip.cli.outputs import output_target, plan_inputs

        # before anything is read: the default file too, which may be a link into the plan
        output_target(target, plan_inputs(plan_dir), trees=[plan_dir])
    today = today_in(meta.timezone)
    context = None
    if reports.is_dir():
        context = CheckContext(plan=plan, load=load_submissions(reports), config=Config(), as_of=today,
                               display_root=display_path(reports))
        from zzip.cli.view_support import report_input_problems

        # the unit's earlier reports pre-fill the template: one that cannot be read is said, not skipped
        report_input_problems(context, only=lambda path: Path(path).stem.lower() == found.id)
    text = render_template(plan, found.id, quarter, today, context)

    if output == "-":
        from zzip.cli.common import emit

        emit(text, None)
        return
    blocking = _existing_reports(reports, quarter, found.id, context) \
        if _same_file(target.parent, reports / str(quarter)) else []
    if target.exists() and not any(_same_file(target, p) for p in blocking):
        blocking.insert(0, target)
    if blocking and not force:
        if _same_file(blocking[0], target):
            fail_usage(f"{target} already exists; use --force to overwrite it")
        fail_usage(f"{blocking[0]} already holds the report of {found.id} for {quarter}, and {target} beside it would "
                   "supersede it (or be superseded); use --force to write it anyway")
    if target.exists():
        # another unit's report, or this unit's report for another quarter, is never overwritten
        held = [*(s for s in (context.submissions if context else ()) if _same_file(target, Path(s.path))),
                *load_submissions(target).submissions]
        other = next((s for s in held if s.unit != found.id or s.period != quarter), None)
        if other is not None:
            whose = "another unit" if other.unit != found.id else "another quarter"
            fail_usage(f"{target} is the status file of {whose} ({other.unit} for {other.period}); zzip does not "
                       "overwrite it, even with --force")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(target, text)
    except OSError as exc:
        fail_usage(f"cannot write {target}: {exc.strerror or exc}")
    sys.stderr.write(printable(f"wrote {target}: {text.count('  - id: ')} entries for {found.name} ({found.id}), {quarter}") + "\n")


def reporting_unit(plan, unit: str):
    """The unit named by id, name or alias, if it is one that reports (not a group); else exit 2."""
    found = plan.resolve_unit(unit)
    if found is None:
        fail_usage(f"no unit '{unit}' in the plan; 'zzip plan export' lists the units")
    if found.is_group:
        members = ", ".join(found.members) or "none listed"
        fail_usage(f"'{found.name}' is a group, not a unit that reports; its members: {members}")
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except OSError:
        return False


def _reports_of(context, unit_id: str, quarter) -> list[Path]:
    return [Path(s.path) for s in (context.submissions if context else ()) if s.unit == unit_id and s.period == quarter]


def _existing_reports(reports: Path, quarter, unit_id: str, context) -> list[Path]:
    """The files that already hold this unit's report for this quarter: its file under any of
    the status suffixes, and any status file that says it is this unit's for this quarter. A new
    file beside one of them would supersede it (or be superseded by it)."""
    from zzip.status_loader import STATUS_SUFFIXES

    folder = reports / str(quarter)
    found: list[Path] = []
    try:
        found = sorted(p for p in folder.iterdir() if p.name.lower() in {f"{unit_id}{s}" for s in STATUS_SUFFIXES})
    except OSError:
        pass
    for path in _reports_of(context, unit_id, quarter):
        if not any(_same_file(path, p) for p in found):
            found.append(path)
    return found
