"""S215: a report submitted before its quarter ended."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date
from zzip.labels import period_words

CODE = "S215"
NAME = "submitted-early"
SEVERITY = "warning"
SCOPE = "submission"
SUMMARY = N_("A status file was submitted on or before the last day of the quarter it reports on, so it is not counted")
EXPLANATION = N_("""
## What it does
Reports a status file whose `submitted` date is not after the last day of its quarter (a file
dated the last day was sent before the quarter ended, at the end of that day). The file is not
counted as the quarter's report, and none of its entries or values count: if no later report
for the quarter arrives, the report is missing (C304).

## Why it matters
A report written before the quarter is over is a forecast, not an account. Counted, it would
hide a missing report and could override a later report's word on an item.

A plan whose reports are due before the period ends (`reporting.due_on: "12-10"` with
`accept_before_end: true`) counts a report sent inside its period; only one sent before the
period began is early.

## Example
```yaml
period: 2025-Q2
submitted: "2025-06-10"   # S215: sent before 2025-Q2 ended; probably meant 2025-07-10
```

## How to fix
Correct `submitted` if it is a typing slip; otherwise send the report again after the quarter
ends (the later file counts).
""")


def check(context):
    for sub in context.submissions:
        if not context.in_scope(sub) or sub.unit not in context.plan.units:
            continue
        period = sub.period
        if context.cadence.accept_before_end:
            if sub.submitted < period.first_day:  # a report on a period not yet begun
                yield Problem(sub.origin.at("submitted"), _(
                    "submitted %(submitted)s, before %(period)s began (%(first)s): not counted as the period's "
                    "report; send it again during or after the period", submitted=message_date(sub.submitted),
                    period=period_words(period), first=message_date(period.first_day)), unit=sub.unit, extra={"period": str(period)})
            continue
        if sub.submitted <= period.last_day and period.last_day <= context.as_of:
            if sub.submitted == period.last_day:  # sent on the last day, while the period still ran
                message = _("submitted %(submitted)s, the last day of %(period)s, before the period was over: not "
                            "counted as the period's report; send it again after the period ends",
                            submitted=message_date(sub.submitted), period=period_words(period))
            else:
                message = _("submitted %(submitted)s, before %(period)s ended (%(end)s): not counted as the period's "
                            "report; send it again after the period ends", submitted=message_date(sub.submitted),
                            period=period_words(period), end=message_date(period.last_day))
            yield Problem(sub.origin.at("submitted"), message, unit=sub.unit, extra={"period": str(period)})
