"""What a 督导通报 says, computed from the report and context `zzip check` computes.

Nothing here formats for a medium: the numbers, the dates and the plan's and reports' words
(made `printable`: control and bidi characters shown as escapes), in the order a reader needs
them. zzip/bulletin/html.py turns it into HTML through Jinja2 templates (which escape it);
zzip/bulletin/remind.py writes reminders from the same records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zzip.check_context import CheckContext
from zzip.findings import printable
from zzip.months import PERIOD_KINDS, Quarter
from zzip.overdue import SEVERELY_OVERDUE, DueItem, due_items
from zzip.progress import Assessment, required_at
from zzip.refs import canonical, section_of
from zzip.report import Report

QUARTER, YEAR = "quarter", "year"


@dataclass(frozen=True)
class Period:
    """A bulletin's period: one reporting period of the plan's cadence (2025-Q2, 2025-H1, or a
    yearly plan's 2025), kind QUARTER; or one calendar year (2024), kind YEAR."""

    kind: str
    year: int
    quarter: int | None = None  # the number of the reporting period in its year
    span: object = None  # the reporting period itself (Quarter, HalfYear or Year), kind QUARTER

    def __post_init__(self) -> None:
        if self.kind == QUARTER and self.span is None:
            object.__setattr__(self, "span", Quarter(self.year, self.quarter))

    @classmethod
    def of_quarter(cls, quarter) -> "Period":
        return cls(QUARTER, quarter.year, quarter.number, quarter)

    @property
    def quarters(self) -> list:
        """The reporting periods the bulletin covers. A year's: those of every cadence within it;
        the callers keep the plan's own (context.plan_quarters)."""
        if self.kind == QUARTER:
            return [self.span]
        return [kind(self.year, n) for kind in PERIOD_KINDS for n in range(1, 12 // kind.MONTHS + 1)]

    @property
    def first_day(self) -> dt.date:
        return self.span.first_day if self.kind == QUARTER else dt.date(self.year, 1, 1)

    @property
    def last_day(self) -> dt.date:
        return self.span.last_day if self.kind == QUARTER else dt.date(self.year, 12, 31)

    @property
    def months(self) -> int:
        return self.span.MONTHS if self.kind == QUARTER else 12

    def previous(self) -> "Period":
        if self.kind == YEAR:
            return Period(YEAR, self.year - 1)
        return Period.of_quarter(type(self.span).of(self.span.first_day - dt.timedelta(days=1)))

    def __str__(self) -> str:
        return str(self.span) if self.kind == QUARTER else str(self.year)


def shift_back(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the last day of that month when it is shorter."""
    import calendar

    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass
class Headline:
    steps_dated: int = 0  # steps and yearly items with a deadline
    steps_due: int = 0  # of them, due by the as-of date
    steps_done: int = 0
    steps_done_on_time: int = 0
    overdue: int = 0  # steps, yearly items and tasks overdue (graded overdue, not severely)
    severely_overdue: int = 0
    reports_expected: int = 0  # reports due in the period (due date passed)
    reports_on_time: int = 0
    reports_late: int = 0
    reports_missing: int = 0
    reports_pending: int = 0  # not yet due as of the as-of date
    indicators: int = 0
    indicators_by_status: dict[str, int] = field(default_factory=dict)


@dataclass
class IndicatorRow:
    id: str
    ref: str
    name: str
    headline: bool  # one of the 一(三) headline indicators; else a task target
    owner: str
    unit: str  # the indicator's unit of measure (件, %), may be empty
    target: str  # ≥7亿元 2025-12
    deadline: dt.date
    status: str  # progress status (ACHIEVED...)
    latest: float | None
    latest_date: dt.date | None
    required_now: float | None
    baseline: float | None
    points: list[tuple[dt.date, float]]
    trajectory: list[tuple[dt.date, float]]
    goal: float | None


@dataclass
class UnitRow:
    unit_id: str
    name: str
    duties: int
    overdue: int
    worst_days: int
    missing: int
    late: int
    indicators_behind: int
    missing_in_period: int
    late_in_period: int
    score: str | None = None  # the assessment score, when the scheme gives one
    band: str | None = None
    rank: int | None = None


@dataclass
class SupervisionRow:
    """One line of the 督办清单: an overdue step, yearly item or task, for one lead unit."""

    item_id: str
    kind: str
    ref: str
    title: str
    lead: str
    lead_id: str
    cooperating: list[str]
    deadline: dt.date
    days: int
    severe: bool
    status: str | None
    percent: float | None
    last_period: str | None
    words: str | None  # the unit's own latest words: the note or the blocker of its latest entry


@dataclass
class SectionRow:
    ref: str  # 二(一)
    title: str
    items: int = 0
    done: int = 0
    in_progress: int = 0
    blocked: int = 0
    not_started: int = 0
    not_reported: int = 0
    overdue: int = 0
    percent: float | None = None


@dataclass
class Change:
    item_id: str
    ref: str
    title: str
    unit: str | None = None
    before: str | None = None
    after: str | None = None


@dataclass
class Changes:
    previous: Period | None
    previous_as_of: dt.date | None
    newly_overdue: list[Change] = field(default_factory=list)
    newly_severe: list[Change] = field(default_factory=list)
    newly_done: list[Change] = field(default_factory=list)
    grades_moved: list[Change] = field(default_factory=list)


@dataclass
class Bulletin:
    period: Period
    as_of: dt.date
    plan_title: str
    plan_id: str
    plan_version: str
    document_number: str  # empty when the plan has none
    headline: Headline
    indicators: list[IndicatorRow]
    behind: list[UnitRow]
    on_track_units: int
    supervision: list[SupervisionRow]
    sections: list[SectionRow]
    changes: Changes
    assessment_year: int | None
    assessment_title: str | None
    assessment_final: bool  # the year had ended as of the as-of date
    severe_days: int
    due_soon: int


def build(report: Report, context: CheckContext, period: Period, previous: CheckContext | None,
          assessment=None) -> Bulletin:
    """The bulletin of `period` as of the context's date. `previous`: the same data as of the
    previous bulletin's date (None for the first); `assessment`: a zzip.assess.YearAssessment."""
    plan, meta = context.plan, context.plan.meta
    overdue, soon = due_items(context)
    headline = _headline(context, period, overdue)
    in_period = {str(q) for q in period.quarters}
    missing_p: dict[str, int] = {}
    late_p: dict[str, int] = {}
    for finding in report.findings:
        if finding.unit and finding.extra.get("period") in in_period:
            if finding.code == "C304":
                missing_p[finding.unit] = missing_p.get(finding.unit, 0) + 1
            elif finding.code == "C305":
                late_p[finding.unit] = late_p.get(finding.unit, 0) + 1
    scores = {s.unit_id: s for s in assessment.scores} if assessment is not None else {}
    behind = []
    for row in report.standings:
        if not (row.behind or missing_p.get(row.unit_id) or late_p.get(row.unit_id)):
            continue
        score = scores.get(row.unit_id)
        from zzip.assess import fmt_points

        behind.append(UnitRow(
            unit_id=printable(row.unit_id), name=row.unit_name, duties=row.answers_for, overdue=row.overdue,
            worst_days=row.worst_days_overdue, missing=row.missing_reports, late=row.late_reports,
            indicators_behind=row.indicators_behind, missing_in_period=missing_p.get(row.unit_id, 0),
            late_in_period=late_p.get(row.unit_id, 0),
            score=fmt_points(score.score) if score else None, band=printable(score.band) if score else None,
            rank=score.rank if score else None))
    scheme = plan.assessment
    return Bulletin(
        period=period, as_of=context.as_of, plan_title=printable(meta.title), plan_id=printable(meta.id),
        plan_version=printable(meta.version), document_number=printable(meta.document_number or ""),
        headline=headline, indicators=_indicators(context), behind=behind,
        on_track_units=len(report.standings) - len(behind),
        supervision=[_supervision(context, item) for item in overdue],
        sections=_sections(context, overdue), changes=_changes(context, previous, period, overdue),
        assessment_year=assessment.year if assessment is not None else None,
        assessment_title=printable(scheme.title) if assessment is not None and scheme is not None else None,
        assessment_final=assessment is not None and context.as_of > dt.date(assessment.year, 12, 31),
        severe_days=context.config.severe_days, due_soon=len(soon),
    )


def _dated_items(context: CheckContext):
    plan = context.plan
    for milestone in plan.milestones.values():
        if milestone.deadline is not None:
            yield milestone, milestone.deadline, plan.expand(plan.milestone_leads(milestone))
    for item in plan.annual_items.values():
        yield item, item.deadline, plan.expand(item.lead)


def _done(context: CheckContext, item_id: str, leads) -> tuple[bool, dt.date | None]:
    """(every lead unit's latest report says done, the last completion date)."""
    last = None
    leads = [u for u in leads if u in context.plan.units]
    if not leads:
        return False, None
    for unit in leads:
        latest = context.latest_entry(unit, item_id)
        if latest is None or not latest[1].done:
            return False, None
        completed = latest[1].completed
        last = completed if last is None or (completed and completed > last) else last
    return True, last


def _headline(context: CheckContext, period: Period, overdue: list[DueItem]) -> Headline:
    head = Headline()
    for item, deadline, leads in _dated_items(context):
        head.steps_dated += 1
        if deadline <= context.as_of:
            head.steps_due += 1
        done, completed = _done(context, item.id, leads)
        if done:
            head.steps_done += 1
            if completed is not None and completed <= deadline:
                head.steps_done_on_time += 1
    worst: dict[str, bool] = {}
    for item in overdue:
        worst[item.item_id] = worst.get(item.item_id, False) or item.grade == SEVERELY_OVERDUE
    head.severely_overdue = sum(1 for severe in worst.values() if severe)
    head.overdue = len(worst) - head.severely_overdue
    duties = context.responsibilities
    for quarter in period.quarters:
        if quarter not in context.plan_quarters:
            continue
        expected = set(duties.expected_reporters(quarter, context.config.expect_reports_from))
        due_passed = context.late_after(quarter) < context.as_of
        sent = {unit for unit, q in context.by_unit_quarter if q == quarter}
        for unit in sorted(expected | sent):
            sub = context.by_unit_quarter.get((unit, quarter))
            if sub is not None:
                if sub.submitted > context.late_after(quarter):
                    head.reports_late += 1
                else:
                    head.reports_on_time += 1
            elif due_passed:
                head.reports_missing += 1
            else:
                head.reports_pending += 1
        if due_passed:
            head.reports_expected += len(expected | sent)
    for result in context.assessments.values():
        head.indicators += 1
        head.indicators_by_status[result.status] = head.indicators_by_status.get(result.status, 0) + 1
    return head


def _trajectory(result: Assessment) -> list[tuple[dt.date, float]]:
    """The required path from the baseline to the target's deadline, sampled (monthly for compound
    growth, at the baseline, interim targets and deadline for a straight line)."""
    baseline, target = result.baseline, result.target
    if baseline is None or target is None:
        return []
    deadline = target.deadline.last_day
    if deadline <= baseline.date:
        return []
    days = {baseline.date, deadline}
    days.update(i.deadline.last_day for i in result.indicator.interim if baseline.date < i.deadline.last_day < deadline)
    if result.method == "cagr":
        step = max((deadline - baseline.date).days // 24, 1)
        days.update(baseline.date + dt.timedelta(days=step * n) for n in range(1, 24))
    out = [(baseline.date, baseline.value)]
    for day in sorted(d for d in days if d > baseline.date and d <= deadline):
        value = required_at(result, day)
        if value is not None:
            out.append((day, value))
    return out


def _indicators(context: CheckContext) -> list[IndicatorRow]:
    plan = context.plan
    rows = []
    for key, result in context.assessments.items():
        indicator = plan.indicators[key]
        target = result.target or indicator.target
        required = required_at(result, context.as_of) if result.status != "achieved" else None
        rows.append(IndicatorRow(
            id=printable(indicator.id), ref=printable(indicator.ref), name=printable(indicator.name),
            headline=indicator.ref == "一(三)", owner=printable(plan.unit_name(indicator.owner)),
            unit=printable(indicator.unit or ""), target=printable(target.short(indicator.unit)),
            deadline=target.deadline.last_day, status=result.status,
            latest=result.latest.value if result.latest else None,
            latest_date=result.latest.date if result.latest else None,
            required_now=required, baseline=result.baseline.value if result.baseline else None,
            points=[(p.date, p.value) for p in result.points], trajectory=_trajectory(result),
            goal=target.goal))
    rows.sort(key=lambda r: not r.headline)  # stable: plan order within each group
    return rows


def _supervision(context: CheckContext, item: DueItem) -> SupervisionRow:
    plan = context.plan
    latest = context.latest_entry(item.unit, item.item_id)
    words = None
    if latest is not None:
        entry = latest[1]
        words = " ".join(w for w in (entry.note, entry.blocker) if w) or None
    return SupervisionRow(
        item_id=printable(item.item_id), kind=item.kind, ref=printable(item.ref), title=printable(item.title),
        lead=printable(plan.unit_name(item.unit)), lead_id=printable(item.unit),
        cooperating=[printable(plan.unit_name(u)) for u in item.cooperating], deadline=item.deadline,
        days=item.days, severe=item.grade == SEVERELY_OVERDUE, status=item.status, percent=item.percent,
        last_period=item.last_period, words=printable(words) if words else None)


def _section_titles(context: CheckContext) -> dict[str, str]:
    titles: dict[str, str] = {}
    for name in ("tasks", "milestones"):
        doc = context.plan.documents.get(name)
        data = getattr(doc, "data", None)
        sections = data.get("sections") if isinstance(data, dict) else None
        for section in sections if isinstance(sections, list) else ():
            if isinstance(section, dict) and isinstance(section.get("ref"), str):
                titles[canonical(section["ref"])] = str(section.get("title", ""))
    return titles


def _section_of(ref: str) -> str:
    return section_of(ref)


def _sections(context: CheckContext, overdue: list[DueItem]) -> list[SectionRow]:
    """Per section of 二 (key tasks), 三 (major projects) and 四 (steps): how the items stand, by
    their lead units' latest reports (an item is done when every lead unit says so)."""
    plan = context.plan
    titles = _section_titles(context)
    late = {d.item_id for d in overdue}
    rows: dict[str, SectionRow] = {}
    sums: dict[str, list[float]] = {}
    items = [(t, plan.expand(t.lead)) for t in plan.tasks.values()] + \
            [(m, plan.expand(plan.milestone_leads(m))) for m in plan.milestones.values()]
    for item, leads in items:
        ref = _section_of(item.ref)
        if ref[:1] not in "二三四":
            continue
        row = rows.setdefault(ref, SectionRow(printable(ref), printable(titles.get(ref, ""))))
        row.items += 1
        statuses, percents = [], []
        for unit in leads:
            latest = context.latest_entry(unit, item.id) if unit in plan.units else None
            entry = latest[1] if latest else None
            statuses.append(entry.status if entry else None)
            if entry is not None:
                percents.append(100.0 if entry.done else (entry.percent or 0.0))
        if statuses and all(s == "done" for s in statuses):
            row.done += 1
        elif "blocked" in statuses:
            row.blocked += 1
        elif "in-progress" in statuses or "done" in statuses:
            row.in_progress += 1
        elif "not-started" in statuses:
            row.not_started += 1
        else:
            row.not_reported += 1
        if item.id in late:
            row.overdue += 1
        if percents:
            sums.setdefault(ref, []).append(sum(percents) / len(percents))
    out = []
    for ref, row in rows.items():
        row.percent = sum(sums[ref]) / len(sums[ref]) if ref in sums else None
        out.append(row)
    order = "一二三四五六七八九十"
    return sorted(out, key=lambda r: (order.find(r.ref[0]), _section_number(r.ref)))


def _section_number(ref: str) -> int:
    order = "一二三四五六七八九十"
    inner = ref[ref.find("(") + 1:ref.find(")")] if "(" in ref else ""
    if inner == "十":
        return 10
    if inner.startswith("十"):
        return 10 + order.find(inner[1]) + 1
    return order.find(inner) + 1 if inner else 0


def _changes(context: CheckContext, previous: CheckContext | None, period: Period,
             overdue: list[DueItem]) -> Changes:
    if previous is None:
        return Changes(None, None)
    plan = context.plan
    changes = Changes(period.previous(), previous.as_of)
    before, _soon = due_items(previous)
    was = {(d.item_id, d.unit): d for d in before}
    for item in overdue:
        old = was.get((item.item_id, item.unit))
        change = Change(printable(item.item_id), printable(item.ref), printable(item.title),
                        printable(plan.unit_name(item.unit)))
        if old is None:
            changes.newly_overdue.append(change)
        elif item.grade == SEVERELY_OVERDUE and old.grade != SEVERELY_OVERDUE:
            changes.newly_severe.append(change)
    dated = [(i, leads) for i, _d, leads in _dated_items(context)] + [(t, plan.expand(t.lead)) for t in plan.tasks.values()]
    for item, leads in dated:
        if _done(context, item.id, leads)[0] and not _done(previous, item.id, leads)[0]:
            title = item.title if hasattr(item, "title") else item.text
            changes.newly_done.append(Change(printable(item.id), printable(item.ref), printable(title)))
    for key, result in context.assessments.items():
        old = previous.assessments.get(key)
        if old is not None and old.status != result.status:
            indicator = plan.indicators[key]
            changes.grades_moved.append(Change(printable(key), printable(indicator.ref), printable(indicator.name),
                                               before=old.status, after=result.status))
    return changes
