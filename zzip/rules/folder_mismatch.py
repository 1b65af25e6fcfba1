"""S208: a status file whose folder or name disagrees with its content."""

import os

from zzip.findings import Problem

CODE = "S208"
NAME = "folder-mismatch"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = "A status file's folder is not its quarter, or its name is not its unit"
EXPLANATION = """
## What it does
Status files live at `reports/<quarter>/<unit-id>.yaml`. This rule reports a file whose
folder names another quarter than its `period`, a file outside any quarter folder, and a file
whose name is not its `unit`.

## Why it matters
People find reports by folder and name; a 2025-Q2 report filed under 2025-Q1 makes one
quarter look complete and the other look missing.

## How to fix
Move or rename the file, or correct `period` / `unit` inside it.
"""


def check(context):
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        if sub.folder_period is None:
            yield Problem(sub.origin.at("period"),
                          f"file is not in a quarter folder; move it to {context.display_root.rstrip('/')}/{sub.period}/",
                          unit=sub.unit)
        elif sub.folder_period != sub.period:
            yield Problem(sub.origin.at("period"),
                          f"period {sub.period} disagrees with the folder {sub.folder_period} the file is in",
                          unit=sub.unit)
        if sub.file_stem != sub.unit:
            yield Problem(sub.origin.at("unit"),
                          f"file is named '{sub.file_stem}' but reports for unit '{sub.unit}'; name it "
                          f"{sub.unit}{os.path.splitext(sub.path)[1] or '.yaml'}",
                          unit=sub.unit)
