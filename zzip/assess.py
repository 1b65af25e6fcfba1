"""The yearly assessment (推进考核, 五(三)): each responsible unit's score for a year, with every
point it lost and the finding behind it.

A score depends only on the plan (with its assessment scheme, plan/assessment.yaml), the status
reports and the as-of date: zzip.toml does not change it (the scheme has its own grace and
severe days), and neither does the order in which files or items are read.

What a year's account holds (docs/assessment.md):

* **missing report**: a quarter of the year whose report was due (due date plus the scheme's
  grace days) by the as-of date, from a unit expected to report for it, with no report that counts;
* **late report**: a report on a quarter of the year sent more than the grace days after its due
  date: per day after the due date, or per report;
* **overdue / severely overdue item**: a step (四) or yearly item (plan/annual/) due in the year
  and not done on time: done after its deadline (days late to the completion date) or not done as
  of the as-of date (days to the as-of date); and an item due in an earlier year that is still
  not done at the end of this one. More than `severe_days` days is severely overdue. A lead unit
  bears the whole deduction, each co-operating body the scheme's share of it;
* **indicator behind**: an indicator the unit owns graded behind or deteriorating as of the as-of
  date (its other years' yearly targets aside), once per indicator;
* **done without evidence**: an item first reported done in a report on a quarter of the year,
  with no evidence in any of the unit's entries for it.

Each kind is capped; the score is base minus the capped deductions, not below the floor, rounded
as the scheme says. Units with no duty in the year are not assessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from zzip import labels
from zzip.assessment_scheme import KINDS, Scheme
from zzip.check_context import CheckContext
from zzip.findings import Location
from zzip.i18n import _, message_date, ngettext, pgettext
from zzip.months import Quarter
from zzip.progress import BEHIND, DETERIORATING

LEAD, COOPERATING = "lead", "cooperating"


@dataclass(frozen=True)
class Line:
    """One entry of a unit's account: points gained (+) or lost (-), and why."""

    kind: str  # "base", one of KINDS, "cap", "floor" or "rounding"
    points: Decimal
    reason: str
    location: Location | None = None
    item: str | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "points": float(self.points), "reason": self.reason, "item": self.item,
                "path": self.location.path if self.location else None,
                "line": self.location.line if self.location else None}


@dataclass
class UnitScore:
    unit_id: str
    name: str
    lines: list[Line] = field(default_factory=list)
    lost: dict[str, Decimal] = field(default_factory=dict)  # kind -> points lost after its cap
    score: Decimal = Decimal(0)
    band: str = ""
    rank: int = 0

    def to_dict(self) -> dict:
        return {"rank": self.rank, "unit": self.unit_id, "name": self.name, "score": float(self.score),
                "band": self.band, "lost": {k: float(v) for k, v in self.lost.items()},
                "lines": [line.to_dict() for line in self.lines]}


@dataclass
class YearAssessment:
    year: int
    as_of: dt.date
    scheme: Scheme
    scores: list[UnitScore]  # ranked


def assessed_units(context: CheckContext, year: int) -> list[str]:
    """Bodies with a duty in the year: expected to report for one of its quarters (named as lead
    or co-operating unit of something active then), or owning an indicator."""
    plan, duties = context.plan, context.responsibilities
    units: set[str] = set()
    for quarter in _quarters(context, year):
        units.update(duties.expected_reporters(quarter, "named"))
    for indicator in plan.indicators.values():
        unit = plan.units.get(indicator.owner)
        if unit is not None and not unit.is_group:
            units.add(unit.id)
    return sorted(units)


def _quarters(context: CheckContext, year: int) -> list[Quarter]:
    return [q for q in context.plan_quarters if q.year == year]


def assess_year(context: CheckContext, scheme: Scheme, year: int) -> YearAssessment:
    units = assessed_units(context, year)
    raw: dict[str, list[Line]] = {unit: [] for unit in units}
    _reports(context, scheme, year, raw)
    _items(context, scheme, year, raw)
    _indicators(context, scheme, year, raw)
    _evidence(context, scheme, year, raw)
    scores = [_total(context, scheme, unit, lines) for unit, lines in raw.items()]
    _rank(scores)
    return YearAssessment(year, context.as_of, scheme, scores)


def _add(raw, unit: str, line: Line) -> None:
    if unit in raw:
        raw[unit].append(line)


def fmt_points(value: Decimal, sign: bool = False) -> str:
    """2.0 -> "2", 0.50 -> "0.5"; with sign, "+100" and "-2"."""
    text = format(value.normalize(), "f") if value else "0"
    return f"+{text}" if sign and value > 0 else text


def _days(n: int) -> str:
    """A number of days, as a noun phrase inside a sentence ("3 days", "3天")."""
    return ngettext("%(num)s day", "%(num)s days", n)


def _kind_words(kind: str) -> str:
    """What a kind of deduction is called in a unit's account."""
    return {"missing_report": pgettext("deduction", "missing report"),
            "late_report": pgettext("deduction", "late report"),
            "overdue_step": pgettext("deduction", "overdue item"),
            "severely_overdue_step": pgettext("deduction", "severely overdue item"),
            "indicator_behind": pgettext("deduction", "indicator behind"),
            "done_without_evidence": pgettext("deduction", "done without evidence")}.get(kind, kind)


def _reports(context: CheckContext, scheme: Scheme, year: int, raw) -> None:
    plan, duties = context.plan, context.responsibilities
    grace = dt.timedelta(days=scheme.grace_days)
    missing = scheme.deductions["missing_report"]
    late = scheme.deductions["late_report"]
    for quarter in _quarters(context, year):
        due = context.due_date(quarter)
        expected = set(duties.expected_reporters(quarter, "named"))
        for unit in sorted(raw):
            sub = context.by_unit_quarter.get((unit, quarter))
            if sub is None:
                if unit in expected and due + grace < context.as_of:
                    _add(raw, unit, Line("missing_report", -missing.points,
                                         _("No report for %(quarter)s, due %(due)s, had been received by %(as_of)s.",
                                           quarter=quarter, due=message_date(due), as_of=message_date(context.as_of)),
                                         Location(context.expected_file(unit, quarter))))
                continue
            days = (sub.submitted - due).days
            if days <= 0:
                continue
            where = sub.origin.at("submitted")
            if days <= scheme.grace_days:
                _add(raw, unit, Line("late_report", Decimal(0),
                                     _("The report for %(quarter)s was sent %(sent)s, %(days)s after its due date "
                                       "%(due)s, within the %(grace)s of grace: no points.", quarter=quarter,
                                       sent=message_date(sub.submitted), days=_days(days), due=message_date(due),
                                       grace=_days(scheme.grace_days)), where))
                continue
            points = late.points * days if late.per == "day" else late.points
            values = {"quarter": quarter, "sent": message_date(sub.submitted), "days": _days(days),
                      "due": message_date(due), "points": late.points}
            if late.per == "day":
                reason = _("The report for %(quarter)s was sent %(sent)s, %(days)s after its due date %(due)s "
                           "(%(points)s a day).", **values)
            else:
                reason = _("The report for %(quarter)s was sent %(sent)s, %(days)s after its due date %(due)s "
                           "(%(points)s a report).", **values)
            _add(raw, unit, Line("late_report", -points, reason, where))
    del plan


def _steps(plan):
    for milestone in plan.milestones.values():
        if milestone.deadline is not None:
            yield (milestone, milestone.deadline, plan.expand(plan.milestone_leads(milestone)), plan.milestone_cooperators(milestone),
                   "step")
    for item in plan.annual_items.values():
        yield item, item.deadline, plan.expand(item.lead), item.cooperating, "yearly item"


def _items(context: CheckContext, scheme: Scheme, year: int, raw) -> None:
    plan = context.plan
    year_start, year_end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    horizon = min(context.as_of, year_end)
    for item, deadline, leads, cooperating, what in _steps(plan):
        if deadline > horizon:
            continue  # not due in this year (or not yet)
        worst: tuple[int, str] | None = None  # (days late, how) over the lead units
        for lead in leads:
            if lead not in plan.units:
                continue
            latest = context.latest_entry(lead, item.id)
            entry = latest[1] if latest else None
            completed = entry.completed if entry is not None and entry.done else None
            if deadline < year_start:  # from an earlier year: counts only if still not done at this year's end
                if completed is not None and completed <= year_end:
                    continue
            if completed is not None and completed <= deadline:
                continue  # on time (done on the deadline day is on time)
            # TRANSLATORS: the %(how)s below completes "The step MS-1-2 (四(四)9), which this unit leads, ..."
            if completed is not None:
                days = (completed - deadline).days
                how = ngettext("was completed %(completed)s, %(num)s day after its deadline %(deadline)s",
                               "was completed %(completed)s, %(num)s days after its deadline %(deadline)s", days,
                               completed=message_date(completed), deadline=message_date(deadline))
                where = entry.origin.at("completed")
            else:
                days = (context.as_of - deadline).days
                values = {"deadline": message_date(deadline), "as_of": message_date(context.as_of)}
                if entry is not None:
                    how = ngettext("was due %(deadline)s and is not done as of %(as_of)s, %(num)s day later (its "
                                   "latest report says %(status)s)",
                                   "was due %(deadline)s and is not done as of %(as_of)s, %(num)s days later (its "
                                   "latest report says %(status)s)", days, status=labels.item_status(entry.status),
                                   **values)
                else:
                    how = ngettext("was due %(deadline)s and is not done as of %(as_of)s, %(num)s day later (no "
                                   "report has mentioned it)",
                                   "was due %(deadline)s and is not done as of %(as_of)s, %(num)s days later (no "
                                   "report has mentioned it)", days, **values)
                where = entry.origin.at("status") if entry is not None else item.origin.at(
                    "due" if what == "yearly item" else "end")
            if deadline < year_start:
                how = _("%(how)s; it was due in %(due_year)s and was still not done at the end of %(year)s", how=how,
                        due_year=deadline.year, year=year)
            kind = "severely_overdue_step" if days > scheme.severe_days else "overdue_step"
            points = scheme.deductions[kind].points
            grade = labels.overdue_grade("severely overdue" if kind == "severely_overdue_step" else "overdue")
            values = {"item": item.id, "ref": item.ref, "how": how, "grade": grade}
            if what == "yearly item":
                reason = _("The yearly item %(item)s (%(ref)s), which this unit leads, %(how)s: %(grade)s.", **values)
            elif context.responsibilities.role(lead, item.id) == "responsible":  # 责任单位 of undivided tasks
                reason = _("The step %(item)s (%(ref)s), which this unit is responsible for, %(how)s: %(grade)s.",
                           **values)
            else:
                reason = _("The step %(item)s (%(ref)s), which this unit leads, %(how)s: %(grade)s.", **values)
            _add(raw, lead, Line(kind, -points, reason, where, item.id))
            if worst is None or days > worst[0]:
                worst = (days, how)
        if worst is None:
            continue
        kind = "severely_overdue_step" if worst[0] > scheme.severe_days else "overdue_step"
        points = scheme.deductions[kind].points * scheme.cooperating_share
        grade = labels.overdue_grade("severely overdue" if kind == "severely_overdue_step" else "overdue")
        values = {"item": item.id, "ref": item.ref, "how": worst[1], "grade": grade,
                  "share": scheme.cooperating_share}
        if what == "yearly item":
            reason = _("The yearly item %(item)s (%(ref)s), on which this unit co-operates, %(how)s: %(grade)s; a "
                       "co-operating unit bears %(share)s of the deduction.", **values)
        else:
            reason = _("The step %(item)s (%(ref)s), on which this unit co-operates, %(how)s: %(grade)s; a "
                       "co-operating unit bears %(share)s of the deduction.", **values)
        for unit in cooperating:
            body = plan.units.get(unit)
            if body is None or body.is_group or unit in leads:
                continue
            _add(raw, unit, Line(kind, -points, reason, item.origin.location, item.id))


def _indicators(context: CheckContext, scheme: Scheme, year: int, raw) -> None:
    points = scheme.deductions["indicator_behind"].points
    seen: set[str] = set()
    for result in context.graded():
        if result.status not in (BEHIND, DETERIORATING) or result.indicator.id in seen:
            continue
        if result.role == "yearly" and result.key != str(year):
            continue  # another year's figure of a target set every year
        indicator = result.indicator
        seen.add(indicator.id)
        values = {"name": indicator.name, "id": indicator.id, "status": labels.indicator_status(result.status),
                  "as_of": message_date(context.as_of), "reason": result.reason}
        if result.label:
            reason = _("%(name)s (%(id)s) %(label)s, which this unit owns, is %(status)s as of %(as_of)s: %(reason)s.",
                       label=result.label, **values)
        else:
            reason = _("%(name)s (%(id)s), which this unit owns, is %(status)s as of %(as_of)s: %(reason)s.", **values)
        _add(raw, indicator.owner, Line("indicator_behind", -points, reason,
                                        context.value_location(indicator.id, result), indicator.id))


def _evidence(context: CheckContext, scheme: Scheme, year: int, raw) -> None:
    points = scheme.deductions["done_without_evidence"].points
    for (unit, item_id), history in sorted(context.histories(), key=lambda pair: pair[0]):
        if unit not in raw or any(entry.evidence for _sub, entry in history):
            continue
        first = next(((sub, entry) for sub, entry in history if entry.done), None)
        if first is None or first[0].period.year != year:
            continue
        sub, entry = first
        _add(raw, unit, Line("done_without_evidence", -points,
                             _("%(item)s was reported done in the report for %(period)s without evidence (a "
                               "document, a link or a file).", item=item_id, period=sub.period),
                             entry.origin.at("status"), item_id))


def _total(context: CheckContext, scheme: Scheme, unit: str, found: list[Line]) -> UnitScore:
    score = UnitScore(unit, context.plan.unit_name(unit))
    score.lines.append(Line("base", scheme.base, _("Base score of the %(title)s.", title=scheme.title)))
    total = scheme.base
    for kind in KINDS:
        mine = sorted((line for line in found if line.kind == kind),
                      key=lambda line: (line.location or Location(""), line.item or "", line.reason))
        if not mine:
            continue
        score.lines.extend(mine)
        lost = -sum((line.points for line in mine), Decimal(0))
        cap = scheme.deductions[kind].cap
        if cap is not None and lost > cap:
            score.lines.append(Line("cap", lost - cap, _("The deductions for %(kind)s add up to %(lost)s, more than "
                                                         "the cap of %(cap)s: %(back)s given back.",
                                                         kind=_kind_words(kind), lost=lost, cap=cap, back=lost - cap)))
            lost = cap
        if lost:
            score.lost[kind] = lost
        total -= lost
    if total < scheme.floor:
        score.lines.append(Line("floor", scheme.floor - total, _("The score %(total)s is below the floor %(floor)s: "
                                                                 "raised to %(floor)s.", total=total,
                                                                 floor=scheme.floor)))
        total = scheme.floor
    rounded = scheme.round(total)
    if rounded != total:
        score.lines.append(Line("rounding", rounded - total,
                                ngettext("%(total)s rounded (%(mode)s) to %(num)s decimal place: %(rounded)s.",
                                         "%(total)s rounded (%(mode)s) to %(num)s decimal places: %(rounded)s.",
                                         scheme.places, total=total, mode=scheme.mode, rounded=rounded)))
    score.score = rounded
    score.band = scheme.band(rounded)
    return score


def _rank(scores: list[UnitScore]) -> None:
    """Highest score first; equal scores share a rank (1, 2, 2, 4), listed by unit name, then id."""
    scores.sort(key=lambda s: (-s.score, s.name, s.unit_id))
    for index, score in enumerate(scores):
        previous = scores[index - 1] if index else None
        score.rank = previous.rank if previous is not None and previous.score == score.score else index + 1
