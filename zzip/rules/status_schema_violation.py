"""S201: a status file that does not follow the status format."""

from zzip.findings import Problem
from zzip.i18n import N_

CODE = "S201"
NAME = "status-schema-violation"
SEVERITY = "error"
SCOPE = "submission"
SUMMARY = N_("A status file breaks the status format (a missing key, a wrong value, a misspelt key)")
EXPLANATION = N_("""
## What it does
Checks each status file against the status schema (`zzip schema status`): required keys, the
status words (not-started/未开始, in-progress/进行中, done/已完成, blocked/受阻), percent from 0
to 100, real calendar dates, a quarter written 2025-Q2, a blocker for blocked work and a
completion date for done work.

In a workbook (.xlsx) it reports the cell (`court.xlsx!任务进展!H12`): a date or number typed as
text ("2025.3.31", "2025年3月31日", "1,234", "1.2万", full-width digits), a status outside the
drop-down, a formula that was never calculated, a hidden row, an empty 报送日期, and a column or
sheet that is not the template's (its contents are not read).

## Why it matters
An entry that breaks the format is left out of the compliance checks: the work it reports
will look unreported.

## Example
```yaml
entries:
  - id: KT-1-1
    status: finished      # S201: expected one of not-started, in-progress, done, blocked, ...
```

## How to fix
Follow the message; `docs/status-format.md` describes every key and every workbook column, and
`zzip template` (`--format xlsx` for a workbook) writes a correct file to start from.
""")


def check(context):
    for problem in context.schema_problems:
        yield Problem(problem.location, problem.message)
