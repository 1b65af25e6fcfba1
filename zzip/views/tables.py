"""A view's tables, printed as rich tables, CSV or markdown by one piece of code.

On a console of any width every row keeps its name: columns of ids, numbers, dates and
statuses are never wrapped or cut (no_wrap), names and text wrap (fold) instead of being cut,
decorations (a bar, a trend) are left out first when the console is too narrow, and a table
that still does not fit is printed row by row, one "heading: value" line each."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    justify: str = "left"
    no_wrap: bool = False  # an id, a number, a date, a status: shown whole on one line
    optional: bool = False  # a decoration (a bar, a trend): the first to go on a narrow console
    min_width: int = 8  # for a column that wraps: the fewest cells it is squeezed to


@dataclass
class ViewTable:
    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    styles: list[str | None] = field(default_factory=list)  # one per row, for the terminal
    empty: str = ""  # what is said when there are no rows ("nothing to show" when not given)

    def add(self, row: dict, style: str | None = None) -> None:
        self.rows.append(row)
        self.styles.append(style)


def print_tables(console, tables: list[ViewTable], heading: str | None = None, footer: str | None = None,
                 ascii_only: bool | None = None) -> None:
    from rich.text import Text

    from zzip.display import use_ascii
    from zzip.i18n import _

    if ascii_only is None:
        ascii_only = use_ascii(console.file)
    if heading:
        console.print(Text(_lines(heading), style="bold"))
    for view in tables:
        if not view.rows:
            console.print(Text(_("%(title)s: %(empty)s", title=_plain(view.title),
                                 empty=view.empty or _("nothing to show.")), style="bold"))
            continue
        print_table(console, view, ascii_only)
    if footer:
        console.print(Text(_lines(footer), style="bold"))


def print_table(console, view: ViewTable, ascii_only: bool = False) -> None:
    """One table at the console's width: whole when it fits, without its decorations when they
    are what does not fit, else as a list of rows."""
    columns = list(view.columns)
    fold = needed_width(view, columns) > console.width  # headers of narrow columns on two lines or more
    while needed_width(view, columns, fold) > console.width and any(c.optional for c in columns):
        columns.remove([c for c in columns if c.optional][-1])
    if needed_width(view, columns, fold) <= console.width:
        console.print(rich_table(view, columns, ascii_only, fold))
    else:
        print_rows(console, view)


def rich_table(view: ViewTable, columns: list[Column], ascii_only: bool = False, fold: bool = False):
    from rich import box
    from rich.table import Table

    table = Table(title=_plain(view.title), title_justify="left", title_style="bold",
                  box=box.ASCII if ascii_only else box.HEAVY_HEAD)
    for column in columns:
        header = _plain(column.header)
        if fold and column.no_wrap:
            header = fold_header(header, _widest(view, column, header=False))
        table.add_column(header, justify=column.justify, no_wrap=column.no_wrap, overflow="fold",
                         min_width=None if column.no_wrap else least_width(view, column))
    for row, style in zip(view.rows, view.styles):
        table.add_row(*(_text(row.get(c.key)) for c in columns), style=style)
    return table


def needed_width(view: ViewTable, columns: list[Column], fold: bool = False) -> int:
    """The fewest console cells the table needs with nothing cut: whole no-wrap columns (their
    header whole, or folded when `fold`), the others at their least width, and the borders and
    padding (3 a column, 1 more)."""
    from rich.cells import cell_len

    total = 1
    for column in columns:
        if column.no_wrap:
            header, cells = _plain(column.header), _widest(view, column, header=False)
            if fold:
                header = fold_header(header, cells)
            total += 3 + max([cells] + [cell_len(line) for line in header.split("\n")])
        else:
            total += 3 + least_width(view, column)
    return total


def least_width(view: ViewTable, column: Column) -> int:
    """A wrapping column's least width: its min_width, and never less than its longest word of
    plain characters up to 16 (a date, a number, a code: those are never broken), nor more
    than its widest cell."""
    plain = [len(word) for row in view.rows for word in _plain(row.get(column.key)).split()
             if word.isascii() and len(word) <= 16]
    return min(max([column.min_width] + plain), _widest(view, column))


def fold_header(header: str, width: int) -> str:
    """A column heading on as many lines as it takes to be about `width` cells wide: at spaces,
    never inside a word; Chinese every two characters or more, never when three or fewer."""
    import textwrap

    from rich.cells import cell_len

    if " " in header or header.isascii():
        longest = max(cell_len(word) for word in header.split()) if header.split() else 1
        return "\n".join(textwrap.wrap(header, width=max(width, longest), break_long_words=False)) or header
    if cell_len(header) <= 6:
        return header
    width = max(width, 4)
    lines, line = [], ""
    for char in header:
        if line and cell_len(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return "\n".join(lines + [line])


def _widest(view: ViewTable, column: Column, header: bool = True) -> int:
    from rich.cells import cell_len

    cells = [_plain(row.get(column.key)) or "-" for row in view.rows]
    header_words = (_plain(column.header).split() or [""]) if header else [""]
    return max([cell_len(line) for cell in cells for line in cell.split("\n")] +
               [cell_len(word) for word in header_words] + [1])


def print_rows(console, view: ViewTable) -> None:
    """A table too wide for the console, row by row: the first column's value, then one
    "heading: value" line for each other column; the console wraps long lines."""
    from rich.text import Text

    from zzip.i18n import _

    console.print(Text(_plain(view.title), style="bold"))
    first, rest = view.columns[0], view.columns[1:]
    for row, style in zip(view.rows, view.styles):
        line = Text("* ", style=style or "")
        line.append(_plain(row.get(first.key)) or "-", style="bold")
        console.print(line, overflow="fold", soft_wrap=False)
        values = [(_plain(column.header), _plain(row.get(column.key))) for column in rest]
        shown = _("; ").join(_("%(heading)s: %(value)s", heading=h, value=v) for h, v in values if v and v != "-")
        if shown:
            console.print(Text(f"    {shown}", style=style or ""), overflow="fold", soft_wrap=False)


def csv_text(tables: list[ViewTable]) -> str:
    """All tables in one sheet, the first column naming the table. The header row holds the
    columns' keys (stable in every language: scripts read them); the cells are as shown."""
    from zzip.output.csv_format import _table

    keys: list[str] = []
    for view in tables:
        keys += [c.key for c in view.columns if c.key not in keys]
    rows = [{"table": _plain(view.title), **{k: _plain(row.get(k)) for k in keys}} for view in tables for row in view.rows]
    return _table(("table", *keys), rows)


def markdown_text(tables: list[ViewTable], heading: str, footer: str | None = None) -> str:
    from zzip.i18n import _
    from zzip.output.markdown import one_line, table

    lines = [f"# {one_line(_lines(heading))}", ""]
    for view in tables:
        lines.append(f"## {one_line(_plain(view.title))}")
        lines.append("")
        if view.rows:
            lines += table(tuple(one_line(_plain(c.header)) for c in view.columns),
                           [tuple(_plain(row.get(c.key)) for c in view.columns) for row in view.rows])
        else:
            lines.append(one_line(view.empty or _("nothing to show.")))
        lines.append("")
    if footer:
        lines += [one_line(line) for line in _lines(footer).split("\n")] + [""]
    return "\n".join(lines)


def _lines(text: str) -> str:
    """A heading or footer, which may hold plan names: escaped, line by line."""
    from zzip.findings import printable

    return "\n".join(printable(line) for line in text.split("\n"))


def _plain(value) -> str:
    from zzip.findings import printable

    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return printable("、".join(str(v) for v in value))
    return printable(str(value))


def _text(value):
    from rich.text import Text

    return Text(_plain(value) or "-")  # Text, not str: "[court]" in a cell is data, not rich markup
