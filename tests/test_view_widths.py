"""Every view names every row at 80, 120 and 200 columns, in both languages: ids, numbers and
statuses whole on one line, names (which may wrap inside their column) whole once the column is
read top to bottom, nothing cut to "…"."""

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from zzip.i18n import set_language

REPO = Path(__file__).parent.parent
AS_OF = dt.date(2025, 7, 31)
WIDTHS = (80, 120, 200)
BORDERS = "│┃|"


@pytest.fixture(scope="module")
def context():
    from zzip.check import prepare
    from zzip.config import Config

    _load, _findings, ctx = prepare(REPO / "plan", REPO / "reports", AS_OF, Config())
    return ctx


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def reassembled(output: str) -> str:
    """The output with each table's columns read top to bottom (a wrapped name joined again),
    and every other line as it is; whitespace removed."""
    parts, columns = [], {}
    for line in output.split("\n") + [""]:
        if line[:1] in BORDERS:
            cells = re.split(f"[{BORDERS}]", line)[1:-1]
            for index, cell in enumerate(cells):
                columns.setdefault(index, []).append(cell.strip())
            continue
        if columns:
            parts += ["".join(columns[i]) for i in sorted(columns)]
            columns = {}
        parts.append(line)
    return squeeze("\n".join(parts))


def render(width: int, tables, heading=None, ascii_only=False) -> str:
    from rich.console import Console

    from zzip.views.tables import print_tables

    buffer = io.StringIO()
    print_tables(Console(file=buffer, width=width, no_color=True), tables, heading, ascii_only=ascii_only)
    return buffer.getvalue()


def assert_whole(output: str, width: int, names=(), words=()) -> None:
    assert "…" not in output
    assert all(len(line) <= width for line in output.split("\n")), "a line is wider than the console"
    flat = reassembled(output)
    for name in names:
        assert squeeze(name) in flat, f"{name!r} is not shown whole at {width} columns"
    lines = output.split("\n")
    for word in words:
        assert any(word in line for line in lines), f"{word!r} is not on one line at {width} columns"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", WIDTHS)
def test_progress_names_every_indicator(context, width, lang) -> None:
    from zzip import labels
    from zzip.views import progress

    set_language(lang)
    tables, document = progress.build(context)
    output = render(width, tables)
    names = [i.name for i in context.plan.indicators.values()]
    statuses = {labels.indicator_status(r["status"]) for r in document["indicators"]}
    assert_whole(output, width, names, statuses)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", WIDTHS)
def test_overdue_names_every_item_and_unit(context, width, lang) -> None:
    from zzip import labels
    from zzip.views import overdue

    set_language(lang)
    tables, document = overdue.build(context, None, 30)
    output = render(width, tables)
    items = document["overdue"] + document["due_soon"]
    assert items
    assert_whole(output, width, names=[context.plan.unit_name(d["unit"]) for d in items] + [d["title"] for d in items],
                 words=[d["item_id"] for d in items] + [labels.overdue_grade(d["grade"]) for d in items]
                 + [str(d["days"]) for d in items])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", WIDTHS)
def test_unit_page_names_every_item(context, width, lang) -> None:
    from zzip.views import unit

    set_language(lang)
    tables, document, heading = unit.build(context, "market-regulation")
    output = render(width, tables, heading)
    assert_whole(output, width, names=[context.plan.indicators[i["id"]].name for i in document["indicators"]],
                 words=[a["item"] for a in document["answers_for"]] + [r["quarter"] for r in document["reports"]])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", WIDTHS)
def test_check_names_every_unit_of_who_is_behind(context, width, lang) -> None:
    from rich.console import Console

    from zzip.check import run_check
    from zzip.config import Config
    from zzip.output import check_text

    set_language(lang)
    report, ctx = run_check(REPO / "plan", REPO / "reports", AS_OF, Config())
    buffer = io.StringIO()
    check_text.render(report, Console(file=buffer, width=width, no_color=True), {}, show="behind")
    output = buffer.getvalue()
    assert len(report.standings) > 20
    assert_whole(output, width, names=[s.unit_name for s in report.standings],
                 words=[s.unit_id for s in report.standings] + [str(s.worst_days_overdue) for s in report.standings
                                                                if s.worst_days_overdue])


def test_ascii_tables_and_bars(context) -> None:
    from zzip.views import progress

    set_language("en")
    tables, _document = progress.build(context)
    output = render(200, tables, ascii_only=True)
    assert not re.search("[─━│┃┏┓└┘┡┩]", output)  # the borders; the bars follow use_ascii() when built
    assert "+--" in output and "|" in output
    assert progress.bar(1.0, ascii_only=True) == "########## 100%"
    assert progress.bar(0.5, ascii_only=True) == "#####-----  50%"


def test_an_achieved_indicator_is_a_full_bar(context) -> None:
    from zzip.progress import ACHIEVED
    from zzip.views.progress import fraction_done

    achieved = [r for r in context.graded() if r.status == ACHIEVED]
    assert achieved and all(fraction_done(r) == 1.0 for r in achieved)


# What a person copies or reads out of a line: never split across two lines, at any width, in a
# pipe or in a file (-o), in either language.
TOKENS = re.compile(r"\d{4}-\d{2}-\d{2}|\d{4}-Q[1-4]|\d+(?:\.\d+)?%|[A-Z]{2}-\d{4}-\d+|[A-Z]{2}-\d+(?:-\d+)*"
                    r"|[a-z]+(?:-[a-z0-9]+)+")
BAR = re.compile(r"[█░#-]{10}\s+\d+%")  # a decoration, left out on a narrow console with its percentage
COMMANDS = {
    "check": ["check", "reports", "--as-of", "2025-07-31"],
    "overdue": ["overdue", "--as-of", "2025-07-31"],
    "progress": ["progress", "--as-of", "2025-07-31"],
    "unit": ["unit", "cyberspace", "--as-of", "2025-07-31"],
    "unit-lead": ["unit", "market-regulation", "--as-of", "2025-07-31"],
    "assess": ["assess", "--year", "2024", "--as-of", "2025-01-31"],
    "rules": ["rules"],
}


def run_zzip(args: list[str], lang: str, width: int | None, output: Path | None = None) -> str:
    import os
    import subprocess
    import sys

    env = {**os.environ, "ZZIP_LANG": lang, "NO_COLOR": "1"}
    env.pop("COLUMNS", None)
    if width:
        env["COLUMNS"] = str(width)
    args = args + (["-o", str(output)] if output else [])
    done = subprocess.run([str(Path(sys.executable).parent / "zzip"), *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr
    return output.read_text(encoding="utf-8") if output else done.stdout


def tokens(text: str) -> set[str]:
    return {token for line in text.split("\n") for token in TOKENS.findall(BAR.sub("", line))}


@pytest.fixture(scope="module")
def natural():
    """Each command's output in a pipe without COLUMNS: every table at its natural width."""
    return {}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_no_id_date_period_or_number_is_split_in_a_pipe(natural, name, width, lang) -> None:
    key = (name, lang)
    if key not in natural:
        natural[key] = run_zzip(COMMANDS[name], lang, None)
    expected = tokens(natural[key])
    assert expected, "the example data has ids and dates to show"
    output = run_zzip(COMMANDS[name], lang, width)
    assert tokens(output) >= expected, f"split or lost at {width} columns: {sorted(expected - tokens(output))}"
    assert "…" not in output
    if name not in ("check", "rules"):  # a finding stays on one line for grep; rules in a pipe are tab-separated
        assert all(cell_len(line) <= width for line in output.split("\n")), "a line is wider than asked"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["check", "overdue", "assess"])
def test_no_id_date_period_or_number_is_split_in_a_file(tmp_path, name, lang) -> None:
    expected = tokens(run_zzip(COMMANDS[name], lang, None))
    output = run_zzip(COMMANDS[name], lang, 80, tmp_path / "out.txt")
    assert tokens(output) >= expected, sorted(expected - tokens(output))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_count_of_who_is_behind_is_shown(width, lang) -> None:
    """No count a leader reads is dropped for width (only a bar or a trend may be); the headline
    wraps at the width asked for; at 80 columns a row starts with the unit's name and id."""
    from zzip.output.check_text import behind_table

    set_language(lang)
    headers = [c.header for c in behind_table(_empty_report()).columns if not c.names_row]  # names: by value
    output = run_zzip(COMMANDS["check"], lang, width)
    behind = output.split("\n\n")[0] if "\n\n" in output else output
    flat = reassembled(behind)
    for header in headers:
        assert squeeze(header) in flat, f"{header!r} is missing at {width} columns"
    first = output.split("\n")[0]
    assert cell_len(first) <= width
    rows = [line for line in output.split("\n") if line.startswith("* ")]
    assert all(re.match(r"\* [^ （(]+ ?[（(][a-z-]+[)）]$", line) for line in rows), rows[:3]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_ranking_row_is_named_in_the_narrow_layout(lang) -> None:
    output = run_zzip(COMMANDS["assess"], lang, 80)
    rows = [line for line in output.split("\n") if line.startswith("* ")]
    assert rows and all(re.match(r"\* [^ （(]+ ?[（(][a-z-]+[)）]$", line) for line in rows), rows[:3]


def _empty_report():
    class Empty:
        standings = ()
    return Empty()


def cell_len(text: str) -> int:
    from rich.cells import cell_len as cells

    return cells(text)


@pytest.mark.parametrize("text, width, lines", [
    ("2022-09至2025-12", 15, ["2022-09至", "2025-12"]),
    ("截止日期：2024-12-31；天数：212", 12, ["截止日期：", "2024-12-31；", "天数：212"]),
    ("最近报送：2025-Q2: 进行中 80%", 16, ["最近报送：", "2025-Q2: 进行中", "80%"]),
    ("市金融局、市发展改革委、市财政局", 20, ["市金融局、", "市发展改革委、", "市财政局"]),
    ("条目：四(四)9", 8, ["条目：", "四(四)9"]),
    ("development-reform", 10, ["developmen", "t-reform"]),  # wider than the line: folded, the last resort
])
def test_line_breaks(text, width, lines) -> None:
    from zzip.views.wrap import wrap

    assert wrap(text, width) == lines
