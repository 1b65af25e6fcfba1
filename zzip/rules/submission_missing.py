"""C304: a unit that answers for active work sent no report."""

from zzip.findings import Location, Problem
from zzip.responsibility import LEAD, RESPONSIBLE
from zzip.i18n import N_, _, message_date, ngettext
from zzip.labels import period_words

CODE = "C304"
NAME = "submission-missing"
SEVERITY = "error"
SCOPE = "compliance"
SUMMARY = N_("A unit with active work sent no status file for a quarter whose due date has passed")
EXPLANATION = N_("""
## What it does
For each quarter whose due date (the quarter's last day plus `due_days`, 15 by default, plus
any `grace-days`) has passed as of the check date, lists the units that answer for something
active in that quarter and sent no status file. By default every body named as lead or
co-operating unit counts (`[reporting] expect-reports-from = "named"`); with `"leads"`, only
lead units. Members of groups (the districts of 各区县(市)人民政府) may report but are not chased.

## Why it matters
A missing report is the first sign that a unit is behind.

## How to fix
The unit sends its report: `zzip template --unit UNIT --period QUARTER` writes one to fill in.
""")


def check(context):
    plan, duties = context.plan, context.responsibilities
    for quarter in context.due_quarters:
        for unit in duties.expected_reporters(quarter, context.config.expect_reports_from):
            if (unit, quarter) in context.by_unit_quarter:
                continue
            due = context.due_date(quarter)
            active = duties.active_duties(unit, quarter)
            leads = sum(1 for d in active if d.role == LEAD)
            responsible = sum(1 for d in active if d.role == RESPONSIBLE)
            cooperates = len(active) - leads - responsible
            if leads and responsible and cooperates:
                what = _("it leads %(leads)s, is responsible for %(responsible)s and co-operates on %(cooperates)s "
                         "active items", leads=leads, responsible=responsible, cooperates=cooperates)
            elif leads and responsible:
                what = _("it leads %(leads)s and is responsible for %(responsible)s active items", leads=leads,
                         responsible=responsible)
            elif leads and cooperates:
                what = _("it leads %(leads)s and co-operates on %(cooperates)s active items", leads=leads,
                         cooperates=cooperates)
            elif responsible and cooperates:
                what = _("it is responsible for %(responsible)s and co-operates on %(cooperates)s active items",
                         responsible=responsible, cooperates=cooperates)
            elif leads:
                what = ngettext("it leads %(num)s active item", "it leads %(num)s active items", leads)
            elif responsible:
                what = ngettext("it is responsible for %(num)s active item", "it is responsible for %(num)s active items",
                                responsible)
            else:
                what = ngettext("it co-operates on %(num)s active item", "it co-operates on %(num)s active items",
                                cooperates)
            missing = ngettext("no report from %(unit)s (%(id)s) for %(period)s, due %(due)s (%(num)s day ago)",
                               "no report from %(unit)s (%(id)s) for %(period)s, due %(due)s (%(num)s days ago)",
                               (context.as_of - due).days, unit=plan.unit_name(unit), id=unit, period=period_words(quarter),
                               due=message_date(due))
            yield Problem(Location(context.expected_file(unit, quarter)),
                          # TRANSLATORS: a missing report, then what the unit answers for in that quarter
                          _("%(missing)s; %(what)s", missing=missing, what=what),
                          unit=unit, extra={"period": str(quarter), "due": due.isoformat()})
