"""P104: one name standing for two units."""

from zzip.findings import Problem
from zzip.i18n import N_, _, pgettext

CODE = "P104"
NAME = "alias-collision"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A unit name or alias is also the name, alias or id of another unit")
EXPLANATION = N_("""
## What it does
Checks that every id, name and alias in units.yaml identifies exactly one unit.

## Why it matters
Status files, `zzip unit` and the templates accept a unit by any of its names. If 市仲裁办
named two units, a report could be filed under the wrong one.

## Example
```yaml
- id: arbitration
  name: 市仲裁办
- id: arbitration-commission
  name: 仲裁委
  aliases: [市仲裁办]    # P104: already the name of unit 'arbitration'
```

## How to fix
Remove the alias from one of the units, or merge the two units.
""")


def _spelling(what: str) -> str:
    """The word for how a unit is named: its id, name or an alias."""
    return {"id": pgettext("unit spelling", "id"), "name": pgettext("unit spelling", "name"),
            "alias": pgettext("unit spelling", "alias")}[what]


def check(context):
    owner: dict = {}
    for unit in context.plan.units.values():
        owner.setdefault(unit.id, (unit.id, "id"))
    for unit in context.plan.units.values():
        spellings = [(unit.name, unit.origin.at("name"), "name")]
        spellings += [(alias, unit.origin.at("aliases", i), "alias") for i, alias in enumerate(unit.aliases)]
        for text, location, what in spellings:
            holder = owner.get(text)
            if holder and holder[0] != unit.id:
                yield Problem(location, _("%(spelling)s '%(text)s' of unit '%(unit)s' is already the %(other_spelling)s "
                                          "of unit '%(other)s'", spelling=_spelling(what), text=text, unit=unit.id,
                                          other_spelling=_spelling(holder[1]), other=holder[0]))
            elif holder is None:
                owner[text] = (unit.id, what)
