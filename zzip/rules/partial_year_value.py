"""S216: a yearly figure measured part-way through its year."""

from zzip.i18n import N_

CODE = "S216"
NAME = "partial-year-value"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A yearly (flow) indicator is reported with a value measured before the end of its year")
EXPLANATION = N_("""
## What it does
Indicators of kind `flow` (年度PCT专利授权量, 年度知识产权质押融资额, 每年…培训班 …) are figures for a
whole calendar year. A value for one of them must be the full-year figure, measured on
31 December of its year. A value measured on another day (2025-06-30) is a year-to-date
figure: it is reported and not counted.

## Why it matters
Graded as if it were the year's total, a half-year figure looks like half the target and puts
the indicator "behind" every summer (or, for a decrease target, "achieved"). zzip does not
grade year-to-date values against a pro-rata path: the year's figure is what the plan sets.

## Example
```yaml
indicators:
  - id: annual-pct-patent-grants
    value: 70
    measured: "2025-06-30"   # S216: report the 2025 figure, measured 2025-12-31, next year
```

## How to fix
Leave the yearly figure out of mid-year reports, and report it, measured on 31 December, in
the first report after the year ends (`zzip template` fills in that date). Mention a
year-to-date figure in the entry's `note` if it helps the office.
""")


def check(context):
    yield from context.rejections(CODE)
