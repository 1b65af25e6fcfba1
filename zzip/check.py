"""`zzip check`: the plan, then the status files, then compliance, in one report."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from zzip.check_context import CheckContext
from zzip.clock import today_in
from zzip.config import Config
from zzip.engine import run_rules
from zzip.findings import Finding, Severity
from zzip.months import Quarter
from zzip.plan_loader import display_path, load_plan
from zzip.report import Report, UnitStanding
from zzip.rules import rules_in_scope
from zzip.status_loader import SubmissionLoad, load_submissions

_QUARTER_DIR = re.compile(r"^\d{4}-Q[1-4]$")
FATAL = frozenset({"F001"})


def prepare(plan_dir: Path, reports: Path, as_of: dt.date | None, config: Config, selection=None):
    """Load the plan and, if it is sound, the reports: (plan load, plan findings, context or None)."""
    plan_load = load_plan(plan_dir)
    plan_findings = run_rules(rules_in_scope("file", "plan"), plan_load, selection or config.selection())
    plan = plan_load.plan
    if any(f.severity == Severity.ERROR for f in plan_findings) or plan.meta is None:
        return plan_load, plan_findings, None
    as_of = as_of or today_in(plan.meta.timezone)
    focus, load = _load_reports(reports) if reports.exists() else (None, SubmissionLoad())
    context = CheckContext(plan=plan, load=load, config=config, as_of=as_of,
                           display_root=display_path(reports), focus=focus)
    return plan_load, plan_findings, context


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
    summary = {
        "plan": plan.meta.id, "plan_version": plan.meta.version, "as_of": as_of.isoformat(),
        "quarters": [str(q) for q in context.quarters_in_scope if q.first_day <= as_of],
        "quarters_due": [str(q) for q in context.due_quarters],
        "submissions": len([s for s in load.submissions if context.in_scope(s)]),
        "partial": False,
    }
    report = Report("check", findings, [*plan_load.files, *load.files], FATAL, summary, standings(context, findings))
    return report, context


def _load_reports(reports: Path) -> tuple[list[Quarter] | None, SubmissionLoad]:
    """A quarter folder is checked on its own, but its sibling quarters are read as history,
    so that a milestone reported done last quarter is not called overdue this one."""
    if reports.is_dir() and _QUARTER_DIR.match(reports.name):
        focus_load = load_submissions(reports)
        history = SubmissionLoad()
        for sibling in sorted(p for p in reports.parent.iterdir() if p.is_dir() and _QUARTER_DIR.match(p.name)):
            if sibling.resolve() != reports.resolve():
                history.submissions.extend(load_submissions(sibling).submissions)
        focus_load.submissions = history.submissions + focus_load.submissions
        return [Quarter.parse(reports.name)], focus_load
    return None, load_submissions(reports)


def standings(context: CheckContext, findings: list[Finding]) -> list[UnitStanding]:
    """One row per unit that answers for something, worst first.

    Order: overdue milestones, then worst days overdue, then missing reports, then indicators
    behind, then late reports (all descending), then the unit's name.
    """
    plan, duties = context.plan, context.responsibilities
    rows = []
    for unit_id, unit in plan.units.items():
        if unit.is_group or unit_id not in duties.duties:
            continue
        if not any(d.named_directly for d in duties.duties[unit_id].values()) and \
                not any(f.unit == unit_id for f in findings):
            continue  # group members nobody named, who sent nothing: not listed
        mine = [f for f in findings if f.unit == unit_id]
        overdue = [f for f in mine if f.code in ("C301", "C312")]
        rows.append(UnitStanding(
            unit_id=unit_id, unit_name=unit.name, answers_for=duties.answers_for(unit_id),
            overdue=len(overdue), worst_days_overdue=max((f.extra.get("days_overdue", 0) for f in overdue), default=0),
            missing_reports=sum(1 for f in mine if f.code == "C304"),
            late_reports=sum(1 for f in mine if f.code == "C305"),
            indicators_behind=sum(1 for f in mine if f.code in ("C306", "C307")),
            findings=len(mine),
        ))
    rows.sort(key=lambda r: (-r.overdue, -r.worst_days_overdue, -r.missing_reports, -r.indicators_behind,
                             -r.late_reports, r.unit_name))
    return rows
