"""S210: a report dated after the day the check is made for."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date

CODE = "S210"
NAME = "submitted-after-as-of"
SEVERITY = "warning"
SCOPE = "submission"
SUMMARY = N_("A status file's submission date is after the as-of date, so it is not counted")
EXPLANATION = N_("""
## What it does
Reports a status file whose `submitted` date is later than the date of the check (today in the
plan's time zone, or `--as-of`). Such a report is left out of the compliance checks, as if it
had not arrived yet.

## Why it matters
When replaying an earlier date with `--as-of` this is expected; otherwise the date is wrong
(2052 for 2025) and the unit will look as if it sent nothing.

## How to fix
Correct `submitted`, or run the check for a later date.
""")


def check(context):
    for sub in context.submissions:
        if context.in_scope(sub) and sub.submitted > context.as_of:
            yield Problem(sub.origin.at("submitted"),
                          _("submitted %(submitted)s, after the as-of date %(as_of)s: not counted in this check",
                            submitted=message_date(sub.submitted), as_of=message_date(context.as_of)), unit=sub.unit, extra={"period": str(sub.period)})
