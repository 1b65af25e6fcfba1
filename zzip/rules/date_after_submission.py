"""S207: a completion or measurement date later than the day the report was sent."""

from zzip.i18n import N_

CODE = "S207"
NAME = "date-after-submission"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A completion or measurement date is after the report's submission date")
EXPLANATION = N_("""
## What it does
Checks that no entry's `completed` date and no indicator's `measured` date is later than the
file's `submitted` date.

## Why it matters
A report cannot know the future: such a date is a typing slip (2052 for 2025), or the report
claims work that was not yet done when it was sent.
The entry or value is not counted anywhere (progress, overdue, history) until the date is corrected.

## How to fix
Correct the date, or the submission date.
""")


def check(context):
    # the screening decides, once, that such an entry or value counts nowhere (zzip/admission.py)
    yield from context.rejections(CODE)
