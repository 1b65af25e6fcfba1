"""S209: a value that cannot be right."""

from zzip.findings import Problem

CODE = "S209"
NAME = "implausible-value"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = "A negative count, a percentage over 100, or a percent complete that contradicts the status"
EXPLANATION = """
## What it does
Reports an indicator value below zero for a count (件, 家, 人 ...), a value over 100 for an
indicator measured in %, a `done` entry with `percent` below 100, and a `not-started` entry
with `percent` above 0.

## Why it matters
Such numbers are typing slips, and they distort the progress of the indicator or the picture
of the work.

## How to fix
Correct the number or the status.
"""


def check(context):
    indicators = context.plan.indicators
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        for value in sub.indicators:
            indicator = indicators.get(value.id)
            if indicator is None:
                continue
            if value.value < 0 and indicator.kind != "level":
                yield Problem(value.origin.at("value"),
                              f"{value.id} is a count and cannot be negative ({value.value:g} {indicator.unit or ''})".rstrip(),
                              unit=sub.unit)
            if indicator.unit == "%" and not 0 <= value.value <= 100:
                yield Problem(value.origin.at("value"), f"{value.id} is a percentage; {value.value:g} is not between 0 and 100",
                              unit=sub.unit)
        for entry in sub.entries:
            if entry.percent is None:
                continue
            if entry.status == "done" and entry.percent < 100:
                yield Problem(entry.origin.at("percent"),
                              f"{entry.id} is marked done but only {entry.percent:g}% complete", unit=sub.unit)
            if entry.status == "not-started" and entry.percent > 0:
                yield Problem(entry.origin.at("percent"),
                              f"{entry.id} is marked not started but {entry.percent:g}% complete", unit=sub.unit)
