"""C305: a report sent after its due date."""

from zzip.findings import Problem
from zzip.i18n import N_, message_date, ngettext
from zzip.labels import period_words

CODE = "C305"
NAME = "submission-late"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("A status file was submitted after its due date")
EXPLANATION = N_("""
## What it does
A quarter's report is due `due_days` after the quarter's last day (plan.yaml `reporting`; 15
days by default, so 2025-Q2 is due 2025-07-15). A report submitted later, beyond any
`[reporting] grace-days`, is late; the message gives the days late.

## Why it matters
The seed (五(三)) asks for yearly 督导通报 of each responsible unit; late reports delay them.

## How to fix
Nothing to fix in the file: send the next one on time.
""")


def check(context):
    for sub in context.usable:
        if not context.in_scope(sub):
            continue
        due = context.due_date(sub.period)
        if sub.submitted > context.late_after(sub.period):
            days = (sub.submitted - due).days
            yield Problem(sub.origin.at("submitted"),
                          ngettext("report for %(period)s submitted %(submitted)s, %(num)s day after its due date %(due)s",
                                   "report for %(period)s submitted %(submitted)s, %(num)s days after its due date "
                                   "%(due)s", days, period=period_words(sub.period), submitted=message_date(sub.submitted),
                                   due=message_date(due)), unit=sub.unit,
                          extra={"period": str(sub.period), "days_late": days})
