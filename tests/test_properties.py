"""Property: no mutation of a valid status file or plan file makes zzip crash.

Whatever the bytes, `zzip check` and `zzip validate` end with exit code 0, 1 or 2 and never a
traceback (exit code 3 is an internal error, a bug). The mutations are random byte edits and
edits at the YAML level: a scalar replaced by one of another type, a key deleted or duplicated,
a value wrapped in a list or a mapping, random unicode (control characters, CJK, surrogates'
neighbours) inserted into a value or into the raw text.

zzip runs in-process through CliRunner with catch_exceptions=False, so an internal error
surfaces as the exception itself and hypothesis shrinks the input that causes it. Each example
writes into a fresh TemporaryDirectory (function-scoped fixtures are not reset between examples).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from zzip.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
STATUS_FILES = ("court.yaml", "market-regulation.yaml")
PLAN_FILES = ("plan.yaml", "units.yaml", "indicators.yaml", "tasks.yaml", "milestones.yaml")
FORMATS = ("json", "text", "csv", "markdown", "github", "gitlab", "junit", "sarif")
runner = CliRunner()

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- running zzip on one mutated file -----------------------------------------------------------


@contextlib.contextmanager
def workspace():
    """A fresh copy of the minimal workspace, as the working directory, for one example."""
    previous = Path.cwd()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(FIXTURES / "plan-minimal", root / "plan")
        shutil.copytree(FIXTURES / "reports-minimal", root / "reports")
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(previous)


def invoke(args: list[str]) -> int:
    result = runner.invoke(app, args, catch_exceptions=False)  # an internal error raises, with its traceback
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    assert result.exit_code in (0, 1, 2), (result.exit_code, output)
    if "-f" in args and args[args.index("-f") + 1] == "json" and "-o" not in args:
        report = json.loads(result.stdout)
        fatal = any(f["code"] == "F001" for f in report["findings"])
        assert (result.exit_code == 2) == fatal, report["findings"]
    return result.exit_code


def check_status(name: str, content: bytes, fmt: str) -> None:
    with workspace() as root:
        (root / "reports" / "2023-Q1" / name).write_bytes(content)
        invoke(["check", "reports", "--plan", "plan", "--as-of", "2023-05-01", "-f", fmt])
        invoke(["check", "reports/2023-Q1", "--as-of", "2024-01-20", "-f", "json"])


def check_plan(name: str, content: bytes, fmt: str) -> None:
    with workspace() as root:
        (root / "plan" / name).write_bytes(content)
        invoke(["validate", "plan", "-f", "json"])
        # a plan that still validates (or has only warnings) goes on to the status files and compliance rules
        invoke(["check", "reports", "--plan", "plan", "--as-of", "2024-01-20", "-f", fmt])


# --- byte-level mutations -----------------------------------------------------------------------

INTERESTING = [
    b"\x00", b"\t", b"\r", b"\r\n", b"\n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x80", b"\xc3", b"\xe4\xb8",
    b"\xb2\xe2", b"---\n", b"...\n", b"%YAML 1.1\n", b"&a ", b"*a", b"<<: *a\n", b"!!python/object/apply:os.system ",
    b"!x ", b"!!binary ", b"!!set ", b"? ", b": ", b"- ", b"#", b"|\n", b">-\n", b"'", b'"', b"\\", b"[", b"]", b"{",
    b"}", b",", b"~", b"null", b"1e400", b"-0", b"0x1F", b"0o17", b"1_000", b"12:30", b".nan", b"-.inf",
    b"9" * 40, b"2025-02-30", b"2025-Q5", "进行中".encode(), "已完成".encode(), "受阻".encode(),
]


@st.composite
def byte_mutation(draw, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(("flip", "insert", "delete", "replace")))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            data[min(at, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(INTERESTING) | st.binary(min_size=1, max_size=6))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 24))]
        elif op == "replace" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
    return bytes(data)


# --- YAML-level mutations -----------------------------------------------------------------------

WEIRD_TEXT = st.text(
    st.one_of(
        st.characters(codec="utf-8"),  # anything, control characters included
        st.characters(min_codepoint=0, max_codepoint=0x1F),
        st.characters(min_codepoint=0x7F, max_codepoint=0x9F),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK
        st.sampled_from("\u2028\u2029\ufeff\ufffe\uffff\u202e\u200b𠮷（），：；"),
    ),
    max_size=12,
)
SPECIAL_SCALARS = st.sampled_from([
    "", "~", "null", "yes", "no", "on", "off", "true", "0x1F", "0o17", "1_000", "12:30", ".nan", "-.inf", "1e400",
    "2025-02-30", "2025-13", "2025-Q5", "2023-Q1", "2023-04-15", "ongoing", "done", "已完成", "blocked", "受阻",
    "court", "counties", "county-a", "office", "market-regulation", "KT-1-1", "KT-1-2", "MS-1-1", "MS-1-2",
    "patents", "mini-plan", "1.0.0", "1.0.1", "9" * 40, "-5", "2022-09", "2023-12", "2026-01", "2023-Q2", "2024-Q1",
    "2023-01-01", "2023-06-30", "2099-12-31", "lead", "cooperating", "in-progress", "not-started", "进行中",
    "%", "件", "stock", "flow", "level", "increment", "increase", "decrease", "at_least", "about", "stretch", "reach",
    "range", "body", "group", "seed", "external", "derived", "key-task", "major-project",
])
SCALARS = {
    "int": st.integers(-(10 ** 40), 10 ** 40) | st.sampled_from([0, -1, -5, 100, 101, 120, 2 ** 63]),
    "float": st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.5, -0.0, 99.9, 100.5, 1e308]),
    "bool": st.booleans(),
    "none": st.none(),
    "str": SPECIAL_SCALARS | WEIRD_TEXT,
    "date": st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
}


def _kind(value) -> str:
    for name, types in (("bool", bool), ("int", int), ("float", float), ("none", type(None)), ("str", str),
                        ("date", dt.date)):
        if isinstance(value, types):
            return name
    return "container"


def _nodes(data, path=()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _nodes(value, (*path, index))


def _get(data, path):
    for key in path:
        data = data[key]
    return data


@st.composite
def yaml_mutation(draw, original: bytes) -> bytes:
    data = yaml.safe_load(original.decode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        paths = list(_nodes(data))
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(("replace", "same-kind", "delete", "wrap-list", "wrap-map", "unicode",
                                   "swap-container")))
        value = _get(data, path)
        if op == "replace":  # a scalar of another type
            kind = draw(st.sampled_from([k for k in SCALARS if k != _kind(value)]))
            new = draw(SCALARS[kind])
        elif op == "same-kind":  # schema-valid more often: reaches the rules behind the schema
            new = draw(SCALARS.get(_kind(value), SCALARS["str"]))
        elif op == "wrap-list":
            new = [value]
        elif op == "wrap-map":
            new = {draw(st.sampled_from(["id", "value", "x", "状态", ""])): value}
        elif op == "swap-container":
            new = list(value.values()) if isinstance(value, dict) else {str(i): v for i, v in enumerate(value)} \
                if isinstance(value, list) else value
        elif op == "unicode":
            text = value if isinstance(value, str) else str(value)
            at = draw(st.integers(0, len(text)))
            new = text[:at] + draw(WEIRD_TEXT) + text[at:]
        else:  # delete
            new = None
        if not path:
            data = new if op != "delete" else {}
            continue
        parent = _get(data, path[:-1])
        if op == "delete":
            del parent[path[-1]]
        else:
            parent[path[-1]] = new
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    for _ in range(draw(st.sampled_from((0, 0, 1, 2)))):  # edits only the text can make
        lines = text.splitlines(keepends=True) or ["\n"]
        index = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(("duplicate-key", "insert-raw-unicode")))
        if op == "duplicate-key":  # the same key again, in the same mapping
            line = lines[index]
            stripped = line.lstrip(" ")
            copy = line.replace("- ", "  ", 1) if stripped.startswith("- ") else line
            lines.insert(index + 1, copy if copy.endswith("\n") else copy + "\n")
        else:
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(WEIRD_TEXT) + line[at:]
        text = "".join(lines)
    return text.encode("utf-8", "surrogatepass")


# --- the properties -----------------------------------------------------------------------------

def _fixture_bytes(*parts: str) -> bytes:
    return (FIXTURES.joinpath(*parts)).read_bytes()


STATUS_BYTES = {name: _fixture_bytes("reports-minimal", "2023-Q1", name) for name in STATUS_FILES}
PLAN_BYTES = {name: _fixture_bytes("plan-minimal", name) for name in PLAN_FILES}


@st.composite
def mutated(draw, files: dict, mutation) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(files)))
    return name, draw(mutation(files[name]))


@SETTINGS
@given(target=mutated(STATUS_BYTES, byte_mutation), fmt=st.sampled_from(FORMATS))
def test_any_byte_mutation_of_a_status_file_is_handled(target, fmt) -> None:
    check_status(*target, fmt)


@SETTINGS
@given(target=mutated(PLAN_BYTES, byte_mutation), fmt=st.sampled_from(FORMATS))
def test_any_byte_mutation_of_a_plan_file_is_handled(target, fmt) -> None:
    check_plan(*target, fmt)


@SETTINGS
@given(target=mutated(STATUS_BYTES, yaml_mutation), fmt=st.sampled_from(FORMATS))
def test_any_yaml_mutation_of_a_status_file_is_handled(target, fmt) -> None:
    check_status(*target, fmt)


@SETTINGS
@given(target=mutated(PLAN_BYTES, yaml_mutation), fmt=st.sampled_from(FORMATS))
def test_any_yaml_mutation_of_a_plan_file_is_handled(target, fmt) -> None:
    check_plan(*target, fmt)


def test_the_unmutated_files_are_clean() -> None:
    """The properties start from valid files: mutations are what makes them bad."""
    with workspace():
        assert invoke(["validate", "plan", "-f", "json"]) == 0
        assert invoke(["check", "reports", "--plan", "plan", "--as-of", "2023-05-01", "-f", "json"]) == 0
