"""S211: a done entry with no completion date, or a blocked entry with no blocker."""

from zzip.i18n import N_

CODE = "S211"
NAME = "incomplete-entry"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("An entry marked done has no completion date, or one marked blocked does not say what blocks it")
EXPLANATION = N_("""
## What it does
Reports an entry with `status: done` (已完成) and no `completed:` date, and one with
`status: blocked` (受阻) and no `blocker:`.

## Why it matters
Without a completion date nobody can tell whether a milestone was finished on time (C302);
without a blocker the office cannot help remove it.
The entry is not counted anywhere (progress, overdue, history) until it is complete: a `done` without a date does not clear an overdue milestone.

## Example
```yaml
- id: MS-3-2
  status: blocked          # S211: say what blocks it
  blocker: 基金出资方尚未确定
```

## How to fix
Add `completed: "YYYY-MM-DD"` to a done entry, `blocker:` to a blocked one.
""")


def check(context):
    # the screening decides, once, that such an entry or value counts nowhere (zzip/admission.py)
    yield from context.rejections(CODE)
