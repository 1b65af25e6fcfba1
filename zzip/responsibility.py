"""Who answers for what, and when it is active.

* A unit **leads** a task it is named lead of, and a milestone whose tasks it leads.
* A unit **co-operates** on a task it is named co-operating unit of, directly or as a
  known member of a co-operating group (各区县(市)人民政府 -> 金水区人民政府 ...).
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

from dataclasses import dataclass
from functools import cached_property

from zzip.months import Month, Quarter
from zzip.plan import Milestone, Plan, Task

LEAD, COOPERATING = "lead", "cooperating"


@dataclass(frozen=True)
class Duty:
    """One thing a unit answers for."""

    item_id: str
    kind: str  # "task", "milestone" or "annual"
    role: str  # LEAD or COOPERATING
    named_directly: bool  # named in the plan, not only as member of a group


class Responsibilities:
    def __init__(self, plan: Plan):
        self.plan = plan
        self.period_end = plan.meta.period_end if plan.meta else Month(9999, 12)
        self.issued = Month.parse(plan.meta.issued[:7]) if plan.meta else Month(1, 1)
        self._reporters: dict[str, set[str]] = {}

    @cached_property
    def duties(self) -> dict[str, dict[str, Duty]]:
        """unit id -> item id -> duty (a lead duty wins over a co-operating one)."""
        table: dict[str, dict[str, Duty]] = {}

        def add(unit: str, duty: Duty) -> None:
            current = table.setdefault(unit, {}).get(duty.item_id)
            if current is None or (current.role == COOPERATING and duty.role == LEAD) or \
                    (current.role == duty.role and duty.named_directly and not current.named_directly):
                table[unit][duty.item_id] = duty

        for task in self.plan.tasks.values():
            for unit in task.lead:
                add(unit, Duty(task.id, "task", LEAD, True))
            for unit in task.cooperating:
                add(unit, Duty(task.id, "task", COOPERATING, True))
                for member in self._members(unit):
                    add(member, Duty(task.id, "task", COOPERATING, False))
        for milestone in self.plan.milestones.values():
            for unit in self.plan.milestone_leads(milestone):
                add(unit, Duty(milestone.id, "milestone", LEAD, True))
            for unit in self.plan.milestone_cooperators(milestone):
                add(unit, Duty(milestone.id, "milestone", COOPERATING, True))
                for member in self._members(unit):
                    add(member, Duty(milestone.id, "milestone", COOPERATING, False))
        for item in self.plan.annual_items.values():
            for unit in item.lead:
                add(unit, Duty(item.id, "annual", LEAD, True))
            for unit in item.cooperating:
                add(unit, Duty(item.id, "annual", COOPERATING, True))
                for member in self._members(unit):
                    add(member, Duty(item.id, "annual", COOPERATING, False))
        return table

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

    def milestone_span(self, milestone: Milestone) -> tuple[Month, Month]:
        return milestone.start, milestone.end or self.period_end

    def active(self, item_id: str, quarter: Quarter) -> bool:
        if item_id in self.plan.tasks:
            start, end = self.task_span(self.plan.tasks[item_id])
        elif item_id in self.plan.milestones:
            start, end = self.milestone_span(self.plan.milestones[item_id])
        elif item_id in self.plan.annual_items:
            item = self.plan.annual_items[item_id]
            start, end = item.start, item.end
        else:
            return False
        return quarter.overlaps(start, end)

    def active_duties(self, unit_id: str, quarter: Quarter) -> list[Duty]:
        return [d for d in self.duties.get(unit_id, {}).values() if self.active(d.item_id, quarter)]

    def expected_reporters(self, quarter: Quarter, expect_from: str = "named") -> list[str]:
        """Units that must send a report for the quarter.

        named: every body named as lead or co-operating unit of something active;
        leads: lead units only. Members of groups may report but are not chased.
        """
        out = []
        for unit_id, duties in self.duties.items():
            unit = self.plan.units.get(unit_id)
            if unit is None or unit.is_group:
                continue
            for duty in duties.values():
                if not duty.named_directly or (expect_from == "leads" and duty.role != LEAD):
                    continue
                if self.active(duty.item_id, quarter):
                    out.append(unit_id)
                    break
        return sorted(out)

    def answers_for(self, unit_id: str) -> int:
        return len(self.duties.get(unit_id, {}))
