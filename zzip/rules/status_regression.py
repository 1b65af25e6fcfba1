"""C310: work reported done, then not done, with no word of why."""

from zzip import labels
from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "C310"
NAME = "status-regression"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("An item reported done in one quarter is reported not done later, without a note")
EXPLANATION = N_("""
## What it does
Follows each unit's entries for an item quarter by quarter and reports an entry that is not
`done` after an earlier one that was, when the later entry has no `note`. A recurring task
(`recurs: yearly`, 每年) is compared within one occurrence only: done in 2023 and in progress in
2024 is the 2024 occurrence under way, not a regression.

## Why it matters
Either the earlier report was wrong or the work was reopened; the office needs to know which.

## How to fix
Add a `note` saying why the status went back, or correct the status.
""")


def check(context):
    submission_of = context.submission_of
    for (unit, item_id), entries in context.entry_histories():
        task = context.plan.tasks.get(item_id)
        recurs = task is not None and task.recurs
        was_done, occurrence = None, None  # was_done: the entry that said done
        for entry in entries:
            if recurs:  # a recurring task starts afresh each occurrence
                current = task.occurrence_of(submission_of(entry).period.last_day)
                if current != occurrence:
                    was_done, occurrence = None, current
            if entry.done:
                was_done = entry
            elif was_done is not None:
                sub = submission_of(entry)
                if not entry.note and context.in_scope(sub):
                    earlier = submission_of(was_done).period
                    yield Problem(entry.origin.at("status"),
                                  _("%(item)s was reported done in %(earlier)s but is '%(status)s' in %(period)s, "
                                    "with no note saying why", item=item_id, earlier=labels.period_words(earlier),
                                    status=labels.item_status(entry.status), period=labels.period_words(sub.period)),
                                  unit=unit, extra={"item": item_id})
                was_done = None
