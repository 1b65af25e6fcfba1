"""S209: a value that cannot be right."""

from zzip.i18n import N_

CODE = "S209"
NAME = "implausible-value"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A negative count, a percentage over 100, or a percent complete that contradicts the status")
EXPLANATION = N_("""
## What it does
Reports an indicator value that is not a finite number or is beyond 10^15 in magnitude, a value below zero for a count (件, 家, 人 ...), a value over 100 for an
indicator measured in %, a `done` entry with `percent` below 100, and a `not-started` entry
with `percent` above 0.

## Why it matters
Such numbers are typing slips, and they distort the progress of the indicator or the picture
of the work.
The value or entry is not counted anywhere (progress, overdue, history) until it is corrected.

## How to fix
Correct the number or the status.
""")


def check(context):
    # the screening decides, once, that such an entry or value counts nowhere (zzip/admission.py)
    yield from context.rejections(CODE)
