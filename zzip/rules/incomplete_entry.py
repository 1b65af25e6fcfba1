"""S211: a done entry with no completion date, or a blocked entry with no blocker."""

from zzip.findings import Problem

CODE = "S211"
NAME = "incomplete-entry"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = "An entry marked done has no completion date, or one marked blocked does not say what blocks it"
EXPLANATION = """
## What it does
Reports an entry with `status: done` (已完成) and no `completed:` date, and one with
`status: blocked` (受阻) and no `blocker:`.

## Why it matters
Without a completion date nobody can tell whether a milestone was finished on time (C302);
without a blocker the office cannot help remove it.

## Example
```yaml
- id: MS-3-2
  status: blocked          # S211: say what blocks it
  blocker: 基金出资方尚未确定
```

## How to fix
Add `completed: "YYYY-MM-DD"` to a done entry, `blocker:` to a blocked one.
"""


def check(context):
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        for entry in sub.entries:
            if entry.status == "done" and entry.completed is None:
                yield Problem(entry.origin.at("status"),
                              f"{entry.id} is marked done but has no completion date; add completed: \"YYYY-MM-DD\"",
                              unit=sub.unit)
            elif entry.status == "blocked" and not entry.blocker:
                yield Problem(entry.origin.at("status"),
                              f"{entry.id} is marked blocked but does not say what blocks it; add blocker:",
                              unit=sub.unit)
