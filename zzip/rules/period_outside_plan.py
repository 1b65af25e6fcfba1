"""S204: a report for a quarter the plan does not cover."""

from zzip.findings import Problem
from zzip.cadence import cadence_word
from zzip.i18n import N_, _

CODE = "S204"
NAME = "period-outside-plan"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A status file reports on a quarter outside the plan period, or on a period of another cadence")
EXPLANATION = N_("""
## What it does
Checks that the `period` of each status file is a quarter within the plan period (plan.yaml
`period`, 2022-01 to 2025-12 for 郑政〔2022〕34号). A plan that reports half-yearly or yearly
(`reporting.cadence`) takes periods such as 2024-H1 or 2024 instead: a period of another
length (2024-Q1 in a half-yearly plan) is reported, and not counted.

## Why it matters
A report for 2026-Q1 on a plan that ended in 2025 is usually a typing slip for 2025-Q1, and
the real quarter then looks missing.

## How to fix
Correct `period` (and the folder the file sits in).
""")


def check(context):
    meta = context.plan.meta
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        cadence = context.cadence
        if not isinstance(sub.period, cadence.kind):
            yield Problem(sub.origin.at("period"), _(
                "period %(period)s is not a reporting period of this plan, which reports %(cadence)s "
                "(periods such as %(example)s)", period=str(sub.period), cadence=cadence_word(cadence.name),
                example=cadence.example), unit=sub.unit)
        elif sub.period not in context.plan_quarters_set:
            yield Problem(sub.origin.at("period"),
                          _("period %(period)s is outside the plan period %(start)s to %(end)s", period=sub.period,
                            start=meta.period_start, end=meta.period_end),
                          unit=sub.unit)
