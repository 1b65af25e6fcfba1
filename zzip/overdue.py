"""What is overdue, and what falls due soon, as of a date.

Milestones are due on the last day of their end month; yearly items (plan/annual/) on their
deadline (a month's last day, or the day given); tasks on the last day of the plan period (they
carry the plan's targets). Either is overdue from the day after, for each lead
unit whose latest report does not say done. Lateness is graded: up to `severe_days` days
"overdue", beyond that "severely overdue".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zzip import labels
from zzip.check_context import CheckContext
from zzip.findings import Location
from zzip.i18n import message_date, ngettext

OVERDUE, SEVERELY_OVERDUE, DUE_SOON = "overdue", "severely overdue", "due soon"


@dataclass(frozen=True)
class DueItem:
    item_id: str
    kind: str  # "milestone", "annual" or "task"
    ref: str
    title: str
    unit: str  # the lead unit this row is about
    cooperating: tuple[str, ...]
    deadline: dt.date
    days: int  # days overdue (positive) or days left (for due soon)
    grade: str
    status: str | None  # the lead's latest reported status, None if never reported
    percent: float | None
    last_period: str | None
    location: Location

    def to_dict(self) -> dict:
        data = {k: v for k, v in self.__dict__.items() if k != "location"}
        data["deadline"] = self.deadline.isoformat()
        data["cooperating"] = list(self.cooperating)
        data["path"], data["line"] = self.location.path, self.location.line
        return data


def days_after(day: dt.date, days: int) -> dt.date:
    """`day` plus `days`, stopping at the last representable date (--within 9999999 means "everything")."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


_DEADLINE_KEY = {"milestone": "end", "annual": "due", "task": "id"}


def _items(context: CheckContext, include_tasks: bool):
    plan = context.plan
    for milestone in plan.milestones.values():
        if milestone.deadline is not None:
            yield ("milestone", milestone, milestone.deadline, plan.milestone_leads(milestone),
                   plan.milestone_cooperators(milestone), milestone.text)
    for item in plan.annual_items.values():
        yield "annual", item, item.deadline, item.lead, item.cooperating, item.text
    if include_tasks and plan.meta:
        end = plan.meta.period_end.last_day
        for task in plan.tasks.values():
            yield "task", task, end, task.lead, task.cooperating, task.title


def due_items(context: CheckContext, *, within_days: int = 0, include_tasks: bool = True) -> tuple[list[DueItem], list[DueItem]]:
    """(overdue, due soon): overdue worst first; due soon nearest first."""
    as_of, severe = context.as_of, context.config.severe_days
    horizon = days_after(as_of, within_days)
    overdue, soon = [], []
    for kind, item, deadline, leads, cooperating, title in _items(context, include_tasks):
        if deadline > horizon:
            continue
        for unit in leads:
            if unit not in context.plan.units:
                continue
            latest = context.latest_entry(unit, item.id)
            if latest and latest[1].done:
                continue
            sub, entry = latest if latest else (None, None)
            where = entry.origin.at("status") if entry else item.origin.at(_DEADLINE_KEY[kind])
            if as_of > deadline:
                days = (as_of - deadline).days
                grade = SEVERELY_OVERDUE if days > severe else OVERDUE
                target = overdue
            else:
                days, grade, target = (deadline - as_of).days, DUE_SOON, soon
            target.append(DueItem(
                item_id=item.id, kind=kind, ref=item.ref, title=title, unit=unit, cooperating=tuple(cooperating),
                deadline=deadline, days=days, grade=grade, status=entry.status if entry else None,
                percent=entry.percent if entry else None, last_period=str(sub.period) if sub else None,
                location=where,
            ))
    overdue.sort(key=lambda d: (-d.days, d.unit, d.item_id))
    soon.sort(key=lambda d: (d.days, d.unit, d.item_id))
    return overdue, soon


def overdue_message(item: DueItem, unit_name: str) -> str:
    """The message for a step or yearly item past its deadline (C301, C312): one whole sentence
    for each thing the latest report can say."""
    values = {"item": item.item_id, "ref": item.ref, "grade": labels.overdue_grade(item.grade),
              "due": message_date(item.deadline), "unit": unit_name}
    if item.status is None:
        return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s leads it and no "
                        "report has mentioned it",
                        "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s leads it and no "
                        "report has mentioned it", item.days, **values)
    values.update(period=item.last_period, status=labels.item_status(item.status))
    if item.percent is None:
        return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s leads it and its "
                        "latest report (%(period)s) says %(status)s",
                        "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s leads it and its "
                        "latest report (%(period)s) says %(status)s", item.days, **values)
    return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s leads it and its "
                    "latest report (%(period)s) says %(status)s, %(percent)s%%",
                    "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s leads it and its "
                    "latest report (%(period)s) says %(status)s, %(percent)s%%", item.days,
                    percent=f"{item.percent:g}", **values)
