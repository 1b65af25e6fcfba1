"""Who answers for what, and when it is active.

* A unit **leads** a task it is named lead of, and a milestone whose tasks it leads.
* A unit is **responsible** for a task whose plan names its 责任单位 with no lead/co-operating
  split (`responsible:` in tasks.yaml), and for a milestone all of whose tasks are such: it
  answers for the item as a lead unit does (reports on it, is chased, is named when it is late).
* A unit **co-operates** on a task it is named co-operating unit of, directly or as a
  known member of a co-operating group (各区县(市)人民政府 -> 金水区人民政府 ...).
* A group with known members (各镇人民政府, 各区县(市)人民政府) does not answer itself: each
  member takes the group's duty in its place, with the group's role; it gets a template and
  reports, and is chased when the group leads or is responsible. A group with no members
  listed stands for itself.
* A **task** is active from its first milestone's start month (or, with no milestone, from
  the month the plan was issued) to the end of the plan period: tasks carry the plan's
  targets, which fall due at its end.
* A **milestone** is active from its start month to its end month, or to the end of the
  plan period when it is ongoing (持续推进).
* A **yearly item** (plan/annual/YYYY.yaml) is led and co-operated on by the units it names,
  like a step, and is active from its start month (January of its year by default) to the month
  of its deadline.
"""

from __future__ import annotations

from functools import cached_property

from msgspec import Struct

from zzip.months import Month, Quarter
from zzip.plan import Milestone, Plan, Task

LEAD, COOPERATING, RESPONSIBLE = "lead", "cooperating", "responsible"
ANSWERING = (LEAD, RESPONSIBLE)  # the roles that answer for an item: reported on, chased, named when late


def answers(role: str | None) -> bool:
    """A lead or responsible unit: one that answers for the item, not one that helps."""
    return role in ANSWERING


class Duty(Struct, frozen=True, gc=False):
    """One thing a unit answers for."""

    item_id: str
    kind: str  # "task", "milestone" or "annual"
    role: str  # LEAD, RESPONSIBLE or COOPERATING
    named_directly: bool  # named in the plan, not only as member of a group


class Responsibilities:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.period_end = plan.meta.period_end if plan.meta else Month(9999, 12)
        self.issued = Month.parse(plan.meta.issued[:7]) if plan.meta else Month(1, 1)
        self._reporters: dict[str, set[str]] = {}
        self._active: dict[object, frozenset[str]] = {}  # period -> the items active in it

    @cached_property
    def duties(self) -> dict[str, dict[str, Duty]]:
        """unit id -> item id -> duty (a lead duty wins over a co-operating one)."""
        table: dict[str, dict[str, Duty]] = {}

        def add(unit: str, duty: Duty) -> None:
            current = table.setdefault(unit, {}).get(duty.item_id)
            if current is None or (current.role == COOPERATING and answers(duty.role)) or \
                    (current.role == duty.role and duty.named_directly and not current.named_directly):
                table[unit][duty.item_id] = duty

        def assign(units, item_id: str, kind: str, role: str) -> None:
            for unit in units:
                members = self._members(unit)
                if not members:
                    add(unit, Duty(item_id, kind, role, True))
                for member in members:  # the members answer in the group's place
                    add(member, Duty(item_id, kind, role, False))

        for task in self.plan.tasks.values():
            assign(task.lead, task.id, "task", RESPONSIBLE if task.undivided else LEAD)
            assign(task.cooperating, task.id, "task", COOPERATING)
        for milestone in self.plan.milestones.values():
            assign(self.plan.milestone_leads(milestone), milestone.id, "milestone", self._milestone_role(milestone))
            assign(self.plan.milestone_cooperators(milestone), milestone.id, "milestone", COOPERATING)
        for item in self.plan.annual_items.values():
            assign(item.lead, item.id, "annual", LEAD)
            assign(item.cooperating, item.id, "annual", COOPERATING)
        return table

    def _milestone_role(self, milestone: Milestone) -> str:
        """responsible when every task the step carries out is undivided and the step names no lead."""
        tasks = [self.plan.tasks[t] for t in milestone.tasks if t in self.plan.tasks]
        if not milestone.lead_override and tasks and all(t.undivided for t in tasks):
            return RESPONSIBLE
        return LEAD

    def _members(self, unit_id: str) -> tuple[str, ...]:
        unit = self.plan.units.get(unit_id)
        return unit.members if unit and unit.is_group else ()

    def role(self, unit_id: str, item_id: str) -> str | None:
        duty = self.duties.get(unit_id, {}).get(item_id)
        return duty.role if duty else None

    def indicator_reporters(self, indicator_id: str) -> set[str]:
        """The owner, and the units of the tasks the indicator belongs to."""
        if indicator_id not in self._reporters:
            self._reporters[indicator_id] = self._find_reporters(indicator_id)
        return self._reporters[indicator_id]

    def _find_reporters(self, indicator_id: str) -> set[str]:
        indicator = self.plan.indicators.get(indicator_id)
        if indicator is None:
            return set()
        units = {indicator.owner}
        for task_id in indicator.tasks:
            task = self.plan.tasks.get(task_id)
            if task:
                units.update(task.lead)
                units.update(self.plan.expand(task.lead))
                units.update(self.plan.expand(task.cooperating))
                units.update(task.cooperating)
        return units

    @cached_property
    def task_starts(self) -> dict[str, Month]:
        starts: dict[str, Month] = {}
        for milestone in self.plan.milestones.values():
            for task_id in milestone.tasks:
                if task_id not in starts or milestone.start < starts[task_id]:
                    starts[task_id] = milestone.start
        return starts

    def task_span(self, task: Task) -> tuple[Month, Month]:
        return self.task_starts.get(task.id, self.issued), self.period_end

    def occurrence_span(self, task: Task) -> tuple[Month, Month]:
        """The months whose occurrences of a recurring task are owed (Task.occurrences): from its
        start, never before the month the plan was issued. A step may start before the issue (a
        plan issued in December 2022 with a step from September), but an occurrence due before
        the plan existed could be neither known nor done on time (a completion dated before the
        issue is not counted, S213)."""
        first, last = self.task_span(task)
        return max(first, self.issued), last

    def milestone_span(self, milestone: Milestone) -> tuple[Month, Month]:
        return milestone.start, milestone.end or self.period_end

    @cached_property
    def _spans(self) -> dict[str, tuple[Month, Month | None]]:
        """item id -> the months it is active (a task before a step, a step before a yearly item,
        should two share an id)."""
        spans: dict[str, tuple[Month, Month | None]] = {}
        for item_id, item in self.plan.annual_items.items():
            spans[item_id] = (item.start, item.end)
        for item_id, milestone in self.plan.milestones.items():
            spans[item_id] = self.milestone_span(milestone)
        for item_id, task in self.plan.tasks.items():
            spans[item_id] = self.task_span(task)
        return spans

    def active_items(self, quarter: Quarter) -> frozenset[str]:
        """The items active in a period, worked out once per period (every report of the period asks)."""
        found = self._active.get(quarter)
        if found is None:
            found = self._active[quarter] = frozenset(
                item_id for item_id, (start, end) in self._spans.items() if quarter.overlaps(start, end))
        return found

    def active(self, item_id: str, quarter: Quarter) -> bool:
        return item_id in self.active_items(quarter)

    def active_duties(self, unit_id: str, quarter: Quarter) -> list[Duty]:
        active = self.active_items(quarter)
        return [d for d in self.duties.get(unit_id, {}).values() if d.item_id in active]

    def expected_reporters(self, quarter: Quarter, expect_from: str = "named") -> list[str]:
        """Units that must send a report for the quarter.

        named: every body named as lead, responsible or co-operating unit of something active;
        leads: lead and responsible units only. Members of a group that leads or is responsible
        answer in its place and are chased; members of a co-operating group may report but are not.
        A group with no members listed is chased only for what it answers for itself.
        """
        out = []
        active = self.active_items(quarter)
        for unit_id, duties in self.duties.items():
            unit = self.plan.units.get(unit_id)
            if unit is None or (unit.is_group and unit.members):
                continue
            for duty in duties.values():
                if not (duty.named_directly or answers(duty.role)) or (expect_from == "leads" and not answers(duty.role)):
                    continue
                if unit.is_group and not answers(duty.role):
                    continue
                if duty.item_id in active:
                    out.append(unit_id)
                    break
        return sorted(out)

    def answers_for(self, unit_id: str) -> int:
        return len(self.duties.get(unit_id, {}))
