"""A view's tables, printed as rich tables, CSV or markdown by one piece of code."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    justify: str = "left"
    no_wrap: bool = False


@dataclass
class ViewTable:
    title: str
    columns: list[Column]
    rows: list[dict] = field(default_factory=list)
    styles: list[str | None] = field(default_factory=list)  # one per row, for the terminal
    empty: str = "Nothing to show."

    def add(self, row: dict, style: str | None = None) -> None:
        self.rows.append(row)
        self.styles.append(style)


def print_tables(console, tables: list[ViewTable], heading: str | None = None, footer: str | None = None) -> None:
    from rich.table import Table
    from rich.text import Text

    if heading:
        console.print(Text(_lines(heading), style="bold"))
    for view in tables:
        if not view.rows:
            console.print(Text(f"{view.title}: {view.empty}", style="bold"))
            continue
        table = Table(title=view.title, title_justify="left", title_style="bold")
        for column in view.columns:
            table.add_column(column.header, justify=column.justify, no_wrap=column.no_wrap)
        for row, style in zip(view.rows, view.styles):
            table.add_row(*(_text(row.get(c.key)) for c in view.columns), style=style)
        console.print(table)
    if footer:
        console.print(Text(_lines(footer), style="bold"))


def csv_text(tables: list[ViewTable]) -> str:
    """All tables in one sheet, the first column naming the table."""
    from zzip.output.csv_format import _table

    keys: list[str] = []
    for view in tables:
        keys += [c.key for c in view.columns if c.key not in keys]
    rows = [{"table": view.title, **{k: _plain(row.get(k)) for k in keys}} for view in tables for row in view.rows]
    return _table(("table", *keys), rows)


def markdown_text(tables: list[ViewTable], heading: str, footer: str | None = None) -> str:
    from zzip.output.markdown import one_line, table

    lines = [f"# {one_line(_lines(heading))}", ""]
    for view in tables:
        lines.append(f"## {one_line(_plain(view.title))}")
        lines.append("")
        if view.rows:
            lines += table(tuple(c.header for c in view.columns),
                           [tuple(_plain(row.get(c.key)) for c in view.columns) for row in view.rows])
        else:
            lines.append(view.empty)
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
