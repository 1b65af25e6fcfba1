"""A view's tables, printed as rich tables, CSV or markdown by one piece of code.

On a console of any width every row keeps its name: columns of ids, numbers, dates and
statuses are never wrapped or cut (no_wrap), names and text wrap instead of being cut, and never
inside an id, a date, a period or a number (zzip.views.wrap). When the console is too narrow the
narrow columns' headings go on two lines, then decorations (a bar, a trend; never a count) are
left out, then an id column goes under the name it belongs to, and a table that still does not
fit is printed row by row: the row's name, then its "heading: value" pairs wrapped."""

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
    under: str | None = None  # an id column: the key of the name column it goes under when space is short
    names_row: bool = False  # part of the row's name in the row-by-row layout (else the first column is)


class Stacked(tuple):
    """A cell of printable lines, one under the other (an id under its name)."""


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
        print_prose(console, _lines(heading), "bold")
    for view in tables:
        if not view.rows:
            print_prose(console, _("%(title)s: %(empty)s", title=_plain(view.title),
                                   empty=view.empty or _("nothing to show.")), "bold")
            continue
        print_table(console, view, ascii_only)
    if footer:
        print_prose(console, _lines(footer), "bold")


def print_prose(console, text: str, style: str | None = None, indent: str = "") -> None:
    """A heading, a summary or a verdict, escaped (zzip.findings.printable) and wrapped at the console's width even
    where the console does not wrap (a pipe: soft_wrap), never inside an id, a date or a number;
    a console as wide as it likes (no COLUMNS in a pipe) prints it whole."""
    from rich.text import Text

    from zzip.views.wrap import wrap

    for line in wrap(_lines(text), console.width - len(indent)):
        console.print(Text(indent + line, style=style or ""), overflow="fold", soft_wrap=True)


def print_table(console, view: ViewTable, ascii_only: bool = False) -> None:
    """One table at the console's width: whole when it fits, without its decorations when they
    are what does not fit, with an id under its name, else as a list of rows."""
    columns = list(view.columns)
    fold = needed_width(view, columns) > console.width  # headers of narrow columns on two lines or more
    while needed_width(view, columns, fold) > console.width and any(c.optional for c in columns):
        columns.remove([c for c in columns if c.optional][-1])
    shown = view
    if needed_width(view, columns, fold) > console.width and any(c.under for c in columns):
        shown, columns = ids_under_names(view, columns)
    if needed_width(shown, columns, fold) <= console.width:
        console.print(rich_table(shown, columns, ascii_only, fold, console.width))
    else:
        print_rows(console, view)


def ids_under_names(view: ViewTable, columns: list[Column]) -> tuple[ViewTable, list[Column]]:
    """The table with each id column's cells on a line of their own under the name they belong to."""
    moved = {c.key: c.under for c in columns if c.under and any(n.key == c.under for n in columns)}
    rows = []
    for row in view.rows:
        row = dict(row)
        for key, name in moved.items():
            row[name] = Stacked(filter(None, (_plain(row.get(name)), _plain(row.get(key)))))
        rows.append(row)
    folded = ViewTable(view.title, [c for c in view.columns if c.key not in moved], rows, view.styles, view.empty)
    return folded, [c for c in columns if c.key not in moved]


def rich_table(view: ViewTable, columns: list[Column], ascii_only: bool = False, fold: bool = False,
               width: int | None = None):
    from rich import box
    from rich.table import Table

    from zzip.views.wrap import WrappedText

    table = Table(title=WrappedText(_plain(view.title)), title_justify="left", title_style="bold",
                  box=box.ASCII if ascii_only else box.HEAVY_HEAD)
    widths = column_widths(view, columns, fold, width) if width else {}
    for column in columns:
        header = _plain(column.header)
        if fold and column.no_wrap:
            header = fold_header(header, _widest(view, column, header=False))
        table.add_column(WrappedText(header), justify=column.justify, no_wrap=column.no_wrap, overflow="fold",
                         min_width=None if column.no_wrap else least_width(view, column),
                         width=widths.get(column.key))
    for row, style in zip(view.rows, view.styles):
        table.add_row(*(_text(row.get(c.key)) for c in columns), style=style)
    return table


def column_widths(view: ViewTable, columns: list[Column], fold: bool, width: int) -> dict[str, int]:
    """When the table is wider than the console: each wrapping column's width, from its least
    width up, the room left shared by how much more each would take (rich's own sharing may
    squeeze a column below the piece it must not break)."""
    from rich.cells import cell_len

    if sum(3 + _widest(view, c) for c in columns) + 1 <= width:
        return {}
    flexible = [c for c in columns if not c.no_wrap]
    least = {c.key: least_width(view, c) for c in flexible}
    more = {c.key: max(_widest(view, c) - least[c.key], 0) for c in flexible}
    spare = max(width - needed_width(view, columns, fold), 0)
    total = sum(more.values()) or 1
    widths = {key: least[key] + min(more[key], spare * more[key] // total) for key in least}
    left = spare - sum(widths[key] - least[key] for key in least)
    for key in sorted(more, key=lambda k: more[k] - (widths[k] - least[k]), reverse=True):
        step = min(left, least[key] + more[key] - widths[key])
        widths[key] += step
        left -= step
    return widths


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
    """A wrapping column's least width: its min_width, and never less than its widest piece that
    is never broken (a date, a number, an id: zzip.views.wrap) up to 44 cells, nor more than its
    widest cell."""
    from zzip.views.wrap import least_cells

    pieces = [least_cells(line) for row in view.rows for line in _plain(row.get(column.key)).split("\n")]
    words = [len(word) for word in _plain(column.header).split() if word.isascii()]  # "Co-operating" whole
    return min(max([column.min_width] + pieces + words), _widest(view, column))


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
    """A table too wide for the console, row by row: the row's name (its names_row columns, else
    its first column) in bold, then its other columns as "heading: value" pairs, wrapped at the
    console's width without breaking an id, a date or a number."""
    from rich.text import Text

    from zzip.i18n import _
    from zzip.views.wrap import wrap

    print_prose(console, _plain(view.title), "bold")
    naming = [c for c in view.columns if c.names_row] or view.columns[:1]
    rest = [c for c in view.columns if c not in naming]
    for row, style in zip(view.rows, view.styles):
        names = [_plain(row.get(c.key)) for c in naming if _plain(row.get(c.key))]
        title = _("%(name)s (%(id)s)", name=names[0], id=names[1]) if len(names) == 2 else " ".join(names)
        for index, line in enumerate(wrap(title or "-", console.width - 2)):
            console.print(Text("* " if index == 0 else "  ", style=style or "") + Text(line, style="bold"),
                          overflow="fold", soft_wrap=True)
        values = [(_plain(column.header), _plain(row.get(column.key))) for column in rest]
        shown = _("; ").join(_("%(heading)s: %(value)s", heading=h, value=v.replace("\n", " "))
                             for h, v in values if v and v != "-")
        for line in wrap(shown, console.width - 4) if shown else []:
            console.print(Text(f"    {line}", style=style or ""), overflow="fold", soft_wrap=True)


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
    if isinstance(value, Stacked):
        return "\n".join(value)  # its parts are printable already
    if isinstance(value, (list, tuple)):
        return printable("、".join(str(v) for v in value))
    return printable(str(value))


def _text(value):
    from zzip.views.wrap import WrappedText

    return WrappedText(_plain(value) or "-")  # Text, not str: "[court]" in a cell is data, not rich markup
