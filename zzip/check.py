"""`zzip check`: the plan, then the status files, then compliance, in one report."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from zzip.check_context import CheckContext
from zzip.clock import today_in
from zzip.config import Config, ConfigError
from zzip.engine import restamp, run_rules
from zzip.findings import Finding, Location, Severity, printable
from zzip.months import Quarter
from zzip.plan_loader import display_path, links_out_of_working_folder, load_plan
from zzip.yamlfile import ParseFailure
from zzip.report import Report, UnitStanding
from zzip.rules import fatal_codes, rules_in_scope
from zzip.status_loader import SubmissionLoad, folder_quarter, load_submissions

FATAL = fatal_codes()


def prepare(plan_dir: Path, reports: Path, as_of: dt.date | None, config: Config, selection=None):
    """Load the plan and, if it is sound, the reports: (plan load, plan findings, context or None).

    Whether the plan is sound does not depend on the selection: every plan rule runs at its default
    severity, and an error stops the check even when --select, --ignore, [severity] or per-file
    ignores would hide it (it is then reported anyway, as an error: it is why nothing else was checked).
    """
    plan_load = load_plan(plan_dir)
    _shown, plan_findings, blocking = _judge_plan(plan_load, config, selection or config.selection())
    plan = plan_load.plan
    if blocking or plan.meta is None:
        return plan_load, plan_findings, None
    problems = config.plan_problems(plan)
    if problems:
        raise ConfigError(problems)
    as_of = as_of or today_in(plan.meta.timezone)
    reports = _named(reports)
    if links_out_of_working_folder(reports):  # a reports folder (or quarter) linked out: read nothing there
        focus, load = None, SubmissionLoad()
        load.parse_failures.append(ParseFailure(Location(display_path(reports)), (
            "is a symbolic link to a place outside the working folder; zzip does not follow it "
            "(check the folder where it really is)")))
    else:
        focus, load = _load_reports(reports) if reports.exists() else (None, SubmissionLoad())
    root = reports.parent if _is_single_file(reports) else reports
    context = CheckContext(plan=plan, load=load, config=config, as_of=as_of,
                           display_root=display_path(root), focus=focus)
    return plan_load, plan_findings, context


def _judge_plan(plan_load, config: Config, selection) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """(the plan's findings as the selection shows them; the same with every error of the plan at
    its default severity added where the selection hides it; those errors)."""
    every = run_rules(rules_in_scope("file", "plan"), plan_load)
    shown = [f for f in restamp(every, selection) if not config.ignored_in_file(f.code, f.location.path)]
    blocking = [f for f in every if f.severity == Severity.ERROR]
    if not blocking:
        return shown, shown, []
    stopping = {(f.code, f.location, f.message) for f in blocking}
    return shown, [f for f in shown if (f.code, f.location, f.message) not in stopping] + blocking, blocking


def judged_plan_findings(plan_load, config: Config, selection) -> list[Finding]:
    """What `zzip validate` reports: the findings the selection shows; and when none of them is an
    error, every error of the plan that the selection hides (--select, --ignore, [severity],
    [per-file-ignores]), as an error: `zzip check` refuses the plan for it, so validate must not pass."""
    shown, judged, _blocking = _judge_plan(plan_load, config, selection)
    return shown if any(f.severity == Severity.ERROR for f in shown) else judged


def run_check(plan_dir: Path, reports: Path, as_of: dt.date | None, config: Config,
              select: list[str] | None = None, ignore: list[str] | None = None) -> tuple[Report, CheckContext | None]:
    selection = config.selection(select, ignore)
    plan_load, plan_findings, context = prepare(plan_dir, reports, as_of, config, selection)
    if context is None:
        summary = {"plan_errors": True, "partial": True,
                   "note": "the plan has errors, so the status files were not checked; run 'zzip validate'"}
        return Report("check", plan_findings, plan_load.files, FATAL, summary), None
    plan, load, as_of = context.plan, context.load, context.as_of
    findings = plan_findings + run_rules(rules_in_scope("file", "submission", "compliance"), context, selection)
    findings = [f for f in findings if not config.ignored_in_file(f.code, f.location.path)]
    focus_unit = None
    if _is_single_file(reports):  # one unit checking its own file: that file, and what concerns its unit
        focus_unit, findings = _about_one_file(reports, load, findings, {f for f in plan_findings})
    summary = {
        "plan": plan.meta.id, "plan_version": plan.meta.version, "as_of": as_of.isoformat(),
        "quarters": [str(q) for q in context.quarters_in_scope if q.first_day <= as_of],
        "quarters_due": [str(q) for q in context.due_quarters],
        "submissions": len([s for s in load.submissions if context.in_scope(s)]),
        "partial": False,
    }
    rows = standings(context, findings)
    files = [*plan_load.files, *load.files]
    if focus_unit is not None:
        rows = [row for row in rows if row.unit_id == focus_unit]
        shown = display_path(reports)
        files = [*plan_load.files, *(f for f in load.files if f == shown)]
        summary["submissions"] = sum(1 for s in load.submissions if s.path == shown and context.in_scope(s))
    report = Report("check", findings, files, FATAL, summary, rows)
    return report, context


def _is_single_file(reports: Path) -> bool:
    return reports.exists() and not reports.is_dir()


def _named(reports: Path) -> Path:
    """`zzip check .` in a quarter folder, or `zzip check court.yaml` there: the path has no
    folder name to read the quarter from, so it is made absolute (and shown relative again)."""
    parts = Path(os.path.normpath(reports)).parts
    if not parts or parts[-1] in (".", "..") or (len(parts) == 1 and _is_single_file(reports)):
        return Path(os.path.abspath(reports))
    return reports


def reading_roots(reports: Path) -> list[Path]:
    """What a check of `reports` reads: a quarter folder, or a single status file in one, comes
    with the sibling quarter folders (read as history); anything else is read on its own."""
    folder = reports.parent if _is_single_file(reports) else reports
    if folder.is_dir() and folder_quarter(folder.name) is not None:
        try:
            siblings = sorted(p for p in folder.parent.iterdir() if p.is_dir() and folder_quarter(p.name) is not None)
        except OSError:
            siblings = []
        parent = folder.parent.resolve()
        # a sibling that is a symbolic link out of the reports folder is not read, even as history
        return [folder, *(p for p in siblings if p.resolve() != folder.resolve()
                          and (not p.is_symlink() or p.resolve().is_relative_to(parent)))]
    return [reports]


def _about_one_file(path: Path, load: SubmissionLoad, findings: list[Finding], plan_findings: set) -> tuple[str, list[Finding]]:
    """The findings a unit checking its own status file needs: those on the file, those about
    its unit (in the file's quarter), and the plan's; not the other units' missing reports."""
    shown = display_path(path)
    unit = next((s.unit for s in load.submissions if s.path == shown), path.stem)
    return unit, [f for f in findings if f in plan_findings or f.location.path == shown or f.unit == unit]


def _load_reports(reports: Path) -> tuple[list[Quarter] | None, SubmissionLoad]:
    """A quarter folder is checked on its own, but its sibling quarters are read as history,
    so that a milestone reported done last quarter is not called overdue this one. A single
    status file is checked in its quarter, with the files around it as history."""
    if _is_single_file(reports):
        if folder_quarter(reports.parent.name) is not None:
            return _load_reports(reports.parent)
        load = load_submissions(reports)
        return [s.period for s in load.submissions[:1]], load  # its own quarter; none if it cannot be read
    if reports.is_dir() and folder_quarter(reports.name) is not None:
        focus_load = load_submissions(reports)
        history = SubmissionLoad()
        for sibling in reading_roots(reports)[1:]:
            earlier = load_submissions(sibling)
            history.submissions.extend(earlier.submissions)
            # a history file that cannot be read is said (F001): without it, work reported done
            # in that quarter would be called overdue in this one
            history.parse_failures.extend(earlier.parse_failures)
        focus_load.submissions = history.submissions + focus_load.submissions
        focus_load.parse_failures = history.parse_failures + focus_load.parse_failures
        return [folder_quarter(reports.name)], focus_load
    return None, load_submissions(reports)


def standings(context: CheckContext, findings: list[Finding]) -> list[UnitStanding]:
    """One row per unit that answers for something, worst first.

    Order: overdue items (steps, yearly items, tasks), then worst days overdue, then missing reports, then indicators
    behind, then indicators at risk, then late reports (all descending), then the unit's name.
    """
    plan, duties = context.plan, context.responsibilities
    about: dict[str, list[Finding]] = {}  # unit -> its findings, in one pass (not one pass per unit)
    for finding in findings:
        if finding.unit is not None:
            about.setdefault(finding.unit, []).append(finding)
    rows = []
    for unit_id, unit in plan.units.items():
        if unit.is_group or unit_id not in duties.duties:
            continue
        mine = about.get(unit_id, [])
        if not any(d.named_directly for d in duties.duties[unit_id].values()) and not mine:
            continue  # group members nobody named, who sent nothing: not listed
        overdue = [f for f in mine if f.code in ("C301", "C312", "C313")]  # steps, yearly items, tasks
        rows.append(UnitStanding(
            unit_id=unit_id, unit_name=printable(unit.name), answers_for=duties.answers_for(unit_id),
            overdue=len(overdue), worst_days_overdue=max((f.extra.get("days_overdue", 0) for f in overdue), default=0),
            missing_reports=sum(1 for f in mine if f.code == "C304"),
            late_reports=sum(1 for f in mine if f.code == "C305"),
            indicators_behind=sum(1 for f in mine if f.code == "C306"),
            indicators_at_risk=sum(1 for f in mine if f.code == "C307"),
            findings=len(mine),
        ))
    rows.sort(key=lambda r: (-r.overdue, -r.worst_days_overdue, -r.missing_reports, -r.indicators_behind,
                             -r.indicators_at_risk, -r.late_reports, r.unit_name))
    return rows
