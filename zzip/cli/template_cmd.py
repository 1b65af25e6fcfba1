"""`zzip template`: a status file to fill in, for one unit and one quarter."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from zzip.i18n import _
from zzip.labels import period_words
from zzip.cli.common import write_file_or_fail, LangOption, described, fail_usage
from zzip.findings import printable


@described(_("Write a pre-filled status file (YAML, or an Excel workbook with --format xlsx) listing exactly "
            "what a unit answers for in a quarter."))
def template(
    period: Annotated[str, typer.Option("--period", help=_("The reporting period, of the plan's cadence: a quarter (2025-Q2), a half-year (2025-H1) or a year (2025)."))],
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
    from zzip.months import parse_any_period
    from zzip.plan_loader import display_path, load_plan
    from zzip.status_loader import load_submissions
    from zzip.template import render_template

    if reports is None:
        reports = Path("reports")  # the usual place, which a new office may not have yet
    elif not reports.is_dir():
        fail_usage(_("--reports: reports folder '%(reports)s' does not exist (leave --reports out to use ./reports)", reports=reports))
    try:
        quarter = parse_any_period(period.strip())  # the plan's cadence is checked once it is read
    except ValueError as exc:
        fail_usage(_("--period: %(exc)s", exc=exc))
    if all_units and output is not None and output != "-":
        # --all writes one file a unit into the -o folder: never into the plan folder
        if Path(output).resolve().is_relative_to(plan_dir.resolve()):
            fail_usage(_("-o %(output)s: that is (inside) the plan folder %(plan_dir)s; write the templates elsewhere", output=output, plan_dir=plan_dir))
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
        fail_usage(_("the plan in '%(plan_dir)s' has errors; run 'zzip validate %(plan_dir)s' first", plan_dir=plan_dir))
    if file_format not in ("yaml", "xlsx"):
        fail_usage(_("--format takes yaml or xlsx, not '%(file_format)s'", file_format=file_format))
    if all_units == (unit is not None):
        fail_usage(_("give either --unit UNIT or --all"))
    try:
        quarter = plan.meta.cadence.parse(str(quarter))
    except ValueError as exc:
        fail_usage(_("--period: %(exc)s", exc=exc))
    if all_units or file_format == "xlsx":
        from zzip.cli.template_xlsx import write_templates

        write_templates(plan, unit, quarter, reports, output, force, file_format, all_units)
        return
    found = reporting_unit(plan, unit)
    meta = plan.meta
    first, last = meta.cadence.of(meta.period_start.first_day), meta.cadence.of(meta.period_end.last_day)
    if not first <= quarter <= last:
        fail_usage(_("%(quarter)s is outside the plan period (%(first)s to %(last)s)", quarter=period_words(quarter),
                     first=period_words(first), last=period_words(last)))

    if output is not None and output != "-":
        target = Path(output)
    else:
        target = reports / str(quarter) / f"{found.id}.yaml"
    if output != "-":
        if target.is_dir():
            fail_usage(_("%(target)s is a folder; name the file to write (or '-' for standard output)", target=target))
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
    text = render_template(plan, found.id, quarter, today, context, None if output == "-" else target.parent)

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
            fail_usage(_("%(target)s already exists; use --force to overwrite it", target=target))
        fail_usage(_("%(blocking)s already holds the report of %(id)s for %(quarter)s, and %(target)s beside it "
                     "would supersede it (or be superseded); use --force to write it anyway", blocking=blocking[0], id=found.id, quarter=quarter, target=target))
    if target.exists():
        # another unit's report, or this unit's report for another quarter, is never overwritten
        held = [*(s for s in (context.submissions if context else ()) if _same_file(target, Path(s.path))),
                *load_submissions(target).submissions]
        other = next((s for s in held if s.unit != found.id or s.period != quarter), None)
        if other is not None:
            whose = _("another unit") if other.unit != found.id else _("another quarter")
            fail_usage(_("%(target)s is the status file of %(whose)s (%(unit)s for %(period)s); zzip does not "
                         "overwrite it, even with --force", target=target, whose=whose, unit=other.unit, period=other.period))
    write_file_or_fail(target, lambda: write_text_atomic(target, text))
    sys.stderr.write(printable(_("wrote %(path)s: %(count)s entries for %(unit)s (%(id)s), %(quarter)s", path=target,
                                 count=text.count("  - id: "), unit=found.name, id=found.id, quarter=period_words(quarter))) + "\n")


def reporting_unit(plan, unit: str):
    """The unit named by id, name or alias, if it is one that reports (a body, or a group with no
    members listed, which stands for itself); else exit 2. A group's members report in its place."""
    found = plan.resolve_unit(unit)
    if found is None:
        fail_usage(_("no unit '%(unit)s' in the plan; 'zzip plan export' lists the units", unit=unit))
    if found.is_group and found.members:
        members = ", ".join(found.members)
        fail_usage(_("'%(name)s' is a group, not a unit that reports; its members: %(members)s", name=found.name, members=members))
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
