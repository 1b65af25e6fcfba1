"""What is overdue, and what falls due soon, as of a date.

Milestones are due on the last day of their end month; yearly items (plan/annual/) on their
deadline (a month's last day, or the day given); a task on its own deadline, each occurrence of
a recurring task (每年, 每季度) on its due day, and other tasks on the last day of the plan period
(they carry the plan's targets); ongoing tasks never. Either is overdue from the day after, for each lead
(or responsible) unit whose latest report does not say done. Lateness is graded: up to `severe_days` days
"overdue", beyond that "severely overdue".
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from msgspec import Struct, structs

from zzip import labels
from zzip.check_context import CheckContext
from zzip.findings import Location
from zzip.i18n import message_date, ngettext

OVERDUE, SEVERELY_OVERDUE, DUE_SOON = "overdue", "severely overdue", "due soon"


class DueItem(Struct, frozen=True, dict=True):
    """One overdue (or due-soon) item for one unit. The `__dict__` holds `location` once asked.
    `where` is neither compared, hashed nor shown (msgspec has no per-field compare=False: the
    methods below leave it out)."""

    item_id: str
    kind: str  # "milestone", "annual" or "task"
    ref: str
    title: str
    unit: str  # the unit answering for the item this row is about (lead, or responsible)
    cooperating: tuple[str, ...]
    deadline: dt.date
    days: int  # days overdue (positive) or days left (for due soon)
    grade: str
    status: str | None  # the lead's latest reported status, None if never reported
    percent: float | None
    last_period: str | None
    where: tuple  # (entry or plan item, field): the place `location` names; not compared, not shown
    occurrence: str | None = None  # a recurring task's period (2024, 2024-Q2)
    role: str = "lead"  # "lead", or "responsible" for a 责任单位 with no lead/co-operating split

    @cached_property
    def location(self) -> Location:
        """The latest entry's status, else the plan's deadline. Looked up when asked: C301 finds the
        overdue yearly items and tasks too, and only those it reports need a line (a file read the
        fast way is read again for its positions)."""
        record, name = self.where
        return record.origin.at(name)

    def _compared(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__struct_fields__ if name != "where")

    def __eq__(self, other):
        return self._compared() == other._compared() if type(other) is type(self) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__struct_fields__ if name != "where")
        return f"DueItem({shown})"

    @property
    def responsible(self) -> bool:
        return self.role == "responsible"

    def to_dict(self) -> dict:
        data = {k: v for k, v in structs.asdict(self).items() if k != "where" and (k != "occurrence" or v)}
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
            # a group that leads answers through its members (zzip/responsibility.py)
            yield ("milestone", milestone, milestone.deadline, plan.expand(plan.milestone_leads(milestone)),
                   plan.milestone_cooperators(milestone), milestone.text)
    for item in plan.annual_items.values():
        yield "annual", item, item.deadline, plan.expand(item.lead), item.cooperating, item.text
    # tasks with a deadline of their own, and each occurrence of a recurring one (C313), always;
    # the others (due with the plan's targets at the end of its period) on request; ongoing, never
    for task in plan.tasks.values():
        if task.recurs and plan.meta:
            # from the task's start (its first step's start month, else the month the plan was
            # issued), never before the issue: a plan issued in December 2022 with a 2023 step owes
            # no 2022 occurrence, and one with a September 2022 step none due before December
            first, last = context.responsibilities.occurrence_span(task)
            for label, start, end, due in task.occurrences(first, last):
                yield "task", task, due, plan.expand(task.lead), task.cooperating, task.title, (label, start, end)
        elif task.deadline is not None:
            yield "task", task, task.deadline, plan.expand(task.lead), task.cooperating, task.title
        elif include_tasks and plan.meta and not task.ongoing:
            yield "task", task, plan.meta.period_end.last_day, plan.expand(task.lead), task.cooperating, task.title


def _done_within(context: CheckContext, unit: str, item_id: str, first: dt.date, last: dt.date) -> bool:
    """Whether a unit has reported an item done with a completion date inside first..last: one
    occurrence of a recurring task (a year's is not done by last year's completion)."""
    return any(entry.done and entry.completed is not None and first <= entry.completed <= last
               for _sub, entry in context.history(unit, item_id))


def due_items(context: CheckContext, *, within_days: int = 0, include_tasks: bool = True) -> tuple[list[DueItem], list[DueItem]]:
    """(overdue, due soon): overdue worst first; due soon nearest first."""
    as_of, severe = context.as_of, context.config.severe_days
    horizon = days_after(as_of, within_days)
    overdue, soon = [], []
    for kind, item, deadline, leads, cooperating, title, *window in _items(context, include_tasks):
        if deadline > horizon:
            continue
        occurrence = window[0] if window else None
        for unit in leads:
            if unit not in context.plan.units:
                continue
            latest = context.latest_entry(unit, item.id)
            if occurrence is not None:  # done for this occurrence: completed within its period
                if _done_within(context, unit, item.id, occurrence[1], occurrence[2]):
                    continue
            elif latest and latest[1].done:
                continue
            sub, entry = latest if latest else (None, None)
            where = (entry, "status") if entry else (item, _DEADLINE_KEY[kind])  # looked up when asked
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
                where=where, occurrence=occurrence[0] if occurrence else None,
                role=context.responsibilities.role(unit, item.id) or "lead",
            ))
    overdue.sort(key=lambda d: (-d.days, d.unit, d.item_id))
    soon.sort(key=lambda d: (d.days, d.unit, d.item_id))
    return overdue, soon


def overdue_message(item: DueItem, unit_name: str) -> str:
    """The message for a step or yearly item past its deadline (C301, C312): one whole sentence
    for each thing the latest report can say, and for each role (leads it / is responsible for it)."""
    values = {"item": item.item_id, "ref": item.ref, "grade": labels.overdue_grade(item.grade),
              "due": message_date(item.deadline), "unit": unit_name}
    if item.status is None:
        if item.responsible:
            return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s is responsible "
                            "for it and no report has mentioned it",
                            "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s is responsible "
                            "for it and no report has mentioned it", item.days, **values)
        return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s leads it and no "
                        "report has mentioned it",
                        "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s leads it and no "
                        "report has mentioned it", item.days, **values)
    from zzip.months import parse_any_period

    # the period in words in a Chinese sentence (2025年第2季度), its code in English (2025-Q2)
    values.update(period=labels.period_words(parse_any_period(item.last_period)),
                  status=labels.item_status(item.status))
    if item.percent is None:
        if item.responsible:
            return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s is responsible "
                            "for it and its latest report (%(period)s) says %(status)s",
                            "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s is responsible "
                            "for it and its latest report (%(period)s) says %(status)s", item.days, **values)
        return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s leads it and its "
                        "latest report (%(period)s) says %(status)s",
                        "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s leads it and its "
                        "latest report (%(period)s) says %(status)s", item.days, **values)
    values["percent"] = f"{item.percent:g}"
    if item.responsible:
        return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s is responsible for "
                        "it and its latest report (%(period)s) says %(status)s, %(percent)s%%",
                        "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s is responsible for "
                        "it and its latest report (%(period)s) says %(status)s, %(percent)s%%", item.days, **values)
    return ngettext("%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s day ago; %(unit)s leads it and its "
                    "latest report (%(period)s) says %(status)s, %(percent)s%%",
                    "%(item)s (%(ref)s) is %(grade)s: due %(due)s, %(num)s days ago; %(unit)s leads it and its "
                    "latest report (%(period)s) says %(status)s, %(percent)s%%", item.days, **values)
