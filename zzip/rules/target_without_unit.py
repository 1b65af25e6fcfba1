"""P108: a numeric target with no unit of measure."""

from zzip.findings import Problem

CODE = "P108"
NAME = "target-without-unit"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = "An indicator's target has no unit of measure"
EXPLANATION = """
## What it does
Reports an indicator without `unit` (件, 万件, 家, 个, 人, %, 亿元, 分...).

## Why it matters
"70" means nothing without 万件; a unit reporting 700000 against a target of 70 would look
10,000 times ahead. The unit also tells reporting offices what to send.

## How to fix
Copy the unit of measure from the seed text, exactly as written: `unit: 万件`.
"""


def check(context):
    for indicator in context.plan.indicators.values():
        if not (indicator.unit or "").strip():
            yield Problem(indicator.origin.at("id"),
                          f"indicator {indicator.id} ({indicator.name}) has no unit of measure; add unit: (e.g. 件, 家, %)")
