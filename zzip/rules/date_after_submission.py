"""S207: a completion or measurement date later than the day the report was sent."""

from zzip.findings import Problem

CODE = "S207"
NAME = "date-after-submission"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = "A completion or measurement date is after the report's submission date"
EXPLANATION = """
## What it does
Checks that no entry's `completed` date and no indicator's `measured` date is later than the
file's `submitted` date.

## Why it matters
A report cannot know the future: such a date is a typing slip (2052 for 2025), or the report
claims work that was not yet done when it was sent.

## How to fix
Correct the date, or the submission date.
"""


def check(context):
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        for entry in sub.entries:
            if entry.completed and entry.completed > sub.submitted:
                yield Problem(entry.origin.at("completed"),
                              f"{entry.id} completed {entry.completed.isoformat()}, after the report was submitted "
                              f"({sub.submitted.isoformat()})", unit=sub.unit)
        for value in sub.indicators:
            if value.measured > sub.submitted:
                yield Problem(value.origin.at("measured"),
                              f"{value.id} measured {value.measured.isoformat()}, after the report was submitted "
                              f"({sub.submitted.isoformat()})", unit=sub.unit)
