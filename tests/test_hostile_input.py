"""Hostile input, end to end: each bad file is tried as a plan file (`zzip validate`) and as a
status file (`zzip check`). Each must become one located, plain finding with the right exit code
(2 unreadable, 1 findings, 0 accepted), never a traceback, and the other files must still be read.

A representative subset runs through the installed program in a subprocess (exit code 3 and the
one-line "internal error" of `zzip.cli.main` can only show there); the rest runs in-process
through CliRunner with catch_exceptions=False, so that an internal error fails the test with its
traceback.

Sentinels prove that the other files are still read: in every `zzip validate` milestones.yaml
names a group as lead (P109 warning), and in every status test market-regulation.yaml was
submitted late (C305 warning). Both are warnings, so they leave the exit code alone.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
ZZIP = Path(sys.executable).parent / "zzip"
runner = CliRunner()

TASKS = (FIXTURES / "plan-minimal" / "tasks.yaml").read_text(encoding="utf-8")
COURT = (FIXTURES / "reports-minimal" / "2023-Q1" / "court.yaml").read_text(encoding="utf-8")
COURT_PATH = "reports/2023-Q1/court.yaml"
MARKET_PATH = "reports/2023-Q1/market-regulation.yaml"
TASKS_PATH = "plan/tasks.yaml"
CHECK = ["check", "reports", "--plan", "plan", "--as-of", "2023-05-01", "-f", "json"]
VALIDATE = ["validate", "plan"]
PLAN_SENTINEL = ("plan/milestones.yaml:9:12: P109 [warning] milestone MS-1-1 names the group "
                 "'各区县(市)人民政府' (counties) as lead; name a single body")
NOT_FOUND_KT_1_1 = "plan/milestones.yaml:8:13: P103 unknown task 'KT-1-1' in tasks"  # tasks.yaml unread

BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join(["*" + chr(97 + i)] * 9) + "]\n" for i in range(8)
)
DEEP = "[" * 5000 + "]" * 5000
DEEP_100 = "[" * 100 + "]" * 100


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} is not in the fixture exactly once"
    return text.replace(old, new)


# --- running zzip -------------------------------------------------------------------------------

@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    seconds: float

    def report(self) -> dict:
        return json.loads(self.stdout)

    def findings(self, path: str | None = None) -> list[tuple]:
        return [(f["code"], f["path"], f["line"], f["column"], f["message"]) for f in self.report()["findings"]
                if path is None or f["path"] == path]


def run(args: list[str], cwd: Path, installed: bool = False) -> Run:
    start = time.perf_counter()
    if installed:
        done = subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=cwd, timeout=120,
                              env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "160"})
        result = Run(done.returncode, done.stdout, done.stderr, time.perf_counter() - start)
    else:
        assert Path.cwd() == cwd
        invoked = runner.invoke(app, args, catch_exceptions=False)  # an internal error raises here
        result = Run(invoked.exit_code, invoked.stdout, invoked.stderr, time.perf_counter() - start)
    assert "Traceback" not in result.stdout + result.stderr
    assert "internal error" not in result.stderr, result.stderr
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    return result


@pytest.fixture
def ws(tmp_path: Path, monkeypatch) -> Path:
    """A private copy of the minimal workspace with the status sentinel, as the working directory."""
    root = tmp_path / "ws"
    shutil.copytree(FIXTURES / "plan-minimal", root / "plan")
    shutil.copytree(FIXTURES / "reports-minimal", root / "reports")
    market = root / MARKET_PATH
    market.write_text(edit(market.read_text(encoding="utf-8"), 'submitted: "2023-04-10"', 'submitted: "2023-04-20"'),
                      encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def validate(ws: Path, installed: bool = False, plan: str = "plan") -> Run:
    """`zzip validate`, with the plan sentinel in milestones.yaml for this run only (in `zzip check`
    it would make other findings: a group cannot report)."""
    milestones = ws / plan / "milestones.yaml"
    original = milestones.read_bytes()
    milestones.write_text(edit(original.decode("utf-8"), "    tasks: [KT-1-1]\n",
                               "    tasks: [KT-1-1]\n    lead: [counties]\n"), encoding="utf-8")
    try:
        result = run(["validate", plan], ws, installed)
    finally:
        milestones.write_bytes(original)
    assert PLAN_SENTINEL.replace("plan/", f"{plan}/", 1) in result.stdout.splitlines(), result.stdout
    return result


def check(ws: Path, installed: bool = False, extra: tuple = ()) -> Run:
    result = run([*CHECK, *extra], ws, installed)
    report = result.report()
    assert not report["summary"].get("plan_errors"), result.stdout
    market = [f for f in report["findings"] if f["path"] == MARKET_PATH]
    assert [(f["code"], f.get("unit")) for f in market] == [("C305", "market-regulation")], market
    return result


def court_missing(result: Run) -> bool:
    return any(f["code"] == "C304" and f.get("unit") == "court" and f["path"] == COURT_PATH
               for f in result.report()["findings"])


def text_line(path: str, code: str, message: str, line: int | None, column: int | None, warning=False) -> str:
    where = path if line is None else f"{path}:{line}:{column}"
    return f"{where}: {code} {'[warning] ' if warning else ''}{message}"


# --- the cases ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Expect:
    code: str | None  # None: the file is accepted and draws no finding
    message: str = ""
    line: int | None = None
    column: int | None = None
    exit: int = 0


@dataclass(frozen=True)
class Case:
    id: str
    plan: bytes  # the new plan/tasks.yaml
    plan_expect: Expect
    status: bytes  # the new reports/2023-Q1/court.yaml
    status_expect: Expect
    installed: bool = False  # run through the installed program in a subprocess


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


EMPTY = "file is empty: it holds no YAML content (only blanks or comments)"
MULTI = "file holds more than one YAML document ('---'); put one document in each file"
TAB = "tab character: YAML indents with spaces, not tabs"
UTF16 = "file is UTF-16 encoded; re-save it as UTF-8 (in Notepad: 另存为 → 编码: UTF-8)"
GBK = ("file is not UTF-8 but looks like GBK/GB18030 (Chinese Windows encoding); read it as GB18030. "
       "Re-save it as UTF-8 to silence this warning")
NUL = "file contains a NUL byte: it looks binary, not a YAML text file"
BOMB_MSG = "file expands to more than 200,000 values (through aliases, or too many items); zzip stops reading it"
DEEP_MSG = "nesting is too deep for a YAML parser (over 1000 levels)"
DEEP_64 = "nesting is too deep; zzip reads at most 64 levels"
DIGITS = "number has 5,000 digits; zzip accepts at most 30"
PY_TAG = "unsupported tag '!!python/object/apply:os.system': zzip files use plain YAML values only"
NOT_MAPPING = "value: expected a mapping (key: value lines), found "

CASES = [
    Case("empty file", b"", Expect("F001", EMPTY, 1, 1, 2), b"", Expect("F001", EMPTY, 1, 1, 2), installed=True),
    Case("only comments", "# 任务\n\n# none yet\n".encode(), Expect("F001", EMPTY, 1, 1, 2),
         "# 报告\n   \n".encode(), Expect("F001", EMPTY, 1, 1, 2)),
    Case("list instead of mapping", b"- id: KT-1-1\n- id: KT-1-2\n", Expect("P101", NOT_MAPPING + "a list", 1, 1, 1),
         b"- unit: court\n- period: 2023-Q1\n", Expect("S201", NOT_MAPPING + "a list", 1, 1, 1), installed=True),
    Case("scalar instead of mapping", "任务清单\n".encode(), Expect("P101", NOT_MAPPING + "'任务清单'", 1, 1, 1),
         b"42\n", Expect("S201", NOT_MAPPING + "the number 42", 1, 1, 1)),
    Case("several documents", _utf8(TASKS + "---\ntasks: []\n"), Expect("F001", MULTI, 16, 1, 2),
         _utf8(COURT + "---\nunit: court\n"), Expect("F001", MULTI, 15, 1, 2)),
    Case("document end then more", _utf8(TASKS + "...\n---\ntasks: []\n"), Expect("F001", MULTI, 17, 1, 2),
         _utf8("---\n" + COURT + "---\n"), Expect("F001", MULTI, 16, 1, 2)),
    Case("tab indent", _utf8(edit(TASKS, "  - id: KT-1-1", "\t- id: KT-1-1")), Expect("F001", TAB, 4, 1, 2),
         _utf8(edit(COURT, "  - id: KT-1-2", "\t- id: KT-1-2")), Expect("F001", TAB, 8, 1, 2)),
    Case("duplicate key",
         _utf8(edit(TASKS, "    title: 优化体制机制\n", "    title: 优化体制机制\n    title: 重复\n")),
         Expect("F001", "duplicate key 'title': each key may appear only once in a mapping", 8, 5, 2),
         _utf8(edit(COURT, "    percent: 40\n", "    percent: 40\n    percent: 45\n")),
         Expect("F001", "duplicate key 'percent': each key may appear only once in a mapping", 11, 5, 2)),
    Case("UTF-8 with BOM", b"\xef\xbb\xbf" + _utf8(TASKS), Expect(None), b"\xef\xbb\xbf" + _utf8(COURT), Expect(None),
         installed=True),
    Case("UTF-16 with BOM", TASKS.encode("utf-16"), Expect("F001", UTF16, 1, 1, 2),
         COURT.encode("utf-16"), Expect("F001", UTF16, 1, 1, 2), installed=True),
    Case("UTF-16-LE without BOM", TASKS.encode("utf-16-le"), Expect("F001", UTF16, 1, 1, 2),
         COURT.encode("utf-16-le"), Expect("F001", UTF16, 1, 1, 2)),
    Case("UTF-16-BE without BOM", TASKS.encode("utf-16-be"), Expect("F001", UTF16, 1, 1, 2),
         COURT.encode("utf-16-be"), Expect("F001", UTF16, 1, 1, 2)),
    # GBK: read as GB18030, one warning at the first byte that is not UTF-8 (二 on line 2, 进 on line 9)
    Case("GBK", TASKS.encode("gbk"), Expect("F002", GBK, 2, 11, 0), COURT.encode("gbk"), Expect("F002", GBK, 9, 13, 0),
         installed=True),
    # 𠮷 (U+20BB7) exists in GB18030 only, not in GBK; it is the first non-ASCII character of each file
    Case("GB18030-only characters", ("# 𠮷 任务\n" + TASKS).encode("gb18030"), Expect("F002", GBK, 1, 3, 0),
         edit(COURT, "submitted", "contact: 𠮷先生\nsubmitted").encode("gb18030"), Expect("F002", GBK, 6, 10, 0)),
    Case("NUL byte", edit(TASKS, "优化体制机制", "优化\x00体制机制").encode(), Expect("F001", NUL, 7, 14, 2),
         edit(COURT, "unit: court", "unit: co\x00urt").encode(), Expect("F001", NUL, 4, 9, 2)),
    Case("binary junk with NUL", bytes(range(256)) * 4, Expect("F001", NUL, 1, 1, 2),
         random.Random(2023).randbytes(4096), Expect("F001", NUL, 1, 28, 2)),  # its first NUL: byte 29
    Case("binary junk without NUL", b"\x89PNG\r\n\x1a\n" + bytes(range(1, 256)),
         Expect("F001", "file is not valid UTF-8 text; re-save it as UTF-8", 1, 1, 2),
         b"PK\x03\x04" + b"\xff\xfe\xfd" * 10,
         Expect("F001", "file is not valid UTF-8 text; re-save it as UTF-8", 1, 5, 2)),
    Case("control character", edit(TASKS, "优化体制机制", "优化\x1b[31m体制").encode(),
         Expect("F001", "control character U+001B not allowed in YAML text", 7, 14, 2),
         edit(COURT, "unit: court", "unit: court\x07").encode(),
         Expect("F001", "control character U+0007 not allowed in YAML text", 4, 12, 2)),
    Case("CRLF line ends", _utf8(TASKS.replace("\n", "\r\n")), Expect(None), _utf8(COURT.replace("\n", "\r\n")),
         Expect(None), installed=True),
    Case("CR-only line ends", _utf8(TASKS.replace("\n", "\r")), Expect(None), _utf8(COURT.replace("\n", "\r")),
         Expect(None)),
    Case("alias bomb", _utf8(BOMB), Expect("F001", BOMB_MSG, 1, 56, 2), _utf8(BOMB), Expect("F001", BOMB_MSG, 1, 56, 2),
         installed=True),
    Case("nesting 5000 deep", _utf8(edit(TASKS, "    cooperating: []", "    cooperating: " + DEEP)),
         Expect("F001", DEEP_MSG, 15, 1015, 2),
         _utf8(edit(COURT, "    note: 办法草案已完成", "    note: " + DEEP)), Expect("F001", DEEP_MSG, 14, 1008, 2)),
    Case("nesting 100 deep", _utf8(edit(TASKS, "    cooperating: []", "    cooperating: " + DEEP_100)),
         Expect("F001", DEEP_64, 15, 80, 2),
         _utf8(edit(COURT, "    note: 办法草案已完成", "    note: " + DEEP_100)), Expect("F001", DEEP_64, 14, 73, 2)),
    Case("nesting 3000 deep in blocks", _utf8("tasks:\n" + "".join(" " * n + "- \n" for n in range(1, 3000))),
         Expect("F001", DEEP_MSG, 1000, 1000, 2),
         _utf8("entries:\n" + "".join(" " * n + "k:\n" for n in range(1, 3000))), Expect("F001", DEEP_MSG, 1000, 1001, 2)),
    Case("5,000-digit number", _utf8(edit(TASKS, "    cooperating: []", "    cooperating: " + "9" * 5000)),
         Expect("F001", DIGITS, 15, 18, 2),
         _utf8(edit(COURT, "percent: 40", "percent: " + "9" * 5000)), Expect("F001", DIGITS, 10, 14, 2)),
    Case("python tag", _utf8(edit(TASKS, "title: 优化体制机制", 'title: !!python/object/apply:os.system ["touch pwned"]')),
         Expect("F001", PY_TAG, 7, 12, 2),
         _utf8(edit(COURT, "unit: court", 'unit: !!python/object/apply:os.system ["touch pwned"]')),
         Expect("F001", PY_TAG, 4, 7, 2), installed=True),
    Case("unknown local tag", _utf8(edit(TASKS, "lead: [court]", "lead: !units [court]")),
         Expect("F001", "unsupported tag '!units': zzip files use plain YAML values only", 14, 11, 2),
         _utf8(edit(COURT, "percent: 40", "percent: !percent 40")),
         Expect("F001", "unsupported tag '!percent': zzip files use plain YAML values only", 10, 14, 2)),
    Case("standard tags zzip refuses", _utf8(edit(TASKS, "lead: [court]", "lead: !!set {court: null}")),
         Expect("F001", "unsupported tag '!!set': zzip files use plain YAML values only", 14, 11, 2),
         _utf8(edit(COURT, "unit: court", "unit: !!binary Y291cnQ=")),
         Expect("F001", "unsupported tag '!!binary': zzip files use plain YAML values only", 4, 7, 2)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_as_plan_file(ws: Path, case: Case) -> None:
    (ws / TASKS_PATH).write_bytes(case.plan)
    result = validate(ws, case.installed)
    expect = case.plan_expect
    assert result.exit_code == expect.exit, result.stdout
    mine = [line for line in result.stdout.splitlines() if line.startswith(TASKS_PATH)]
    if expect.code is None:
        assert mine == []
    else:
        assert mine == [text_line(TASKS_PATH, expect.code, expect.message, expect.line, expect.column,
                                  warning=expect.code == "F002")]
    if expect.exit == 2:  # tasks.yaml unread: the files after it still are, and miss its tasks
        assert NOT_FOUND_KT_1_1 in result.stdout
    assert result.stdout.rstrip().endswith(" in 5 files.")
    assert not (ws / "pwned").exists()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_as_status_file(ws: Path, case: Case) -> None:
    (ws / COURT_PATH).write_bytes(case.status)
    result = check(ws, case.installed)
    expect = case.status_expect
    assert result.exit_code == expect.exit, result.stdout
    mine = [f for f in result.findings(COURT_PATH) if f[0] != "C304"]
    if expect.code is None:
        assert mine == []
    else:
        assert mine == [(expect.code, COURT_PATH, expect.line, expect.column, expect.message)]
    # unreadable, or not a mapping: the court is reported as not having reported
    assert court_missing(result) == (expect.exit == 2 or expect.code == "S201")
    assert result.report()["files"][-2:] == [COURT_PATH, MARKET_PATH]
    assert not (ws / "pwned").exists()


def test_alias_bomb_finishes_in_well_under_five_seconds(ws: Path) -> None:
    (ws / COURT_PATH).write_text(BOMB, encoding="utf-8")
    (ws / TASKS_PATH).write_text(BOMB, encoding="utf-8")
    assert run(VALIDATE, ws, installed=True).seconds < 5
    (ws / TASKS_PATH).write_text(TASKS, encoding="utf-8")
    result = check(ws, installed=True)
    assert result.exit_code == 2 and result.seconds < 5


# --- values that parse but cannot be right --------------------------------------------------------

PLAN_YAML = "plan/plan.yaml"


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(edit(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")


@pytest.mark.parametrize("quoted", [True, False], ids=["quoted", "unquoted"])
def test_impossible_dates(ws: Path, quoted: bool) -> None:
    q = '"' if quoted else ""
    _replace(ws / PLAN_YAML, 'issued: "2022-12-29"', f"issued: {q}2025-02-30{q}")
    result = validate(ws)
    assert result.exit_code == 1
    assert f"{PLAN_YAML}:7:9: P101 issued: '2025-02-30' is not a real calendar date" in result.stdout.splitlines()

    shutil.copy(FIXTURES / "plan-minimal" / "plan.yaml", ws / PLAN_YAML)
    _replace(ws / COURT_PATH, 'submitted: "2023-04-15"', f"submitted: {q}2025-02-30{q}")
    result = check(ws)
    assert result.exit_code == 1
    assert result.findings(COURT_PATH) == [
        ("C304", COURT_PATH, None, None,
         "no report from 市中级人民法院 (court) for 2023-Q1, due 2023-04-15 (16 days ago); "
         "it leads 2 and co-operates on 2 active items"),
        ("S201", COURT_PATH, 6, 12, "submitted: '2025-02-30' is not a real calendar date"),
    ]


def test_impossible_dates_deeper_in_the_files(ws: Path) -> None:
    _replace(ws / PLAN_YAML, 'date: "2023-01-20"', 'date: "2023-02-29"')
    result = validate(ws)
    assert result.exit_code == 1
    assert f"{PLAN_YAML}:13:30: P101 revisions[1].date: '2023-02-29' is not a real calendar date" in result.stdout

    shutil.copy(FIXTURES / "plan-minimal" / "plan.yaml", ws / PLAN_YAML)
    _replace(ws / COURT_PATH, "    note: 办法草案已完成", '    note: 办法草案已完成\n    completed: "2023-04-31"')
    result = check(ws)
    assert result.exit_code == 1
    assert ("S201", COURT_PATH, 15, 16, "entries[2].completed: '2023-04-31' is not a real calendar date") \
        in result.findings(COURT_PATH)
    assert not court_missing(result)  # the rest of the file is read


def test_period_2025_q5(ws: Path) -> None:
    _replace(ws / PLAN_YAML, 'first_period: "2023-Q1"', 'first_period: "2025-Q5"')
    result = validate(ws)
    assert result.exit_code == 1
    assert (f"{PLAN_YAML}:11:61: P101 reporting.first_period: expected a quarter written YYYY-Qn, e.g. 2023-Q1; "
            "found '2025-Q5'") in result.stdout.splitlines()

    shutil.copy(FIXTURES / "plan-minimal" / "plan.yaml", ws / PLAN_YAML)
    _replace(ws / COURT_PATH, "period: 2023-Q1", "period: 2025-Q5")
    result = check(ws)
    assert result.exit_code == 1
    assert ("S201", COURT_PATH, 5, 9, "period: expected a quarter written YYYY-Qn with n from 1 to 4, e.g. 2025-Q2; "
            "found '2025-Q5'") in result.findings(COURT_PATH)
    assert court_missing(result)


@pytest.mark.parametrize("value,words", [("120", "must be at most 100; found the number 120"),
                                         ("-5", "must be at least 0; found the number -5"),
                                         ("1.2e+2", "must be at most 100; found the number 120.0")])
def test_percent_out_of_range(ws: Path, value: str, words: str) -> None:
    _replace(ws / COURT_PATH, "percent: 40", f"percent: {value}")
    result = check(ws)
    assert result.exit_code == 1
    codes = [f[:4] for f in result.findings(COURT_PATH)]
    assert ("S201", COURT_PATH, 10, 14, f"entries[1].percent: {words}") in result.findings(COURT_PATH)
    assert ("C303", COURT_PATH, 7, 1) in codes  # the entry is left out, so KT-1-2 looks unreported
    assert not court_missing(result)


@pytest.mark.parametrize("value,words", [("120", "must be at most 92; found the number 120"),
                                         ("-5", "must be at least 0; found the number -5")])
def test_out_of_range_numbers_in_the_plan(ws: Path, value: str, words: str) -> None:
    _replace(ws / PLAN_YAML, "due_days: 15", f"due_days: {value}")
    result = validate(ws)
    assert result.exit_code == 1
    assert f"{PLAN_YAML}:11:43: P101 reporting.due_days: {words}" in result.stdout.splitlines()


def test_negative_count_is_s209_and_the_court_is_still_checked(ws: Path) -> None:
    _replace(ws / MARKET_PATH, "value: 10500", "value: -5")
    result = run(CHECK, ws)
    assert result.exit_code == 1
    assert ("S209", MARKET_PATH, 15, 12, "patents is a count and cannot be negative (-5 件); the value is not counted") in result.findings(MARKET_PATH)
    assert result.findings(COURT_PATH) == []  # read, and clean
    assert "reports/2023-Q1/court.yaml" in result.report()["files"]


@pytest.mark.parametrize("old,new", [("value: 10000", "value: -5"),
                                     ("unit: 件", 'unit: "%"')], ids=["negative baseline", "target over 100 %"])
def test_implausible_plan_values_are_reported(ws: Path, old: str, new: str) -> None:
    text = (ws / "plan/indicators.yaml").read_text(encoding="utf-8")
    if new == 'unit: "%"':
        text = edit(text, "value: 10000", "value: 50").replace("value: 14653", "value: 120")
    (ws / "plan/indicators.yaml").write_text(edit(text, old, new), encoding="utf-8")
    assert validate(ws).exit_code == 1


# --- the file system ----------------------------------------------------------------------------

def test_50_mb_file_names_the_limit(ws: Path) -> None:
    big = b"# padding\n" * 5_242_880  # 50 MiB
    message = ("file is 52,428,800 bytes; zzip reads files up to 5 MB (5,242,880 bytes): "
               "split it, or check that it is the right file")
    (ws / TASKS_PATH).write_bytes(big)
    result = validate(ws, installed=True)
    assert result.exit_code == 2 and f"{TASKS_PATH}: F001 {message}" in result.stdout.splitlines()
    shutil.copy(FIXTURES / "plan-minimal" / "tasks.yaml", ws / TASKS_PATH)
    (ws / COURT_PATH).write_bytes(big)
    result = check(ws, installed=True)
    assert result.exit_code == 2 and ("F001", COURT_PATH, None, None, message) in result.findings(COURT_PATH)
    assert court_missing(result)


def test_directory_where_a_file_was_expected(ws: Path) -> None:
    (ws / TASKS_PATH).unlink()
    (ws / TASKS_PATH).mkdir()
    result = validate(ws)
    assert result.exit_code == 2
    assert f"{TASKS_PATH}: F001 is a directory, not a file" in result.stdout.splitlines()
    assert NOT_FOUND_KT_1_1 in result.stdout

    shutil.rmtree(ws / TASKS_PATH)
    shutil.copy(FIXTURES / "plan-minimal" / "tasks.yaml", ws / TASKS_PATH)
    (ws / COURT_PATH).unlink()
    (ws / COURT_PATH).mkdir()
    (ws / COURT_PATH / "inner.yaml").write_text(COURT, encoding="utf-8")
    result = check(ws)
    assert result.exit_code == 2
    assert ("F001", COURT_PATH, None, None, "is a directory, not a file") in result.findings(COURT_PATH)
    assert court_missing(result)


def _refuse_reading(monkeypatch, name: str) -> None:
    """Root reads any file: make reading `name` fail as it would for anyone else."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


PERMISSION = "permission denied: zzip cannot read this file"


def test_unreadable_file_in_process(ws: Path, monkeypatch) -> None:
    (ws / TASKS_PATH).chmod(0)
    (ws / COURT_PATH).chmod(0)
    if os.geteuid() == 0:
        _refuse_reading(monkeypatch, "tasks.yaml")
    result = validate(ws)
    assert result.exit_code == 2 and f"{TASKS_PATH}: F001 {PERMISSION}" in result.stdout.splitlines()

    (ws / TASKS_PATH).chmod(0o644)
    monkeypatch.undo()
    monkeypatch.chdir(ws)
    if os.geteuid() == 0:
        _refuse_reading(monkeypatch, "court.yaml")
    result = check(ws)
    assert result.exit_code == 2
    assert ("F001", COURT_PATH, None, None, PERMISSION) in result.findings(COURT_PATH) and court_missing(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode (see the in-process test)")
def test_unreadable_file_installed(ws: Path) -> None:
    (ws / TASKS_PATH).chmod(0)
    result = validate(ws, installed=True)
    assert result.exit_code == 2 and f"{TASKS_PATH}: F001 {PERMISSION}" in result.stdout.splitlines()
    (ws / TASKS_PATH).chmod(0o644)
    (ws / COURT_PATH).chmod(0)
    result = check(ws, installed=True)
    assert result.exit_code == 2 and ("F001", COURT_PATH, None, None, PERMISSION) in result.findings(COURT_PATH)


LOOP = "cannot read file: " + os.strerror(40)  # ELOOP: "Too many levels of symbolic links" on Linux


@pytest.mark.skipif(sys.platform != "linux", reason="the strerror text of ELOOP is Linux's")
@pytest.mark.parametrize("installed", [True, False], ids=["installed", "in-process"])
def test_symlink_loop(ws: Path, installed: bool) -> None:
    (ws / TASKS_PATH).unlink()
    (ws / TASKS_PATH).symlink_to("tasks.yaml")  # points at itself
    result = validate(ws, installed)
    assert result.exit_code == 2 and f"{TASKS_PATH}: F001 {LOOP}" in result.stdout.splitlines()

    (ws / TASKS_PATH).unlink()
    shutil.copy(FIXTURES / "plan-minimal" / "tasks.yaml", ws / TASKS_PATH)
    (ws / COURT_PATH).unlink()
    (ws / COURT_PATH).symlink_to("other.yaml")
    (ws / "reports/2023-Q1/other.yaml").symlink_to("court.yaml")
    result = check(ws, installed)
    assert result.exit_code == 2
    assert result.findings(COURT_PATH) == [
        ("C304", COURT_PATH, None, None, "no report from 市中级人民法院 (court) for 2023-Q1, due 2023-04-15 "
                                         "(16 days ago); it leads 2 and co-operates on 2 active items"),
        ("F001", COURT_PATH, None, None, LOOP)]
    assert ("F001", "reports/2023-Q1/other.yaml", None, None, LOOP) in result.findings()


NOT_REGULAR = "is not a regular file (a device, pipe or socket); zzip reads only ordinary files"


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs FIFOs and /dev/zero")
def test_devices_and_pipes_are_refused_not_read(ws: Path) -> None:
    """/dev/zero never ends (it ate all memory: exit 3) and a named pipe blocks forever (zzip hung)."""
    (ws / TASKS_PATH).unlink()
    os.mkfifo(ws / TASKS_PATH)
    result = validate(ws, installed=True)
    assert result.exit_code == 2 and f"{TASKS_PATH}: F001 {NOT_REGULAR}" in result.stdout.splitlines()

    (ws / TASKS_PATH).unlink()
    shutil.copy(FIXTURES / "plan-minimal" / "tasks.yaml", ws / TASKS_PATH)
    (ws / COURT_PATH).unlink()
    (ws / COURT_PATH).symlink_to("/dev/zero")
    os.mkfifo(ws / "reports/2023-Q1/pipe.yaml")
    result = check(ws, installed=True)
    assert result.exit_code == 2
    outside = "is a symbolic link to a file outside the folder being checked; zzip does not follow it " \
              "(replace the link with the file itself)"  # a link out of reports/ is not followed at all
    assert ("F001", COURT_PATH, None, None, outside) in result.findings(COURT_PATH) and court_missing(result)
    assert result.findings("reports/2023-Q1/pipe.yaml") == [("F001", "reports/2023-Q1/pipe.yaml", None, None, NOT_REGULAR)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_pipe_given_as_the_reports_folder(ws: Path) -> None:
    os.mkfifo(ws / "pipe.yaml")
    result = run(["check", "pipe.yaml", "--as-of", "2023-05-01", "-f", "json"], ws)  # was NotADirectoryError: exit 3
    assert result.exit_code == 2
    assert ("F001", "pipe.yaml", None, None, NOT_REGULAR) in result.findings("pipe.yaml")


@pytest.mark.parametrize("target", ["reports", "reports/2023-Q1"])
def test_unreadable_quarter_folder(ws: Path, monkeypatch, target: str) -> None:
    """A folder zzip may not list (chmod 000 for anyone but root) is reported; it was a PermissionError: exit 3."""
    (ws / "reports/2023-Q2").mkdir()
    (ws / "reports/2023-Q2/court.yaml").write_text(edit(COURT, "period: 2023-Q1", "period: 2023-Q2"), encoding="utf-8")
    real = Path.iterdir

    def iterdir(self: Path):
        if self.name == "2023-Q1":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = run(["check", target, "--as-of", "2023-05-01", "-f", "json"], ws)
    assert result.exit_code == 2
    assert ("F001", "reports/2023-Q1", None, None, "cannot read folder: Permission denied") in result.findings()
    assert court_missing(result)  # nothing from 2023-Q1 could be read
    if target == "reports":  # the next folder is still read
        assert "reports/2023-Q2/court.yaml" in result.report()["files"]


def test_file_names_with_spaces_and_chinese(ws: Path) -> None:
    named = "reports/2023-Q1/市 法院.yaml"
    (ws / COURT_PATH).rename(ws / named)
    result = check(ws, installed=True)
    assert result.exit_code == 1
    assert result.findings(named) == [
        ("S208", named, 4, 7, "file is named '市 法院' but reports for unit 'court'; name it court.yaml")]
    assert not court_missing(result)
    assert [f for f in result.report()["findings"] if f["code"] != "S208" and f["path"] != MARKET_PATH] == []


def test_folder_names_with_spaces_and_chinese(ws: Path) -> None:
    (ws / "plan").rename(ws / "方案 目录")
    (ws / "reports").rename(ws / "报告 文件")
    result = validate(ws, installed=True, plan="方案 目录")
    assert result.exit_code == 0
    result = run(["check", "报告 文件", "--plan", "方案 目录", "--as-of", "2023-05-01", "-f", "json"], ws, installed=True)
    assert result.exit_code == 0
    assert [(f["code"], f["path"]) for f in result.report()["findings"]] == [
        ("C305", "报告 文件/2023-Q1/market-regulation.yaml")]


# --- one file never affects the next; inputs are never written ----------------------------------------

def test_a_parse_of_one_file_never_affects_the_next(ws: Path) -> None:
    clean = check(ws).findings()
    (ws / COURT_PATH).write_bytes(COURT.encode("utf-16"))  # read first: court < market-regulation
    result = check(ws)
    assert result.exit_code == 2
    assert result.findings(MARKET_PATH) == [f for f in clean if f[1] == MARKET_PATH]  # read, and read right
    (ws / TASKS_PATH).write_bytes(TASKS.encode("utf-16"))  # tasks.yaml is read before milestones.yaml
    result = validate(ws)
    assert result.exit_code == 2 and NOT_FOUND_KT_1_1 in result.stdout  # milestones.yaml read, right
    shutil.copy(FIXTURES / "plan-minimal" / "tasks.yaml", ws / TASKS_PATH)
    # and nothing leaks from one run to the next in the same process
    for bad in (BOMB.encode(), DEEP.encode(), b"a: 1\n\ta: 2\n", b"\xff\xfe\x00"):
        (ws / COURT_PATH).write_bytes(bad)
        assert check(ws).exit_code == 2
    (ws / COURT_PATH).write_text(COURT, encoding="utf-8")
    assert check(ws).findings() == clean


def _digest(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_zzip_never_writes_to_an_input_file(ws: Path, tmp_path: Path) -> None:
    # inputs a careless tool might "repair": GBK, a BOM, CRLF line ends
    (ws / COURT_PATH).write_bytes(COURT.encode("gbk"))
    market = ws / MARKET_PATH
    market.write_bytes(b"\xef\xbb\xbf" + market.read_bytes().replace(b"\n", b"\r\n"))
    (ws / "plan/units.yaml").write_bytes((ws / "plan/units.yaml").read_bytes().replace(b"\n", b"\r\n"))
    out = tmp_path / "out"
    out.mkdir()
    before = _digest(ws)
    formats = ["text", "json", "csv", "markdown", "github", "gitlab", "junit", "sarif"]
    for fmt in formats:
        for as_of in ("2023-05-01", "2024-01-20"):
            result = run(["check", "reports", "--plan", "plan", "--as-of", as_of, "-f", fmt,
                          "-o", str(out / f"{as_of}.{fmt}")], ws)
            assert result.exit_code in (0, 1) and result.stdout == ""
        assert run(["check", "reports", "-f", fmt, "--as-of", "2024-01-20"], ws).stdout
    run(["check", "reports/2023-Q1", "--as-of", "2024-01-20", "-o", str(out / "quarter.txt")], ws)
    for fmt in ("text", "json"):
        run(["validate", "plan", "-f", fmt, "-o", str(out / f"validate.{fmt}")], ws)
    assert _digest(ws) == before
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{d}.{f}" for f in formats for d in ("2023-05-01", "2024-01-20")] + ["quarter.txt", "validate.json",
                                                                                "validate.text"])
    assert "F002" in (out / "2023-05-01.json").read_text(encoding="utf-8")
