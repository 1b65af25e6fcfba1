"""S212: two units report different values for one indicator and one date."""

from zzip.i18n import N_

CODE = "S212"
NAME = "conflicting-value"
SEVERITY = "warning"
SCOPE = "submission"
SUMMARY = N_("Another unit reports a value that differs from the owner's, or for a day the owner did not report")
EXPLANATION = N_("""
## What it does
Compares the values that different units report for the same indicator, measured on the same
day. When they differ, the owner's value counts (the unit that answers for the indicator,
`owner` in indicators.yaml) and each other unit's value is reported and not counted. When the
owner reported none for that day, no value counts for that day until the units agree.

Where the owner reports the indicator at all, its series is the indicator's: another unit's
value for a day the owner did not report is reported too, and not counted (a co-operating
unit's number dated the day after the deadline must not overturn the owner's result). An
indicator whose owner reports nothing is graded on the other units' values.

A unit that restates its own earlier number in a later report is correcting it: its later
report counts, and this rule says nothing.

## Why it matters
Before this rule the file read last silently won, so the grade of an indicator depended on
the order of file names.

## Example
```yaml
# reports/2024-Q4/science-technology.yaml
indicators:
  - id: high-value-invention-patents
    value: 13900            # S212: 市市场监管局 reports 13060 for 2024-12-31; the owner's value counts
    measured: "2024-12-31"
```

## How to fix
The two units agree on the number; the co-operating unit corrects its value or leaves it out.
""")


def check(context):
    yield from context.rejections(CODE)
