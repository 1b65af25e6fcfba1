"""Property: no option, configuration value or plan date makes zzip crash (issue 8).

Besides the file mutations of test_properties.py: any `--as-of`, `--within`, `--period`,
`--select`/`--ignore`, any zzip.toml value (huge integers, NaN, infinities, wrong types) and
any month or date written into the plan ends in exit 0, 1 or 2, never an internal error (3).
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from hypothesis import HealthCheck, settings

from tests.test_properties import workspace
from zzip.cli import app

runner = CliRunner()
# each example runs a whole command on a fresh workspace: fewer examples than the file mutations
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def invoke(args: list[str]) -> int:
    """Exit 0, 1 or 2, with no traceback; a usage error (2) says what is wrong in one line."""
    result = runner.invoke(app, args, catch_exceptions=False)  # an internal error raises, with its traceback
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    assert result.exit_code in (0, 1, 2), (result.exit_code, output)
    if result.exit_code == 2:
        assert result.stderr.strip() or result.stdout.strip(), "exit 2 without a word"
    return result.exit_code

VIEWS = (["check", "reports", "-f", "json"], ["overdue", "-f", "json"], ["progress", "-f", "json"],
         ["unit", "court", "-f", "json"], ["template", "--unit", "court", "--period", "2023-Q2", "-o", "-"])

dates = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(0, 99999), st.integers(0, 99), st.integers(0, 99)),
    st.text(max_size=12),
)
months = st.one_of(
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(0, 9999), st.integers(1, 12)),
    st.builds(lambda y, m: f"{y}-{m}", st.integers(-10, 99999), st.integers(-1, 99)),
    st.sampled_from(["ongoing", "", "2023", "2023-Q1", "２０２３-０１"]),
)
integers = st.one_of(st.integers(-10, 10 ** 6), st.integers(min_value=-(2 ** 80), max_value=2 ** 80))
numbers = st.one_of(integers, st.floats(allow_nan=True, allow_infinity=True))
toml_values = st.one_of(
    integers.map(str), st.floats(allow_nan=True, allow_infinity=True).map(
        lambda f: {float("inf"): "inf", float("-inf"): "-inf"}.get(f, "nan" if f != f else repr(f))),
    st.sampled_from(['"x"', "true", "[]", "[1, 2]", '"2023-01-01"', "{}", '["ALL"]', '["C3O6"]']),
)


@SETTINGS
@given(as_of=dates, view=st.sampled_from(VIEWS))
def test_any_as_of_date_ends_cleanly(as_of: str, view: list[str]) -> None:
    with workspace():
        invoke([*view, "--as-of", as_of] if view[0] != "template" else view)


@SETTINGS
@given(within=st.one_of(integers.map(str), st.text(max_size=8)), as_of=st.dates().map(lambda d: d.isoformat()))
def test_any_within_ends_cleanly(within: str, as_of: str) -> None:
    with workspace():
        invoke(["overdue", "--as-of", as_of, "--within", within, "-f", "json"])


@SETTINGS
@given(period=st.one_of(st.builds(lambda y, q: f"{y}-Q{q}", st.integers(-5, 99999), st.integers(-1, 9)),
                        st.text(max_size=10)))
def test_any_template_period_ends_cleanly(period: str) -> None:
    with workspace():
        invoke(["template", "--unit", "court", "--period", period, "-o", "-"])


@SETTINGS
@given(select=st.lists(st.text(max_size=6), max_size=3), ignore=st.lists(st.text(max_size=6), max_size=3))
def test_any_rule_selection_ends_cleanly(select: list[str], ignore: list[str]) -> None:
    args = ["check", "reports", "--as-of", "2024-01-20", "-f", "json"]
    for key in select:
        args += ["--select", key]
    for key in ignore:
        args += ["--ignore", key]
    with workspace():
        invoke(args)


CONFIG_KEYS = (
    ("", "fail-on"), ("", "select"), ("", "ignore"), ("overdue", "severe-days"), ("reporting", "due-days"),
    ("reporting", "grace-days"), ("reporting", "expect-reports-from"), ("progress", "method"),
    ("progress", "on-track"), ("progress", "at-risk"), ("progress", "behind"), ("progress", "about-tolerance"),
    ("severity", "C301"), ("per-file-ignores", '"*"'),
)


@SETTINGS
@given(key=st.sampled_from(CONFIG_KEYS), value=toml_values, view=st.sampled_from(VIEWS[:4]))
def test_any_configuration_value_ends_cleanly(key: tuple[str, str], value: str, view: list[str]) -> None:
    table, name = key
    text = (f"[{table}]\n" if table else "") + f"{name} = {value}\n"
    with workspace() as root:
        (root / "zzip.toml").write_text(text, encoding="utf-8")
        invoke([*view, "--as-of", "2024-06-30"])


PLAN_DATES = (
    ("milestones.yaml", 'start: "2022-09"\n    end: "2023-12"', 'start: "{m}"\n    end: "2023-12"'),
    ("milestones.yaml", 'start: "2022-09"\n    end: "2023-12"', 'start: "2022-09"\n    end: "{m}"'),
    ("plan.yaml", 'period: {start: "2022-01", end: "2025-12"}', 'period: {start: "{m}", end: "2025-12"}'),
    ("plan.yaml", 'period: {start: "2022-01", end: "2025-12"}', 'period: {start: "2022-01", end: "{m}"}'),
    ("indicators.yaml", 'deadline: "2025-06"', 'deadline: "{m}"'),
    ("indicators.yaml", 'deadline: "2022-12", every_year: true', 'deadline: "{m}", every_year: true'),
)
PLAN_DAYS = (
    ("plan.yaml", 'issued: "2022-12-29"', 'issued: "{d}"'),
    ("indicators.yaml", 'date: "2022-12-31"', 'date: "{d}"'),
    ("plan.yaml", 'date: "2023-01-20"', 'date: "{d}"'),
)


@SETTINGS
@given(edit=st.sampled_from(PLAN_DATES), month=months, view=st.sampled_from(VIEWS))
def test_any_month_in_the_plan_ends_cleanly(edit, month: str, view: list[str]) -> None:
    _plan_edit(edit, month, "{m}", view)


@SETTINGS
@given(edit=st.sampled_from(PLAN_DAYS), day=dates, view=st.sampled_from(VIEWS))
def test_any_date_in_the_plan_ends_cleanly(edit, day: str, view: list[str]) -> None:
    _plan_edit(edit, day, "{d}", view)


@SETTINGS
@given(first=st.one_of(st.builds(lambda y, q: f"{y:04d}-Q{q}", st.integers(0, 9999), st.integers(1, 4)),
                       st.text(max_size=8)))
def test_any_first_period_ends_cleanly(first: str) -> None:
    _plan_edit(("plan.yaml", 'first_period: "2023-Q1"', 'first_period: "{q}"'), first, "{q}", VIEWS[0])


def _plan_edit(edit, value: str, slot: str, view: list[str]) -> None:
    name, old, new = edit
    with workspace() as root:
        path = root / "plan" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new.replace(slot, json.dumps(value)[1:-1]), 1), encoding="utf-8")
        invoke(["validate", "plan", "-f", "json"])
        invoke([*view, "--as-of", "2024-06-30"] if view[0] != "template" else view)
