"""C306: an indicator behind its trajectory or moving away from its target."""

from zzip.progress import BEHIND, DETERIORATING
from zzip.i18n import N_

CODE = "C306"
NAME = "indicator-behind"
SEVERITY = "error"
SCOPE = "compliance"
SUMMARY = N_("An indicator is behind its trajectory, or moving away from its target")
EXPLANATION = N_("""
## What it does
Compares the latest reported value of each indicator with the value its trajectory requires
by that date (docs/progress.md): from the baseline through any interim targets to the target
at its deadline. The progress ratio is graded with `[progress]` thresholds: below `at-risk`
(0.6) the indicator is behind; below `behind` (0) it is deteriorating. A target already met is
achieved whatever the ratio. `zzip progress --explain ID` shows every number.

## Why it matters
Behind at this point means the target will be missed unless the pace changes.

## How to fix
Nothing to fix in the files; the owning unit needs a plan to catch up. If the value is wrong,
correct it in the status file.
""")


def check(context):
    yield from context.indicator_problems((BEHIND, DETERIORATING))
