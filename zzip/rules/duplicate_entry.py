"""S206: the same item reported twice, or two reports from one unit for one quarter."""

from zzip.findings import Problem
from zzip.i18n import N_, _, message_date
from zzip.labels import period_words

CODE = "S206"
NAME = "duplicate-entry"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("An item is reported twice in one file, or a unit sent two files for one quarter")
EXPLANATION = N_("""
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
""")


def check(context):
    seen_files = {}
    for sub in sorted(context.submissions, key=lambda s: (s.submitted, s.path)):
        if not context.in_scope(sub):
            continue
        key = (sub.unit, sub.period)
        if key in seen_files:
            used = context.by_unit_quarter.get(key)
            if used is not None:
                message = _("second report from %(unit)s for %(period)s (the other is %(other)s); zzip uses %(used)s",
                            unit=context.plan.unit_name(sub.unit), period=period_words(sub.period), other=seen_files[key],
                            used=used.path)
            else:
                message = _("second report from %(unit)s for %(period)s (the other is %(other)s); neither counts in "
                            "this check", unit=context.plan.unit_name(sub.unit), period=period_words(sub.period),
                            other=seen_files[key])
            yield Problem(sub.origin.at("unit"), message, unit=sub.unit)
        else:
            seen_files[key] = sub.path
        entries, values = sub.entries, sub.indicators
        if len({entry.id for entry in entries}) == len(entries) and \
                len({(value.id, value.measured) for value in values}) == len(values):
            continue  # no id twice (most files): nothing more to look at
        first_entry = {}
        for entry in sub.entries:
            if entry.id in first_entry:  # lines are looked up only for a duplicate: most files have none
                yield Problem(entry.origin.at("id"),
                              _("%(item)s is reported twice in this file (first at %(place)s)", item=entry.id,
                                place=first_entry[entry.id].origin.at("id").place), unit=sub.unit)
            else:
                first_entry[entry.id] = entry
        first_value = {}
        for value in sub.indicators:
            key = (value.id, value.measured)
            if key in first_value:
                yield Problem(value.origin.at("id"),
                              _("%(id)s measured on %(measured)s is reported twice in this file (first at %(place)s)",
                                id=value.id, measured=message_date(value.measured),
                                place=first_value[key].origin.at("id").place), unit=sub.unit)
            else:
                first_value[key] = value
