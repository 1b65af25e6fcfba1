"""P121: a yearly item whose dates fall outside its year."""

from zzip.findings import Problem

CODE = "P121"
NAME = "annual-date-outside-year"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = "A yearly item's deadline or start is outside the year of its work plan, or its id names another year"
EXPLANATION = """
## What it does
A yearly work plan covers one calendar year. Each item's `due` (a month, on time through its
last day, or a date, on time through that day) must fall inside that year; its `start`, if
given, must be in the year and not after the deadline; and its id `AP-<year>-<n>` must name
the plan's year.

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
"""


def check(context):
    for item in context.plan.annual_items.values():
        if item.deadline.year != item.year:
            yield Problem(item.origin.at("due"), f"{item.id} is due {item.deadline.isoformat()}, outside the "
                                                 f"{item.year} work plan it belongs to")
        if item.start.year != item.year:
            yield Problem(item.origin.at("start"), f"{item.id} starts {item.start}, outside {item.year}")
        elif item.start.first_day > item.deadline:
            yield Problem(item.origin.at("start"), f"{item.id} starts {item.start}, after its deadline "
                                                   f"{item.deadline.isoformat()}")
        if not item.id.startswith(f"AP-{item.year}-"):
            yield Problem(item.origin.at("id"), f"{item.id} is in the {item.year} work plan; its id should start "
                                                f"AP-{item.year}-")
