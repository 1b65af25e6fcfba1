"""P101: a plan file that does not follow the plan format."""

from zzip.findings import Problem
from zzip.i18n import N_

CODE = "P101"
NAME = "plan-schema-violation"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A plan file breaks the plan format (a missing key, a wrong type, a misspelt key)")
EXPLANATION = N_("""
## What it does
Checks each plan file against its JSON Schema (`zzip schema plan`, `zzip schema tasks`, ...):
required keys, value types, allowed values, and the spelling of every key. Dates must be real
calendar dates, and every month, date and quarter must fall in the years 1949 to 2100.

## Why it matters
An item that breaks the format is left out of the checks that follow, so the rest of the
plan can still be checked.

## Example
```yaml
- id: KT-1-1
  leed: [market-regulation]   # unknown key 'leed'; did you mean 'lead'?
  end: "9999-12"              # end: 9999-12 is outside the years a plan can cover (1949 to 2100)
```

## How to fix
Follow the message; `docs/plan-format.md` describes every key. Add the
`# yaml-language-server: $schema=...` line to get completion in your editor.
""")


def check(context):
    for problem in context.schema_problems:
        yield Problem(problem.location, problem.message)
