"""S214: a report on a quarter that has not ended."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date
from zzip.labels import period_words

CODE = "S214"
NAME = "period-not-ended"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A status file reports on a quarter that has not ended as of the check")
EXPLANATION = N_("""
## What it does
Reports a status file whose quarter ends after the as-of date. The check is made at the end of
the as-of day, so a quarter whose last day is the as-of day has ended. Such a file is not
counted: not as that quarter's report, and none of its entries or values.

## Why it matters
A report on a quarter that is not over cannot say how the quarter went. Counted, it would
stand in for the real report (no "missing" finding when that never arrives) and, as the
latest word on every item, override a later report that says an item is done, so that a
finished step would show as overdue.

A plan whose reports are due before the period ends (`reporting.due_on: "12-10"` with
`accept_before_end: true`) accepts a report sent inside its period: this rule does not apply.

## Example
As of 2025-07-31, `reports/2025-Q3/court.yaml` (2025-Q3 ends 2025-09-30) is reported and not
counted.

## How to fix
Send the report after the quarter ends; or correct `period` if the file is for an earlier quarter.
""")


def check(context):
    for sub in context.submissions:
        if not context.in_scope(sub) or sub.unit not in context.plan.units:
            continue
        if sub.period.last_day > context.as_of and not context.cadence.accept_before_end:
            yield Problem(sub.origin.at("period"),
                          _("%(period)s ends %(end)s, after the as-of date %(as_of)s: a report on a quarter that has "
                            "not ended is not counted", period=period_words(sub.period), end=message_date(sub.period.last_day),
                            as_of=message_date(context.as_of)),
                          unit=sub.unit, extra={"period": str(sub.period)})
