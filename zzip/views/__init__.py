"""Terminal views between quarters (overdue, progress, unit, diff): each builds tables from
the same data `zzip check` uses, and `tables.render` prints them in the chosen format."""
