"""S208: a status file whose folder or name disagrees with its content."""

import os

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "S208"
NAME = "folder-mismatch"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A status file's folder is not its quarter, or its name is not its unit")
EXPLANATION = N_("""
## What it does
Status files live at `reports/<quarter>/<unit-id>.yaml`. This rule reports a file whose
folder names another quarter than its `period`, a file outside any quarter folder, and a file
whose name is not its `unit`.

## Why it matters
People find reports by folder and name; a 2025-Q2 report filed under 2025-Q1 makes one
quarter look complete and the other look missing.

## How to fix
Move or rename the file, or correct `period` / `unit` inside it.
""")


def check(context):
    for sub in context.submissions:
        if not context.in_scope(sub):
            continue
        if sub.folder_period is None:
            yield Problem(sub.origin.at("period"),
                          _("file is not in a quarter folder; move it to %(folder)s",
                            folder=f"{context.display_root.rstrip('/')}/{sub.period}/"),
                          unit=sub.unit)
        elif sub.folder_period != sub.period:
            yield Problem(sub.origin.at("period"),
                          _("period %(period)s disagrees with the folder %(folder)s the file is in",
                            period=sub.period, folder=sub.folder_period),
                          unit=sub.unit)
        if sub.file_stem != sub.unit:
            yield Problem(sub.origin.at("unit"),
                          _("file is named '%(stem)s' but reports for unit '%(unit)s'; name it %(name)s",
                            stem=sub.file_stem, unit=sub.unit,
                            name=f"{sub.unit}{os.path.splitext(sub.path)[1] or '.yaml'}"),
                          unit=sub.unit)
