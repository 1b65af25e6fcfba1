"""P108: a numeric target with no unit of measure."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P108"
NAME = "target-without-unit"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("An indicator's target has no unit of measure")
EXPLANATION = N_("""
## What it does
Reports an indicator without `unit` (件, 万件, 家, 个, 人, %, 亿元, 分...).

## Why it matters
"70" means nothing without 万件; a unit reporting 700000 against a target of 70 would look
10,000 times ahead. The unit also tells reporting offices what to send.

## How to fix
Copy the unit of measure from the seed text, exactly as written: `unit: 万件`.
""")


def check(context):
    for indicator in context.plan.indicators.values():
        if not (indicator.unit or "").strip():
            yield Problem(indicator.origin.at("id"),
                          _("indicator %(id)s (%(name)s) has no unit of measure; add unit: (e.g. 件, 家, %%)",
                            id=indicator.id, name=indicator.name))
