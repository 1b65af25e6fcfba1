"""C307: an indicator progressing, but too slowly."""

from zzip.findings import Problem
from zzip.progress import AT_RISK

CODE = "C307"
NAME = "indicator-at-risk"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = "An indicator is progressing, but slower than its trajectory requires"
EXPLANATION = """
## What it does
Like C306, but for a progress ratio between `[progress] at-risk` (0.6) and `on-track` (0.95):
the indicator moves toward its target, but too slowly (Open SDG: "moderate progress,
acceleration needed").

## How to fix
Nothing to fix in the files; the owning unit needs to speed up.
"""


def check(context):
    for indicator_id, result in context.assessments.items():
        if result.status == AT_RISK:
            indicator = result.indicator
            yield Problem(context.value_location(indicator_id),
                          f"{indicator.name} ({indicator_id}) is at risk: {result.reason}; target "
                          f"{indicator.target.describe(indicator.unit)}",
                          unit=indicator.owner, extra={"indicator": indicator_id, "status": result.status,
                                                       "ratio": result.ratio})
