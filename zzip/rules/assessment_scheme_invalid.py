"""P124: an assessment scheme whose bands or bounds cannot grade every score."""

from zzip.findings import Problem

CODE = "P124"
NAME = "assessment-scheme-invalid"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = "The assessment scheme's bands overlap or leave scores without a band, or its floor is not below its base"
EXPLANATION = """
## What it does
Checks plan/assessment.yaml beyond its schema: band names are distinct, no two bands start at
the same score, the lowest band starts at or below the floor (so that every possible score
has a band), no band starts above the base score (it could never be reached), and the floor is
below the base. See docs/assessment.md.

## Why it matters
A score with no band, or two bands for one score, makes the 督导通报 (五(三)) unreadable; a
mistyped threshold silently moves units from 好 to 较好.

## Example
```yaml
bands:
  - {name: 好, min: 90}
  - {name: 较好, min: 90}   # P124: two bands start at 90
```

## How to fix
Give each band its own lower bound, highest first, the last at 0 (or at `floor`).
"""


def check(context):
    scheme = context.plan.assessment
    if scheme is None:
        return
    doc = scheme.origin.doc
    if scheme.floor >= scheme.base:
        yield Problem(doc.locate(("floor",)), f"the floor ({scheme.floor}) must be below the base score ({scheme.base})")
    names: dict[str, int] = {}
    starts: dict = {}
    for index, band in enumerate(scheme.bands):
        where = doc.locate(("bands", index))
        if band.name in names:
            yield Problem(where, f"band '{band.name}' is defined twice (bands {names[band.name] + 1} and {index + 1})")
        if band.min in starts:
            yield Problem(where, f"bands '{starts[band.min]}' and '{band.name}' both start at {band.min}")
        if band.min > scheme.base:
            yield Problem(where, f"band '{band.name}' starts at {band.min}, above the base score {scheme.base}: "
                                 "no unit can reach it")
        names.setdefault(band.name, index)
        starts.setdefault(band.min, band.name)
    lowest = min(scheme.bands, key=lambda b: b.min)
    if lowest.min > scheme.floor:
        yield Problem(doc.locate(("bands",)), f"no band covers scores from {scheme.floor} to below {lowest.min}: "
                                              f"let the lowest band ('{lowest.name}') start at {scheme.floor}")
