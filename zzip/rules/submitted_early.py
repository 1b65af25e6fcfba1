"""S215: a report submitted before its quarter ended."""

from zzip.findings import Problem

CODE = "S215"
NAME = "submitted-early"
SEVERITY = "warning"
SCOPE = "submission"
SUMMARY = "A status file was submitted on or before the last day of the quarter it reports on"
EXPLANATION = """
## What it does
Reports a status file whose `submitted` date falls within its own quarter, up to and
including the quarter's last day (a file sent that day was sent before the quarter ended). The
report counts, now that the quarter has ended, but what it says may not cover the quarter's
last days.

## Why it matters
Usually the date is a typing slip (2025-06-10 for 2025-07-10), or the report was written
ahead and may miss work finished at the end of the quarter.

## How to fix
Correct `submitted`; or, if the report really was sent early, send an update after the quarter
ends (the later report counts).
"""


def check(context):
    for sub in context.submissions:
        if not context.in_scope(sub) or sub.unit not in context.plan.units:
            continue
        period = sub.period
        if period.first_day <= sub.submitted <= period.last_day and period.last_day <= context.as_of:
            yield Problem(sub.origin.at("submitted"),
                          f"submitted {sub.submitted.isoformat()}, before {period} ended "
                          f"({period.last_day.isoformat()}); the report counts, but may not cover the whole quarter",
                          unit=sub.unit, extra={"period": str(period)})
