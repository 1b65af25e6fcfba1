"""C307: an indicator progressing, but too slowly."""

from zzip.progress import AT_RISK
from zzip.i18n import N_

CODE = "C307"
NAME = "indicator-at-risk"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("An indicator is progressing, but slower than its trajectory requires")
EXPLANATION = N_("""
## What it does
Like C306, but for a progress ratio between `[progress] at-risk` (0.6) and `on-track` (0.95):
the indicator moves toward its target, but too slowly (Open SDG: "moderate progress,
acceleration needed").

## How to fix
Nothing to fix in the files; the owning unit needs to speed up.
""")


def check(context):
    yield from context.indicator_problems((AT_RISK,))
