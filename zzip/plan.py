"""The plan as typed records: what every command reads, instead of raw YAML data.

Each record keeps an `Origin` (its file and its path in that file) so that any rule
can point at the exact line of any field, the way beancount entries carry theirs.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from msgspec import Struct, field

from zzip.cadence import Cadence
from zzip.findings import Location
from zzip.i18n import _
from zzip.months import Month
from zzip.yamlfile import YamlDocument

# The kinds of task of 郑政〔2022〕34号 (重点任务, 重大工程), which a plan that names none uses.
DEFAULT_TASK_KINDS = ("key-task", "major-project")

PLAN_FILES = {
    "plan": "plan.yaml",
    "units": "units.yaml",
    "indicators": "indicators.yaml",
    "tasks": "tasks.yaml",
    "milestones": "milestones.yaml",
}


class Origin(Struct, frozen=True, gc=False):
    doc: YamlDocument
    path: tuple

    def at(self, *fields: str | int, key: bool = False) -> Location:
        return self.doc.locate(self.path + fields, at_key=key)

    @property
    def location(self) -> Location:
        return self.doc.locate(self.path, at_key=True)


class Revision(Struct, frozen=True, gc=False):
    version: str
    date: str
    change: str
    authority: str | None = None
    reason: str | None = None


class PlanMeta(Struct, frozen=True, gc=False):
    id: str
    version: str
    title: str
    document_number: str | None  # 文号: not every plan has one (a draft, a 工作方案 of an office)
    issuer: str
    issued: str
    period_start: Month
    period_end: Month
    timezone: str
    supervisor: str | None
    due_days: int | None  # None when reports are due on fixed days (cadence.due_on)
    first_period: str | None
    revisions: tuple[Revision, ...]
    origin: Origin
    note: str | None = None
    source_url: str | None = None
    task_kinds: tuple[str, ...] = ()  # the kinds of task the plan names (DEFAULT_TASK_KINDS unless it names its own)
    task_kind_names: tuple[tuple[str, str], ...] = ()  # (id, the kind as the document writes it: 专项行动)

    @property
    def cited_as(self) -> str:
        """The plan as a reader knows it: its title, with its document number where it has one."""
        return f"{self.title} ({self.document_number})" if self.document_number else self.title
    cadence: Cadence = Cadence()  # how often units report and when each report is due


class Unit(Struct, frozen=True, gc=False):
    id: str
    name: str
    kind: str  # "body" or "group"
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    source: str
    note: str | None
    origin: Origin
    email: str | None = None  # the office's contact address for notices (not from the seed)

    @property
    def is_group(self) -> bool:
        return self.kind == "group"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Target(Struct, frozen=True, gc=False):
    comparator: str  # at_least | about | stretch | reach | range
    deadline: Month
    value: float | None = None
    min: float | None = None
    max: float | None = None
    wording: str | None = None
    deadline_text: str | None = None
    every_year: bool = False  # 每年: set for each calendar year up to the deadline, not once at its end
    growth_rate: float | None = None  # 年均增长10%: percent a year, compound, from growth_base to the deadline
    growth_base: "Baseline | None" = None  # the indicator's baseline (base-year value and date)

    @property
    def goal(self) -> float:
        """The number to reach: the value, or the bottom of a range; for a growth-rate target, the
        level its rate gives at the deadline (for charts and tables; it is graded as a rate)."""
        if self.value is None and self.min is None and self.growth_rate is not None and self.growth_base:
            return self.growth_base.value * (1 + self.growth_rate / 100) ** self.growth_years(self.deadline.last_day)
        return self.value if self.value is not None else self.min  # type: ignore[return-value]

    def growth_years(self, day: dt.date) -> float:
        """Years from the growth base's date to `day`: whole years between same-day dates, so a
        rate met exactly over three calendar years is met (zzip.months.years_between)."""
        from zzip.months import years_between
        return years_between(self.growth_base.date, day)  # type: ignore[union-attr]

    def short(self, unit: str | None) -> str:
        """Compact, for a table cell: ≥7亿元 2025-12, ≈83分 2025-12, 力争14653件 2025-06 (aim 14653件),
        年均增长10% 2025-12 (+10%/yr), 年均下降5% 2025-12 (-5%/yr)."""
        from zzip.i18n import _

        if self.growth_rate is not None:  # 年均增长10% / 年均下降5%, as plans write them
            rate = f"{abs(self.growth_rate):g}"
            words = _("+%(rate)s%%/yr", rate=rate) if self.growth_rate >= 0 else _("-%(rate)s%%/yr", rate=rate)
            return f"{words} {self.deadline}"
        amount = f"{_num(self.min)}-{_num(self.max)}" if self.value is None else _num(self.value)
        if self.comparator == "stretch":
            amount = _("aim %(amount)s", amount=f"{amount}{unit or ''}")
        else:
            amount = {"at_least": "≥", "about": "≈"}.get(self.comparator, "") + f"{amount}{unit or ''}"
        return f"{amount} {self.deadline}"

    def describe(self, unit: str | None) -> str:
        from zzip.i18n import _, language, message_date, message_month

        def num(value):  # 14,653件 as the plan writes it in Chinese; English keeps 14653
            if language() != "en" and value is not None and abs(value) >= 1000 and float(value).is_integer():
                return f"{int(value):,}"
            return _num(value)

        if self.growth_rate is not None:  # 年均增长10% or 年均下降5%: a whole sentence for each
            base, falls = self.growth_base, self.growth_rate < 0
            rate, deadline = _num(abs(self.growth_rate)), message_month(self.deadline.year, self.deadline.month)
            if base:
                values = {"rate": rate, "base": f"{num(base.value)}{unit or ''}", "date": message_date(base.date),
                          "deadline": deadline}
                if falls:
                    return _("a fall of %(rate)s%% a year from %(base)s on %(date)s by %(deadline)s", **values)
                return _("growth of %(rate)s%% a year from %(base)s on %(date)s by %(deadline)s", **values)
            if falls:
                return _("a fall of %(rate)s%% a year by %(deadline)s", rate=rate, deadline=deadline)
            return _("growth of %(rate)s%% a year by %(deadline)s", rate=rate, deadline=deadline)
        values = {"amount": f"{num(self.min)}-{num(self.max)}" if self.value is None else num(self.value),
                  "unit": unit or "", "deadline": message_month(self.deadline.year, self.deadline.month)}
        if self.comparator == "at_least":
            return _("at least %(amount)s%(unit)s by %(deadline)s", **values)
        if self.comparator == "about":
            return _("about %(amount)s%(unit)s by %(deadline)s", **values)
        if self.comparator == "stretch":
            return _("striving for %(amount)s%(unit)s by %(deadline)s", **values)
        return _("%(amount)s%(unit)s by %(deadline)s", **values)


class Statement(Struct, frozen=True, gc=False):
    """The same target stated again elsewhere in the seed, possibly with another number."""

    ref: str
    text: str
    target: Target | None


class Baseline(Struct, frozen=True, gc=False):
    value: float
    date: dt.date
    source: str | None


class Interim(Struct, frozen=True, gc=False):
    deadline: Month
    value: float
    source: str | None


class Indicator(Struct, frozen=True, gc=False):
    id: str
    ref: str
    name: str
    text: str
    kind: str  # stock | flow | level | increment
    direction: str  # increase | decrease
    unit: str | None
    target: Target
    owner: str
    owner_basis: str
    tasks: tuple[str, ...]
    also_stated: tuple[Statement, ...]
    baseline: Baseline | None
    interim: tuple[Interim, ...]
    note: str | None
    origin: Origin

    @property
    def cumulative(self) -> bool:
        return self.kind in ("stock", "increment")

    @property
    def sign(self) -> int:
        """+1 for an increase target, -1 for a decrease: progress is sign * (change)."""
        return 1 if self.direction == "increase" else -1

    def restated_targets(self, tolerance_of) -> list[tuple[Statement, Target]]:
        """The targets stated again elsewhere in the seed that ask for something the headline
        target does not already ensure: a number beyond it, or a date before it, or a stricter
        comparator. Each is graded against its own number and deadline; a restatement that asks
        for less, no sooner, is met whenever the headline is. `tolerance_of(target)` gives the
        tolerance of a comparator ("about": 5 % by default)."""
        sign = self.sign
        kept: list[Target] = [self.target]
        out: list[tuple[Statement, Target]] = []
        for statement in self.also_stated:
            target = statement.target
            if target is None or target.goal is None:
                continue
            implied = any(sign * (k.goal - target.goal) >= 0 and k.deadline <= target.deadline
                          and tolerance_of(k) <= tolerance_of(target) for k in kept)
            if not implied:
                kept.append(target)
                out.append((statement, target))
        return out


class Task(Struct, frozen=True, gc=False):
    id: str
    ref: str
    kind: str  # key-task | major-project, or a kind the plan names (plan.yaml task_kinds)
    title: str
    text: str | None
    # The units that answer for the task: its lead units, or, for a task whose plan names its
    # 责任单位 with no lead/co-operating split (`responsible:` in tasks.yaml), those units.
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    origin: Origin
    undivided: bool = False  # written `responsible:` (责任单位 / …负责): every unit named answers alike

    @property
    def responsible(self) -> tuple[str, ...]:
        """The 责任单位 of an undivided task (empty for a task with lead and co-operating units)."""
        return self.lead if self.undivided else ()
    deadline: dt.date | None = None  # its own deadline (2023年底前), the last day still on time
    deadline_text: str | None = None
    ongoing: bool = False  # 长期坚持 / 持续推进: never overdue
    recurs: str | None = None  # "yearly" (每年) or "quarterly" (每季度): due again each period
    due_month: int | None = None  # yearly: the month by whose end each year's occurrence is due (每年4月)

    def occurrence_of(self, day: dt.date) -> str | None:
        """The occurrence of a recurring task that `day` falls in (2024, 2024-Q2); None if it does not recur."""
        from zzip.months import Quarter, Year

        if not self.recurs:
            return None
        return str((Year if self.recurs == "yearly" else Quarter).of(day))

    def occurrences(self, first: Month, last: Month) -> list[tuple[str, dt.date, dt.date, dt.date]]:
        """A recurring task's occurrences within first..last: (label, window start, window end, due
        day). A year's occurrence is due by the end of `due_month` (December by default) and done
        by a completion dated in that year; a quarter's by the quarter's end. An occurrence due
        before `first` is not owed: a plan issued in May cannot ask for that April's report
        (每年4月), its first is the next year's."""
        from zzip.months import Quarter, Year, periods_between

        kind = Year if self.recurs == "yearly" else Quarter
        out = []
        for period in periods_between(kind.of(first.first_day), kind.of(last.last_day)):
            due = Month(period.year, self.due_month).last_day if self.recurs == "yearly" and self.due_month \
                else period.last_day
            if due >= first.first_day:
                out.append((str(period), period.first_day, period.last_day, due))
        return out


class Milestone(Struct, frozen=True, gc=False):
    id: str
    ref: str
    text: str
    when: str | None
    start: Month
    end: Month | None  # None: ongoing ("持续推进")
    tasks: tuple[str, ...]
    lead_override: tuple[str, ...]
    origin: Origin

    @property
    def ongoing(self) -> bool:
        return self.end is None

    @property
    def deadline(self) -> dt.date | None:
        """The last day on which the step is still on time."""
        return self.end.last_day if self.end else None


class YearTarget(Struct, frozen=True, gc=False):
    """A yearly quantitative target of an annual item, feeding one of the plan's indicators."""

    indicator: str
    value: float


class AnnualItem(Struct, frozen=True, gc=False):
    """One item of a yearly work plan (年度工作推进计划, 五(一)): treated like a step."""

    id: str
    year: int
    number: int  # 1-based position in its yearly plan
    text: str
    serves: tuple[str, ...]  # the tasks or steps of the three-year plan it carries out
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    start: Month
    deadline: dt.date  # the last day on which it is still on time
    due_text: str  # as written: "2024-06" or "2024-06-20"
    target: YearTarget | None
    note: str | None
    origin: Origin

    @property
    def ref(self) -> str:
        return f"{self.year}年度计划{self.number}"

    @property
    def end(self) -> Month:
        return Month.of(self.deadline)

    @property
    def title(self) -> str:
        return self.text


class AnnualPlan(Struct, frozen=True, gc=False):
    year: int
    title: str
    example: bool  # invented to show the format: the seed publishes no yearly plan
    basis: str | None
    items: tuple[str, ...]
    origin: Origin


class Plan(Struct, dict=True):  # the __dict__ holds name_index()'s cache, which is no field (not compared, not shown)
    meta: PlanMeta | None
    units: dict[str, Unit] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    milestones: dict[str, Milestone] = field(default_factory=dict)
    documents: dict[str, YamlDocument] = field(default_factory=dict)
    # every definition seen, duplicates included, for the duplicate-id rule
    all_definitions: list[tuple[str, str, Origin]] = field(default_factory=list)
    # yearly work plans (plan/annual/YYYY.yaml) and the assessment scheme (plan/assessment.yaml), both optional
    annual_plans: dict[int, AnnualPlan] = field(default_factory=dict)
    annual_items: dict[str, AnnualItem] = field(default_factory=dict)
    assessment: object | None = None  # zzip.assessment_scheme.Scheme

    def item(self, item_id: str) -> Task | Milestone | AnnualItem | None:
        """A task, step or yearly item by id: what a status file entry may name."""
        return self.tasks.get(item_id) or self.milestones.get(item_id) or self.annual_items.get(item_id)

    def milestone_leads(self, milestone: Milestone) -> tuple[str, ...]:
        """Who answers for a step: its explicit lead, else the leads of the tasks it implements."""
        if milestone.lead_override:
            return milestone.lead_override
        leads: list[str] = []
        for task_id in milestone.tasks:
            task = self.tasks.get(task_id)
            for unit in task.lead if task else ():
                if unit not in leads:
                    leads.append(unit)
        return tuple(leads)

    def milestone_cooperators(self, milestone: Milestone) -> tuple[str, ...]:
        leads = set(self.milestone_leads(milestone))
        out: list[str] = []
        for task_id in milestone.tasks:
            task = self.tasks.get(task_id)
            for unit in task.cooperating if task else ():
                if unit not in leads and unit not in out:
                    out.append(unit)
        return tuple(out)

    def name_index(self) -> dict[str, str]:
        """Every id, name and alias -> unit id (first definition wins)."""
        cached = self.__dict__.get("_names")
        if cached is not None:
            return cached
        index: dict[str, str] = {}
        for unit in self.units.values():
            for key in (unit.id, *unit.names):
                index.setdefault(key, unit.id)
        if self.units:  # not while the plan is still being read
            self.__dict__["_names"] = index
        return index

    def resolve_unit(self, text: str) -> Unit | None:
        """A unit named by id, by the name the plan writes, or by an alias."""
        unit_id = self.name_index().get(text.strip())
        return self.units.get(unit_id) if unit_id else None

    def expand(self, unit_ids: Iterable[str]) -> tuple[str, ...]:
        """Unit ids with groups replaced by their known members (a group with none stays itself)."""
        out: list[str] = []
        for unit_id in unit_ids:
            unit = self.units.get(unit_id)
            members = unit.members if unit and unit.is_group and unit.members else (unit_id,)
            for member in members:
                if member not in out:
                    out.append(member)
        return tuple(out)

    def unit_name(self, unit_id: str) -> str:
        unit = self.units.get(unit_id)
        return unit.name if unit else unit_id


def _num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)
