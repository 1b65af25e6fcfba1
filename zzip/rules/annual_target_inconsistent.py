"""P123: yearly targets that cannot add up to the plan's target."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date
from zzip.progress import fmt_exact

CODE = "P123"
NAME = "annual-target-inconsistent"
SEVERITY = "warning"
SCOPE = "plan"
SUMMARY = N_("The yearly targets of the work plans cannot add up to the plan's target for the indicator")
EXPLANATION = N_("""
## What it does
Compares the yearly targets (`target: {indicator, value}` of yearly items) with the plan's
target for the same indicator:

- a yearly figure (kind `flow`) set every year (每年5-10期): each year's target must reach the
  plan's yearly minimum; set once for its deadline year (年度PCT专利授权量150件 by 2025): the
  target for that year must reach it;
- a count added during the plan (kind `increment`): once every year of the plan up to the
  deadline has a yearly target, they must add up to the plan's target;
- a holding or level (kind `stock` or `level`): the yearly targets may not fall back from one
  year to the next, nor below the baseline, nor below an interim target of the same year, and
  the target for the deadline year must reach the plan's.

(For an indicator that should decrease, "reach" means "not exceed".) The same indicator given
two yearly targets in one year is reported too.

## Why it matters
A yearly plan that meets every yearly target but still misses the three-year target is not a
plan to meet it.

## Example
```yaml
target: {indicator: annual-practical-training-classes, value: 3}   # P123: below 每年5-10期
```

## How to fix
Raise the yearly target, or record in `note` why the year asks for less (and plan the rest).
""")


def check(context):
    plan = context.plan
    by_indicator: dict[str, dict[int, list]] = {}
    for item in plan.annual_items.values():
        if item.target and item.target.indicator in plan.indicators:
            by_indicator.setdefault(item.target.indicator, {}).setdefault(item.year, []).append(item)
    for indicator_id, years in sorted(by_indicator.items()):
        indicator = plan.indicators[indicator_id]
        target = indicator.target
        sign = indicator.sign
        unit = indicator.unit or ""
        name = f"{indicator.name} ({indicator_id})"

        def short(value, goal) -> bool:
            return sign * (value - goal) < 0

        for year, items in sorted(years.items()):
            for extra in items[1:]:
                yield Problem(extra.origin.at("target"),
                              _("%(id)s sets a second %(year)s target for %(name)s; %(first)s already sets %(amount)s",
                                id=extra.id, year=year, name=name, first=items[0].id,
                                amount=f"{fmt_exact(items[0].target.value)}{unit}"))
        firsts = {year: items[0] for year, items in years.items()}
        if indicator.kind == "flow":
            for year, item in sorted(firsts.items()):
                value = item.target.value
                values = dict(id=item.id, amount=f"{fmt_exact(value)}{unit}", name=name, year=year,
                              target=target.describe(unit))
                if target.every_year and year <= target.deadline.year and short(value, target.goal):
                    yield Problem(item.origin.at("target", "value"),
                                  _("%(id)s sets %(amount)s for %(name)s in %(year)s, short of the plan's yearly "
                                    "target %(target)s", **values))
                elif not target.every_year and year == target.deadline.year and short(value, target.goal):
                    yield Problem(item.origin.at("target", "value"),
                                  _("%(id)s sets %(amount)s for %(name)s in %(year)s, short of the plan's target "
                                    "%(target)s", **values))
        elif indicator.kind == "increment":
            first_year = plan.meta.period_start.year if plan.meta else min(firsts)
            span = range(first_year, target.deadline.year + 1)
            if all(year in firsts for year in span):
                total = sum(firsts[year].target.value for year in span)
                last = firsts[target.deadline.year]
                if short(total, target.goal):
                    yield Problem(last.origin.at("target", "value"),
                                  _("the yearly targets for %(name)s from %(first)s to %(last)s add up to %(amount)s, "
                                    "short of the plan's target %(target)s", name=name, first=span[0], last=span[-1],
                                    amount=f"{fmt_exact(total)}{unit}", target=target.describe(unit)))
        else:  # stock or level: a value to stand at the end of the year
            previous = None
            for year, item in sorted(firsts.items()):
                value = item.target.value
                at = item.origin.at("target", "value")
                values = dict(id=item.id, amount=f"{fmt_exact(value)}{unit}", name=name, year=year)
                if previous is not None and short(value, previous.target.value):
                    yield Problem(at, _("%(id)s sets %(amount)s for %(name)s at the end of %(year)s, falling back from "
                                        "%(previous)s set for %(previous_year)s by %(previous_id)s", **values,
                                        previous=f"{fmt_exact(previous.target.value)}{unit}",
                                        previous_year=previous.year, previous_id=previous.id))
                elif indicator.baseline and short(value, indicator.baseline.value):
                    yield Problem(at, _("%(id)s sets %(amount)s for %(name)s at the end of %(year)s, short of its "
                                        "baseline %(baseline)s (%(date)s)", **values,
                                        baseline=f"{fmt_exact(indicator.baseline.value)}{unit}",
                                        date=message_date(indicator.baseline.date)))
                for interim in indicator.interim:
                    if interim.deadline.year == year and short(value, interim.value):
                        yield Problem(at, _("%(id)s sets %(amount)s for %(name)s at the end of %(year)s, short of the "
                                            "interim target %(interim)s due %(due)s", **values,
                                            interim=f"{fmt_exact(interim.value)}{unit}", due=interim.deadline))
                if year == target.deadline.year and short(value, target.goal):
                    yield Problem(at, _("%(id)s sets %(amount)s for %(name)s for %(year)s, short of the plan's target "
                                        "%(target)s", **values, target=target.describe(unit)))
                previous = item
