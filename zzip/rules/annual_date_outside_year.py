"""P121: a yearly item whose dates fall outside its year."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date

CODE = "P121"
NAME = "annual-date-outside-year"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A yearly item's deadline or start is outside the year of its work plan, or its id names another year")
EXPLANATION = N_("""
## What it does
A yearly work plan covers one calendar year. Each item's `due` (a month, on time through its
last day, or a date, on time through that day) must fall inside that year; its `start`, if
given, must be in the year and not after the deadline; and its id must name the plan's year
(`AP-2024-05` in the plan for 2024).

## Why it matters
An item due next year belongs to next year's plan: the assessment of the year
(`zzip assess --year`) reads the items due in it.

## Example
```yaml
year: 2024
items:
  - id: AP-2024-05
    due: "2025-03"   # P121: outside 2024
```

## How to fix
Move the item to the plan of the year it is due in, or correct the date.
""")


def check(context):
    for item in context.plan.annual_items.values():
        if item.deadline.year != item.year:
            yield Problem(item.origin.at("due"), _("%(id)s is due %(due)s, outside the %(year)s work plan it belongs to",
                                                   id=item.id, due=message_date(item.deadline), year=item.year))
        if item.start.year != item.year:
            yield Problem(item.origin.at("start"), _("%(id)s starts %(start)s, outside %(year)s",
                                                     id=item.id, start=item.start, year=item.year))
        elif item.start.first_day > item.deadline:
            yield Problem(item.origin.at("start"), _("%(id)s starts %(start)s, after its deadline %(due)s",
                                                     id=item.id, start=item.start, due=message_date(item.deadline)))
        if not item.id.startswith(f"AP-{item.year}-"):
            yield Problem(item.origin.at("id"), _("%(id)s is in the %(year)s work plan; its id should start %(prefix)s",
                                                  id=item.id, year=item.year, prefix=f"AP-{item.year}-"))
