"""C309: a cumulative count that goes down."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date

CODE = "C309"
NAME = "cumulative-decrease"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("A cumulative indicator (a stock or a count of new items) is reported lower than before")
EXPLANATION = N_("""
## What it does
For indicators of kind `stock` (拥有量, 有效注册量 ...) and `increment` (新增 ...), compares each
reported value with the one measured before it, and reports a fall.

## Why it matters
A holding can shrink (patents lapse), but a fall between two quarters is more often a value
reported in the wrong unit (件 for 万件) or for the wrong date.

## How to fix
Check both values; correct the wrong one, or explain the fall in the entry's `note`.
""")


def check(context):
    for indicator_id, pairs in context.indicator_points.items():
        indicator = context.plan.indicators[indicator_id]
        if not indicator.cumulative:
            continue
        for (before, _v, _s), (after, value, sub) in zip(pairs, pairs[1:]):
            if after.value < before.value and not value.note and context.in_scope(sub):
                yield Problem(value.origin.at("value"),
                              _("%(name)s (%(id)s) fell from %(before)s (%(before_date)s) to %(after)s (%(after_date)s), "
                                "but it is cumulative; correct the value or explain the fall in a note",
                                name=indicator.name, id=indicator_id, before=f"{before.value:g}",
                                before_date=message_date(before.date), after=f"{after.value:g}",
                                after_date=message_date(after.date)),
                              unit=indicator.owner, extra={"indicator": indicator_id})
