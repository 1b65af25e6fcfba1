"""C308: an indicator whose progress cannot be measured."""

from zzip.progress import NO_DATA
from zzip.i18n import N_

CODE = "C308"
NAME = "indicator-no-data"
SEVERITY = "info"
SCOPE = "compliance"
SUMMARY = N_("An indicator's progress cannot be measured, and the reason why")
EXPLANATION = N_("""
## What it does
Reports each indicator for which no progress status can be computed, always with the reason:
nothing reported yet; no baseline (the plan gives none and only one value was reported); fewer
than two points in time; a zero base (compound growth is undefined); or a trajectory that asks
for no change yet.

## How to fix
The owning unit reports a value with its measurement date; or the plan gives a baseline.
""")


def check(context):
    yield from context.indicator_problems((NO_DATA,))
