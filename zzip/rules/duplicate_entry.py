"""S206: the same item reported twice, or two reports from one unit for one quarter."""

from zzip.findings import Problem

CODE = "S206"
NAME = "duplicate-entry"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = "An item is reported twice in one file, or a unit sent two files for one quarter"
EXPLANATION = """
## What it does
Reports an entry id or indicator (with the same measurement date) that appears twice in one
status file, and a second status file from the same unit for the same quarter.

## Why it matters
With two answers, zzip cannot know which one the unit means. Two entries (or values) in one
file: neither counts. Two files: zzip uses the one filed where it belongs (its quarter's
folder, named after the unit) before a misfiled one (S208), and of two such the one submitted
later; the message names the file it uses.

## How to fix
Merge the two entries (or files) into one.
"""


def check(context):
    seen_files = {}
    for sub in sorted(context.submissions, key=lambda s: (s.submitted, s.path)):
        if not context.in_scope(sub):
            continue
        key = (sub.unit, sub.period)
        if key in seen_files:
            used = context.by_unit_quarter.get(key)
            which = f"zzip uses {used.path}" if used is not None else "neither counts in this check"
            yield Problem(sub.origin.at("unit"),
                          f"second report from {sub.unit} for {sub.period} (the other is {seen_files[key]}); {which}",
                          unit=sub.unit)
        else:
            seen_files[key] = sub.path
        first_entry = {}
        for entry in sub.entries:
            if entry.id in first_entry:  # lines are looked up only for a duplicate: most files have none
                yield Problem(entry.origin.at("id"), f"{entry.id} is reported twice in this file "
                                                     f"(first at {first_entry[entry.id].origin.at('id').place})",
                              unit=sub.unit)
            else:
                first_entry[entry.id] = entry
        first_value = {}
        for value in sub.indicators:
            key = (value.id, value.measured)
            if key in first_value:
                yield Problem(value.origin.at("id"),
                              f"{value.id} measured on {value.measured.isoformat()} is reported twice in this file "
                              f"(first at {first_value[key].origin.at('id').place})", unit=sub.unit)
            else:
                first_value[key] = value
