"""P124: an assessment scheme whose bands or bounds cannot grade every score."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P124"
NAME = "assessment-scheme-invalid"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("The assessment scheme's bands overlap or leave scores without a band, or its floor is not below its base")
EXPLANATION = N_("""
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
""")


def check(context):
    scheme = context.plan.assessment
    if scheme is None:
        return
    doc = scheme.origin.doc
    if scheme.floor >= scheme.base:
        yield Problem(doc.locate(("floor",)), _("the floor (%(floor)s) must be below the base score (%(base)s)",
                                                floor=scheme.floor, base=scheme.base))
    names: dict[str, int] = {}
    starts: dict = {}
    for index, band in enumerate(scheme.bands):
        where = doc.locate(("bands", index))
        if band.name in names:
            yield Problem(where, _("band '%(band)s' is defined twice (bands %(first)s and %(second)s)",
                                   band=band.name, first=names[band.name] + 1, second=index + 1))
        if band.min in starts:
            yield Problem(where, _("bands '%(first)s' and '%(second)s' both start at %(score)s",
                                   first=starts[band.min], second=band.name, score=band.min))
        if band.min > scheme.base:
            yield Problem(where, _("band '%(band)s' starts at %(score)s, above the base score %(base)s: no unit can "
                                   "reach it", band=band.name, score=band.min, base=scheme.base))
        names.setdefault(band.name, index)
        starts.setdefault(band.min, band.name)
    lowest = min(scheme.bands, key=lambda b: b.min)
    if lowest.min > scheme.floor:
        yield Problem(doc.locate(("bands",)), _("no band covers scores from %(floor)s to below %(score)s: let the "
                                                "lowest band ('%(band)s') start at %(floor)s",
                                                floor=scheme.floor, score=lowest.min, band=lowest.name))
