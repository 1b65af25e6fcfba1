"""The fast YAML path (zzip/fastyaml.py) against the precise one (zzip/yamlfile.py): wherever the
fast path answers, the precise path reads the same data (types and key order included); wherever
the precise path refuses a text, the fast path does not answer. Positions always come from the
precise path (zzip/status_loader.py), so a finding points where it pointed before."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zzip import fastyaml
from zzip.yamlfile import YamlDocument, load_text

pytestmark = pytest.mark.skipif(not fastyaml.available(), reason="yaml-rs has no wheel here")

SUITE = json.loads((Path(__file__).parent / "yaml_suite" / "cases.json").read_text(encoding="utf-8"))
REPO = Path(__file__).resolve().parent.parent


def same(a, b) -> bool:
    """Equal data of equal types: True is not 1, 1.0 is not 1, and key order counts."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def agree(text: str) -> None:
    fast = fastyaml.parse(text)
    if fast is None:
        return  # handed to the precise path: its verdict is the verdict
    precise = load_text(text, "case.yaml")
    assert isinstance(precise, YamlDocument), f"fast path accepted what the precise path refuses: {precise}"
    assert same(fast, precise.data), (fast, precise.data)


@pytest.mark.parametrize("case", sorted(SUITE))
def test_yaml_test_suite_case(case):
    agree(SUITE[case]["yaml"])


def test_the_suite_exercises_the_fast_path():
    answered = [case for case, c in SUITE.items() if fastyaml.parse(c["yaml"]) is not None]
    assert len(answered) >= 20  # the property above is not vacuous (26 cases at the time of writing)


SCALARS = st.one_of(
    st.text(alphabet="0123456789+-._:eExXoObBinfaINFtrueyslnNUL~ ", min_size=0, max_size=8),
    st.sampled_from(["012", "0x1F", "0o17", "1_000", "1:30", ".inf", "-.inf", ".NaN", "+.5", "-.5", ".5", "1.",
                     "1e5", "1E+5", "1.5e-3", "._5", "0b101", "yes", "No", "on", "TRUE", "True", "tRUE", "null",
                     "Null", "NULL", "~", "", "2025-07-31", "2025-7-1", "1_0.5", "+12", "-0", "0", "00", "-01",
                     "12:30:45", "1" * 31, "{a: 1}", "[1, 012]", "{a: b, c: [1, 2]}", "[a, {b: c}]", "{a: 1", "[a]]",
                     "'it''s'", '"a b"', "{document: 郑市监〔2025〕41号, title: x}", "{link: 'https://x/y?z=1'}", "'012'", '"x"', "进行中", "a: b", "a #b", "#c", "- x", "@x", "`x", "%x"]),
)
KEYS = st.one_of(st.sampled_from(["id", "status", "percent", "note", "1", "012", "true", "null", "~", "<<", "yes"]),
                 st.text(alphabet="abc_-1.", min_size=1, max_size=4))


@st.composite
def documents(draw, depth=0):
    if depth >= 3 or draw(st.booleans()):
        pairs = draw(st.lists(st.tuples(KEYS, SCALARS), min_size=1, max_size=4))
        indent = "  " * depth
        return "".join(f"{indent}{k}: {v}\n" for k, v in pairs)
    items = draw(st.lists(SCALARS, min_size=1, max_size=3))
    indent = "  " * depth
    head = "".join(f"{indent}- {v}\n" for v in items)
    key = draw(KEYS)
    return head if draw(st.booleans()) else f"{indent}{key}:\n" + draw(documents(depth + 1))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_fast_and_precise_paths_agree(text):
    agree(text)


LINES = ["a: 1", "  b: 2", "- x", "  - y", "- a: 1", "  c: d", "a:", "b: |", "  text", "c: >-", "  more", "-",
         "a: 'multi", "  line'", 'd: "q', '  r"', "e: plain", "  continued", "# comment", "", "  ", "f: x # c",
         "g: [1,", "  2]", "h: {a: 1,", "  b: 2}", "i: {a: 1}", "- [a, b]", "k: - x", "l: a: b", "--- ", "...",
         "m: 进行中", "n:   spaced  ", "o: 'x'y", "p: x:y", "q: x :y", " r: 1", "s : 1", "t:\n  - 1"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=8))
def test_fast_and_precise_paths_agree_on_line_mixtures(lines):
    agree("\n".join(lines) + "\n")


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 :-\n'\"#[]{},&*!|>?%@`\t.0_xe") + ["进", "\u3000", "\x85", "\x07"]),
               max_size=40))
def test_fast_and_precise_paths_agree_on_any_text(text):
    agree(text)


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",  # duplicate key
    "a: &x 1\nb: *x\n",  # anchor and alias
    "a: !!str 1\n",  # tag
    "<<: {a: 1}\n",  # merge key
    "a:\n\t- x\n",  # tab
    "a: 0x1F\n", "a: 012\n", "a: .inf\n", "a: " + "9" * 40 + "\n",
    "---\na: 1\n---\nb: 2\n",  # two documents
    "a: \x07\n",  # control character
    "- " * 70 + "x\n",  # deep nesting
    # an underscore after an exponent: yaml-rs drops it and reads a number, libyaml reads text (S201)
    "value: 4e7_\n", "value: 9E_4\n", "value: 6E-_8\n", "value: -80e_5\n", "value: 1.306e4_\n",
])
def test_unusual_text_goes_the_precise_way(text):
    assert fastyaml.parse(text) is None


def test_plain_status_text_takes_the_fast_path():
    text = (REPO / "reports" / "2025-Q2" / "market-regulation.yaml").read_text(encoding="utf-8")
    assert fastyaml.parse(text) is not None  # the example data is the plain subset


def test_check_without_the_native_parser_gives_the_same_report(tmp_path):
    """yaml-rs missing (no wheel): every file is read the precise way, with the same findings."""
    zzip = Path(sys.executable).with_name("zzip")
    args = ["check", str(REPO / "reports"), "--plan", str(REPO / "plan"), "--as-of", "2025-07-31", "--format", "json"]
    env = {**os.environ, "ZZIP_LANG": "en"}
    with_fast = subprocess.run([str(zzip), *args], capture_output=True, text=True, env=env, cwd=REPO)
    blocked = ("import sys; sys.modules['yaml_rs'] = None; from zzip import fastyaml; "
               "assert not fastyaml.available(); from zzip.launcher import main; sys.argv[0] = 'zzip'; main()")
    without = subprocess.run([sys.executable, "-c", blocked, *args], capture_output=True, text=True, env=env, cwd=REPO)
    assert with_fast.returncode == without.returncode == 1
    assert json.loads(with_fast.stdout) == json.loads(without.stdout)
    assert json.loads(without.stdout)["findings"]


def test_positions_of_a_fast_read_file_are_the_precise_ones(tmp_path):
    """A finding in a file the fast path read points at the same line and column as before."""
    reports = tmp_path / "reports"
    shutil.copytree(REPO / "reports", reports)
    env = {**os.environ, "ZZIP_LANG": "en"}
    args = ["check", str(reports), "--plan", str(REPO / "plan"), "--as-of", "2025-07-31", "--format", "json"]
    zzip = Path(sys.executable).with_name("zzip")
    fast = json.loads(subprocess.run([str(zzip), *args], capture_output=True, text=True, env=env).stdout)
    blocked = "import sys; sys.modules['yaml_rs'] = None; from zzip.launcher import main; sys.argv[0] = 'zzip'; main()"
    precise = json.loads(subprocess.run([sys.executable, "-c", blocked, *args], capture_output=True, text=True,
                                        env=env).stdout)
    places = [(f["code"], f.get("path"), f.get("line"), f.get("column")) for f in fast["findings"]]
    assert places == [(f["code"], f.get("path"), f.get("line"), f.get("column")) for f in precise["findings"]]
    assert any(line for _c, _p, line, _col in places)


def _places(load):
    from zzip.status import ENTRY_FIELDS, SUBMISSION_FIELDS, VALUE_FIELDS

    out = []
    for sub in load.submissions:
        out += [sub.origin.at(name) for name in SUBMISSION_FIELDS] + [sub.origin.at(n, key=True) for n in SUBMISSION_FIELDS]
        out += [entry.origin.at(name) for entry in sub.entries for name in ENTRY_FIELDS]
        out += [value.origin.at(name) for value in sub.indicators for name in VALUE_FIELDS]
    return out


def test_every_field_position_is_the_precise_one(monkeypatch):
    """Every field of every record of the example reports: the same line and column either way."""
    from zzip.status_loader import load_submissions

    fast = load_submissions(REPO / "reports")
    monkeypatch.setattr(fastyaml, "yaml_rs", None)
    precise = load_submissions(REPO / "reports")
    assert len(fast.submissions) == len(precise.submissions) > 200
    assert _places(fast) == _places(precise)


def test_a_file_changed_during_the_run_points_at_its_first_line(tmp_path):
    from zzip.status_loader import load_submissions

    folder = tmp_path / "2025-Q2"
    folder.mkdir()
    path = folder / "market-regulation.yaml"
    text = (REPO / "reports" / "2025-Q2" / "market-regulation.yaml").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    sub = load_submissions(tmp_path).submissions[0]
    path.write_text("# edited meanwhile\n" + text, encoding="utf-8")
    where = sub.entries[0].origin.at("status")
    assert (where.line, where.column) == (1, 1)  # never a line of the other content


@pytest.mark.parametrize(("value", "read"), [
    ("1.7976931348623157e308", True),  # the largest finite number: a number to both readers
    ("1e999", False), ("-1e400", False), ("1.8e308", False),  # infinite to yaml-rs
    ("12.5", True),
])
def test_a_number_yaml_rs_reads_as_infinite_goes_the_precise_way(tmp_path, value, read):
    """yaml-rs reads 1e999 as infinity, zzip's precise reader (YAML 1.1) as text: the fast path
    must not keep the infinity (the typed check's yes stands in for fastyaml.plain)."""
    from zzip.status_loader import Shared, _read_fast

    text = (REPO / "reports" / "2025-Q2" / "market-regulation.yaml").read_text(encoding="utf-8")
    assert "value: " in text
    head, _, tail = text.partition("value: ")
    rest = tail.split("\n", 1)[1]
    path = tmp_path / "market-regulation.yaml"
    path.write_text(f"{head}value: {value}\n{rest}", encoding="utf-8")
    fast = _read_fast(path, str(path), None, Shared())
    assert (fast is not None) is read  # None: read the precise way, where the value is text, not a number


def test_a_key_that_is_not_text_goes_the_precise_way(tmp_path):
    from zzip.status_loader import Shared, _read_fast

    text = (REPO / "reports" / "2025-Q2" / "market-regulation.yaml").read_text(encoding="utf-8")
    path = tmp_path / "market-regulation.yaml"
    path.write_text(text + "1: x\n", encoding="utf-8")
    assert fastyaml.parse_unchecked(path.read_text(encoding="utf-8")) is not None  # yaml-rs reads it
    assert _read_fast(path, str(path), None, Shared()) is None
