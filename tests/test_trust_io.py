"""Verdicts you can trust (issue 8): zzip never overwrites what it reads, never follows a link out
of the folder it checks, never lets control or bidi characters from a file reach an output, never
hides unreadable input, and ends every bad input with a one-line message and exit code 2."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
ZZIP = Path(sys.executable).parent / "zzip"
runner = CliRunner()
COURT = "reports/2023-Q1/court.yaml"
AS_OF = ["--as-of", "2023-05-01"]


def zzip(*args: str):
    """The real CLI in-process; an internal error fails the test with its traceback."""
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def installed(*args: str, cwd: Path, stdout=subprocess.PIPE, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZZIP), *args], stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, timeout=120,
                          env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en", "COLUMNS": "160", **(env or {})})


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- 1. -o never names an input ------------------------------------------------------------------------

OUTPUT_CASES = [
    (["check", "reports", *AS_OF], COURT),
    (["check", "reports/2023-Q1", *AS_OF], "reports/2023-Q1/market-regulation.yaml"),
    (["validate", "plan"], "plan/tasks.yaml"),
    (["overdue", *AS_OF], COURT),
    (["progress", *AS_OF], "plan/indicators.yaml"),
    (["unit", "court", *AS_OF], COURT),
    (["plan", "export"], "plan/units.yaml"),
    (["diff", "plan", "plan"], "plan/plan.yaml"),
    (["template", "-u", "court", "--period", "2023-Q2", "--force"], "plan/milestones.yaml"),
]


@pytest.mark.parametrize("args,target", OUTPUT_CASES, ids=[" ".join(a[:2]) for a, _ in OUTPUT_CASES])
@pytest.mark.parametrize("how", ["direct", "symlink", "hardlink"])
def test_output_never_overwrites_an_input(workspace: Path, args, target, how) -> None:
    name = target
    if how == "symlink":
        name = "out-link.txt"
        os.symlink(workspace / target, workspace / name)
    elif how == "hardlink":
        name = "out-hard.txt"
        os.link(workspace / target, workspace / name)
    before = snapshot(workspace)
    result = zzip(*args, "-o", name)
    assert result.exit_code == 2, result.stdout
    assert "input" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""
    assert snapshot(workspace) == before


def test_output_never_overwrites_an_input_reached_through_a_linked_folder(workspace: Path) -> None:
    """A quarter folder that is a link inside reports/ (followed): -o naming the real file, or the
    file by the linked folder's path, is refused, whether the file is a link or not."""
    (workspace / "reports/2023-Q1").rename(workspace / "reports/q1-real")
    os.symlink("q1-real", workspace / "reports/2023-Q1")
    os.symlink("court.yaml", workspace / "reports/q1-real/court-link.yaml")
    before = snapshot(workspace)
    for name in ("reports/q1-real/court.yaml", "reports/2023-Q1/court.yaml", "reports/q1-real/court-link.yaml"):
        result = zzip("check", "reports", *AS_OF, "-o", name)
        assert result.exit_code == 2 and "input" in result.stderr, (name, result.stdout)
    assert snapshot(workspace) == before


def test_output_is_never_where_a_dangling_link_among_the_inputs_points(workspace: Path) -> None:
    os.symlink("out.txt", workspace / "reports/2023-Q1/late.yaml")  # points at a file not yet written
    result = zzip("check", "reports", *AS_OF, "-f", "json", "-o", "reports/2023-Q1/out.txt")
    assert result.exit_code == 2 and "input" in result.stderr and not (workspace / "reports/2023-Q1/out.txt").exists()


def test_output_to_a_device_is_written_without_listing_the_inputs(workspace: Path) -> None:
    result = zzip("check", "reports", *AS_OF, "-f", "json", "-o", os.devnull)
    assert result.exit_code == 0 and result.stdout == ""


def test_output_never_overwrites_the_configuration(workspace: Path) -> None:
    (workspace / "zzip.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    before = snapshot(workspace)
    result = zzip("check", "reports", *AS_OF, "-o", "zzip.toml")
    assert result.exit_code == 2 and "zzip.toml" in result.stderr
    assert snapshot(workspace) == before


@pytest.mark.parametrize("target", ["reports", "reports/2023-Q1", "plan"])
def test_output_is_never_an_input_folder(workspace: Path, target) -> None:
    before = snapshot(workspace)
    for args in (["check", "reports", *AS_OF], ["template", "-u", "court", "--period", "2023-Q2", "--force"]):
        result = zzip(*args, "-o", target)
        assert result.exit_code == 2, (args, result.stdout)
    assert snapshot(workspace) == before


def test_output_is_not_written_where_it_would_be_read_as_a_status_file(workspace: Path) -> None:
    result = zzip("check", "reports", *AS_OF, "-f", "json", "-o", "reports/2023-Q1/findings.json")
    assert result.exit_code == 2
    assert not (workspace / "reports/2023-Q1/findings.json").exists()


@pytest.mark.parametrize("args", [
    ["check", "reports", *AS_OF], ["validate", "plan"], ["overdue", *AS_OF], ["progress", *AS_OF],
    ["unit", "court", *AS_OF], ["plan", "export"], ["diff", "plan", "plan"], ["schema", "status"],
    ["template", "-u", "court", "--period", "2023-Q2"],
], ids=lambda a: a[0])
def test_dash_means_standard_output(workspace: Path, args) -> None:
    result = zzip(*args, "-o", "-")
    assert result.stdout.strip()
    assert not (workspace / "-").exists()


# -- 14. template never writes beside an existing report -----------------------------------------------

@pytest.mark.parametrize("suffix", [".json", ".yml", ".YAML"])
def test_template_refuses_when_the_report_exists_under_another_suffix(workspace: Path, suffix) -> None:
    court = workspace / COURT
    court.rename(court.with_name("court" + suffix))
    before = snapshot(workspace)
    result = zzip("template", "-u", "court", "--period", "2023-Q1")
    assert result.exit_code == 2 and f"court{suffix}" in result.stderr and "--force" in result.stderr
    assert snapshot(workspace) == before


def test_template_refuses_when_another_file_holds_the_units_report(workspace: Path) -> None:
    court = workspace / COURT
    court.rename(court.with_name("法院.yaml"))
    result = zzip("template", "-u", "court", "--period", "2023-Q1")
    assert result.exit_code == 2 and "法院.yaml" in result.stderr
    assert not (workspace / COURT).exists()
    assert zzip("template", "-u", "court", "--period", "2023-Q1", "--force").exit_code == 0


def test_template_never_overwrites_another_units_report(workspace: Path) -> None:
    before = snapshot(workspace)
    result = zzip("template", "-u", "court", "--period", "2023-Q1", "-o", "reports/2023-Q1/market-regulation.yaml",
                  "--force")
    assert result.exit_code == 2 and "another unit" in result.stderr
    assert snapshot(workspace) == before


# -- 16. checking one file ------------------------------------------------------------------------------

def test_checking_one_file_checks_that_file_in_its_quarter(workspace: Path) -> None:
    result = zzip("check", COURT, *AS_OF, "-f", "json")
    report = json.loads(result.stdout)
    paths = {f["path"] for f in report["findings"]}
    assert not any(p.startswith(COURT + "/") for p in paths), paths
    assert not any(f["code"] == "C304" for f in report["findings"]), report["findings"]  # not the other units' reports
    assert report["summary"]["quarters"] == ["2023-Q1"] and report["summary"]["submissions"] == 1
    assert [s["unit_id"] for s in report["standings"]] == ["court"]
    assert COURT in report["files"] and "reports/2023-Q1/market-regulation.yaml" not in report["files"]


def test_checking_one_file_sees_its_own_problems_and_its_history(workspace: Path) -> None:
    later = workspace / "reports/2023-Q2/court.yaml"
    later.parent.mkdir()
    text = (workspace / COURT).read_text(encoding="utf-8")
    later.write_text(text.replace("period: 2023-Q1", "period: 2023-Q2").replace('"2023-04-15"', '"2023-07-10"'),
                     encoding="utf-8")
    (workspace / COURT).write_text(text.replace("status: 进行中\n    percent: 40",
                                                'status: done\n    completed: "2023-03-01"\n    evidence: [{document: 判决}]'),
                                   encoding="utf-8")
    report = json.loads(zzip("check", "reports/2023-Q2/court.yaml", "--as-of", "2023-08-01", "-f", "json").stdout)
    codes = {(f["code"], f["path"]) for f in report["findings"]}
    assert ("C310", "reports/2023-Q2/court.yaml") in codes, codes  # done last quarter, not now
    assert all(p == "reports/2023-Q2/court.yaml" or p.startswith("plan/") for _c, p in codes), codes


# -- 12. views never hide bad input --------------------------------------------------------------------

UNPARSEABLE = "format: 1\nunit: court\n\tperiod: 2023-Q1\n"  # a tab: not YAML


@pytest.mark.parametrize("args", [
    ["unit", "court", *AS_OF], ["overdue", *AS_OF], ["progress", *AS_OF], ["overdue", "reports/2023-Q1", *AS_OF],
    ["unit", "court", *AS_OF, "-f", "json"], ["template", "-u", "court", "--period", "2023-Q2", "-o", "-"],
], ids=lambda a: " ".join(a[:2]))
def test_views_report_an_unreadable_status_file(workspace: Path, args) -> None:
    (workspace / COURT).write_text(UNPARSEABLE, encoding="utf-8")
    result = zzip(*args)
    assert result.exit_code == 2, result.stdout
    assert f"{COURT}:3:1: F001 " in result.stderr
    assert "missing" not in result.stdout


@pytest.mark.parametrize("args", [["overdue", "reprots"], ["progress", "reprots"], ["unit", "court", "--reports", "reprots"],
                                  ["check", "reprots"]], ids=lambda a: a[0])
def test_a_missing_reports_path_is_an_error(workspace: Path, args) -> None:
    result = zzip(*args, *AS_OF)
    assert result.exit_code == 2
    assert result.stderr == "zzip: error: reports folder 'reprots' does not exist\n"


def test_views_say_which_status_file_breaks_the_schema(workspace: Path) -> None:
    (workspace / COURT).write_text("unit: court\n", encoding="utf-8")
    result = zzip("unit", "court", *AS_OF)
    assert f"{COURT}:1:1: S201 missing required key 'period'" in result.stderr.splitlines()


# -- 2. links out of the checked folder are never followed ---------------------------------------------

SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "home" / ".ssh" / "id_ed25519"
    path.parent.mkdir(parents=True)
    path.write_text(SECRET, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["github", "text", "json", "sarif"])
@pytest.mark.parametrize("target", ["reports", "reports/2023-Q1", "reports/2023-Q1/x.yaml"])
def test_a_status_file_linked_outside_is_refused_by_name(workspace: Path, secret: Path, fmt, target) -> None:
    os.symlink(secret, workspace / "reports/2023-Q1/x.yaml")
    result = zzip("check", target, *AS_OF, "-f", fmt)
    assert result.exit_code == 2
    assert "reports/2023-Q1/x.yaml" in result.stdout and "symbolic link" in result.stdout
    assert "OPENSSH" not in result.stdout + result.stderr and "b3Bl" not in result.stdout + result.stderr
    assert "id_ed25519" not in result.stdout + result.stderr  # not even where it points


def test_a_quarter_folder_linked_outside_is_refused_by_name(workspace: Path, secret: Path) -> None:
    outside = secret.parent / "2023-Q2"
    outside.mkdir()
    (outside / "court.yaml").write_text(SECRET, encoding="utf-8")
    os.symlink(outside, workspace / "reports/2023-Q2")
    result = zzip("check", "reports", *AS_OF, "-f", "json")
    assert result.exit_code == 2
    [finding] = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "F001"]
    assert finding["path"] == "reports/2023-Q2" and "symbolic link to a folder" in finding["message"]
    assert "OPENSSH" not in result.stdout


def test_a_plan_file_linked_outside_is_refused_by_name(workspace: Path, secret: Path) -> None:
    (workspace / "plan/tasks.yaml").unlink()
    os.symlink(secret, workspace / "plan/tasks.yaml")
    for args in (["validate", "plan"], ["check", "reports", *AS_OF], ["plan", "export"]):
        result = zzip(*args)
        assert result.exit_code == 2, args
        assert "plan/tasks.yaml" in result.stdout + result.stderr and "OPENSSH" not in result.stdout + result.stderr


def test_links_inside_the_checked_folder_are_followed(workspace: Path) -> None:
    shutil.move(workspace / "plan/units.yaml", workspace / "plan/units-2023.yaml")
    os.symlink("units-2023.yaml", workspace / "plan/units.yaml")
    assert zzip("validate", "plan").exit_code == 0
    os.symlink("2023-Q1", workspace / "reports/2023-Q2")  # a link inside reports: read (its files are misfiled)
    report = json.loads(zzip("check", "reports", *AS_OF, "-f", "json").stdout)
    assert not [f for f in report["findings"] if f["code"] == "F001"]
    assert any(f["path"].startswith("reports/2023-Q2/") for f in report["findings"])


# -- 3. control and bidi characters never reach an output as they stand --------------------------------

import re  # noqa: E402

# Anything a terminal, a CI log or a browser would act on rather than show: C0 and C1 controls but
# line ends and tabs, the bidi controls, zero-width and other format characters, lone surrogates.
RAW = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ud800-\udfff]")
HOSTILE = "\x1b[2J\x1b]0;owned\x07\u202e\u2066\u200f\u061c\u2028\u200b\x85"
FORMATS = ["text", "json", "csv", "markdown", "github", "gitlab", "junit", "sarif"]


def assert_clean(text: str) -> None:
    text = text[1:] if text.startswith("\ufeff") else text  # the CSV byte-order mark
    found = RAW.search(text)
    assert found is None, f"raw U+{ord(found.group()):04X} in output: {text[max(0, found.start() - 80):found.end() + 20]!r}"


@pytest.fixture
def hostile_reports(workspace: Path) -> Path:
    """court's report, under a file name and with a note and a contact full of control and bidi characters."""
    court = workspace / COURT
    text = court.read_text(encoding="utf-8").replace("note: 办法草案已完成", f'note: "{HOSTILE.encode("unicode_escape").decode()}"')
    text = text.replace('period: 2023-Q1', f'period: 2023-Q1\ncontact: "张三\\u202e\\x1b[31m"')
    court.unlink()
    (court.parent / f"court{HOSTILE.replace(chr(7), '')}.yaml").write_text(text, encoding="utf-8")
    return workspace


@pytest.mark.parametrize("fmt", FORMATS)
def test_check_escapes_hostile_file_names_and_values_in_every_format(hostile_reports: Path, fmt) -> None:
    result = zzip("check", "reports", *AS_OF, "-f", fmt)
    assert "court" in result.stdout and "\\u202e" in result.stdout  # shown, escaped
    assert_clean(result.stdout + result.stderr)
    assert zzip("check", "reports", *AS_OF, "-f", fmt, "-o", "out.txt").exit_code == result.exit_code
    assert_clean((hostile_reports / "out.txt").read_text(encoding="utf-8"))
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(result.stdout)  # escapes keep it valid


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "markdown"])
@pytest.mark.parametrize("view", [["unit", "court"], ["overdue"], ["progress"]], ids=lambda v: v[0])
def test_views_escape_hostile_file_names_and_values(hostile_reports: Path, view, fmt) -> None:
    result = zzip(*view, "--as-of", "2024-02-01", "-f", fmt)
    assert_clean(result.stdout + result.stderr)
    if view[0] == "unit":
        # the file, named visibly (in markdown, its backslash and bracket escaped as markdown text)
        assert any(shown in result.stdout for shown in ("court\\x1b[2J", "court\\u001b[2J", "court\\\\x1b\\[2J"))
    if fmt == "json":
        json.loads(result.stdout)


def test_check_escapes_in_colour_on_a_terminal(hostile_reports: Path, monkeypatch) -> None:
    import zzip.cli.helpers as helpers

    monkeypatch.setattr(helpers, "use_colour", lambda stream=None: True)  # where console() asks
    result = zzip("check", "reports", *AS_OF)
    without_colours = re.sub("\x1b\\[[0-9;]*m", "", result.stdout)  # rich's own colours
    assert "\x1b[31m" in result.stdout and "court" in without_colours
    assert_clean(without_colours)


HOSTILE_PLAN = [
    ("units.yaml", "name: 市中级人民法院", 'name: "市中级\\e[2J人民法院"', "plan/units.yaml:7:11", "units[2].name", "ESC"),
    ("units.yaml", "name: 市中级人民法院", 'name: "市中级\\0人民法院"', "plan/units.yaml:7:11", "units[2].name", "NUL"),
    ("tasks.yaml", "title: 加强司法保护", 'title: "加强\\u202e司法保护"', "plan/tasks.yaml:13:12", "tasks[2].title",
     "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    ("tasks.yaml", "title: 加强司法保护", 'title: "加强司法保护\\n第二行"', "plan/tasks.yaml:13:12", "tasks[2].title",
     "a line break (U+000A)"),
    ("tasks.yaml", "id: KT-1-2", 'id: "KT-1-2\\n"', "plan/tasks.yaml:10:9", "tasks[2].id", "a line break"),
    ("units.yaml", "aliases: [郑州市中级人民法院]", 'aliases: ["郑州市\\u2066中级人民法院"]', "plan/units.yaml:9:15",
     "units[2].aliases[1]", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
]


@pytest.mark.parametrize("file,old,new,where,field,what", HOSTILE_PLAN, ids=[c[-1][:12] for c in HOSTILE_PLAN])
def test_validate_rejects_control_characters_in_the_plan(minimal_plan: Path, file, old, new, where, field, what,
                                                         monkeypatch) -> None:
    monkeypatch.chdir(minimal_plan.parent)
    path = minimal_plan / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    for fmt in FORMATS:
        result = zzip("validate", "plan", "-f", fmt)
        assert result.exit_code == 1, result.stdout
        assert_clean(result.stdout)
    lines = zzip("validate", "plan").stdout.splitlines()
    assert any(line.startswith(f"{where}: P112 {field} contains ") and what in line for line in lines), lines


def test_template_never_writes_a_broken_file_from_a_broken_title(workspace: Path) -> None:
    tasks = workspace / "plan/tasks.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("title: 加强司法保护", 'title: "加强司法保护\\n- 第二行"'),
                     encoding="utf-8")
    result = zzip("template", "-u", "court", "--period", "2023-Q2")
    assert result.exit_code == 2 and "has errors" in result.stderr
    assert not (workspace / "reports/2023-Q2").exists()


def test_every_invisible_character_is_escaped() -> None:
    import unicodedata

    from zzip.findings import printable, safe_document

    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs") and char != "\t":
            assert printable(char) != char and char not in printable(char), hex(code)
            if char not in "\n\r":
                assert char not in safe_document("x" + char), hex(code)


# -- 17. no input crashes zzip: a one-line message and exit 2 ------------------------------------------

def one_line_error(result) -> str:
    stderr = result.stderr if isinstance(result.stderr, str) else result.stderr.decode("utf-8", "replace")
    assert "internal error" not in stderr and "Traceback" not in stderr, stderr
    lines = stderr.splitlines()
    assert lines and lines[-1].startswith("zzip: error: "), stderr
    return lines[-1]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8(workspace: Path, fmt) -> None:
    name = os.fsdecode(b"\xd6\xd0.yaml")  # 中 in GBK, as unzipped from a Windows archive
    shutil.copy(workspace / COURT, workspace / "reports/2023-Q1" / name)
    done = installed("check", "reports", *AS_OF, "-f", fmt, cwd=workspace)
    assert done.returncode == 1, done.stderr
    text = done.stdout.decode("utf-8")  # valid UTF-8
    assert "xd6" in text and "xd0.yaml" in text  # named, visibly (sarif and gitlab turn \\ into /, as for Windows)
    if fmt == "json":
        assert "reports/2023-Q1/\\xd6\\xd0.yaml" in json.loads(text)["files"]
    if fmt == "sarif":  # written to a file, and shown in a view
        assert installed("check", "reports", *AS_OF, "-f", fmt, "-o", "out", cwd=workspace).returncode == 1
        (workspace / "out").read_text(encoding="utf-8")
        (workspace / COURT).unlink()  # the misnamed copy alone: it is then the court's report the view names
        shown = installed("unit", "court", *AS_OF, cwd=workspace)
        assert shown.returncode == 0 and "\\xd6\\xd0.yaml" in shown.stdout.decode("utf-8")


@pytest.fixture
def repo(workspace: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e",
           "PATH": "/usr/bin:/bin", "HOME": str(workspace)}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "one"]):
        subprocess.run(["git", *args], cwd=workspace, check=True, capture_output=True, env=env)
    return workspace


def test_diff_with_a_plan_outside_the_repository(repo: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "plan"
    shutil.copytree(repo / "plan", outside)
    result = zzip("diff", "HEAD", "--plan", str(outside))
    assert result.exit_code == 2
    assert "outside the git repository" in one_line_error(result)


def test_diff_of_a_revision_whose_plan_file_is_gbk(repo: Path) -> None:
    units = repo / "plan/units.yaml"
    units.write_bytes(units.read_text(encoding="utf-8").encode("gbk"))
    subprocess.run(["git", "commit", "-qam", "gbk"], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@e", "PATH": "/usr/bin:/bin", "HOME": str(repo)})
    result = zzip("diff", "HEAD", "plan")
    assert result.exit_code == 0, result.stderr  # read as GB18030, as in a folder (a warning)
    assert "No changes." in result.stdout


@pytest.mark.parametrize("args,words", [
    (["overdue", "--as-of", "9999-12-31"], "out of range"),
    (["check", "reports", "--as-of", "9999-12-31"], "out of range"),
    (["unit", "court", "--as-of", "0001-01-01"], "out of range"),
    (["overdue", "--within", "99999999999", *AS_OF], "--within"),
], ids=["overdue as-of", "check as-of", "unit as-of", "within"])
def test_dates_and_horizons_out_of_range(workspace: Path, args, words) -> None:
    result = zzip(*args)
    assert result.exit_code == 2 and words in result.stderr


@pytest.mark.parametrize("setting,words", [
    ("[overdue]\nsevere-days = 9223372036854775807\n", "overdue.severe-days: must be at most 3650; found the number 9223372036854775807"),
    ("[overdue]\ndue-soon-days = 9223372036854775807\n", "overdue.due-soon-days"),
    ("[progress]\non-track = nan\n", "progress.on-track: nan is not a number"),
    ("[progress]\nabout-tolerance = nan\n", "progress.about-tolerance: nan is not a number"),
])
@pytest.mark.parametrize("command", [["check", "reports"], ["unit", "court"], ["overdue"], ["progress"]], ids=lambda c: c[0])
def test_configuration_values_out_of_range(workspace: Path, setting, words, command) -> None:
    (workspace / "zzip.toml").write_text(setting, encoding="utf-8")
    result = zzip(*command, *AS_OF)
    assert result.exit_code == 2
    assert words in result.stderr and "fix the configuration" in one_line_error(result)


@pytest.mark.parametrize("edit", [("plan.yaml", 'end: "2025-12"', 'end: "9999-12"'),
                                  ("plan.yaml", 'start: "2022-01"', 'start: "0001-01"')], ids=["end", "start"])
def test_a_plan_period_out_of_range_is_a_plan_error(workspace: Path, edit) -> None:
    path = workspace / "plan" / edit[0]
    text = path.read_text(encoding="utf-8")
    assert edit[1] in text
    path.write_text(text.replace(edit[1], edit[2]), encoding="utf-8")
    assert "is outside the years a plan can cover (1949 to 2100)" in zzip("validate", "plan").stdout
    assert zzip("check", "reports", *AS_OF).exit_code == 1
    assert zzip("overdue", *AS_OF).exit_code == 2


def test_a_report_for_a_quarter_out_of_range(workspace: Path) -> None:
    folder = workspace / "reports/9999-Q4"
    folder.mkdir()
    (folder / "court.yaml").write_text((workspace / COURT).read_text(encoding="utf-8").replace("2023-Q1", "9999-Q4"),
                                       encoding="utf-8")
    for target in ("reports", "reports/9999-Q4"):
        report = json.loads(zzip("check", target, *AS_OF, "-f", "json").stdout)
        assert any(f["code"] == "S201" and "out of range" in f["message"] for f in report["findings"])


def test_template_to_a_folder_with_force(workspace: Path) -> None:
    (workspace / "out").mkdir()
    result = zzip("template", "-u", "court", "--period", "2023-Q2", "-o", "out", "--force")
    assert result.exit_code == 2 and "folder" in one_line_error(result)


def test_a_quarter_folder_in_other_digits_is_not_a_quarter(workspace: Path) -> None:
    arabic = workspace / "reports/٢٠٢٣-Q1"
    (workspace / "reports/2023-Q1").rename(arabic)
    report = json.loads(zzip("check", "reports", *AS_OF, "-f", "json").stdout)
    assert "٢٠٢٣-Q1" not in report["summary"]["quarters"]
    assert any(f["code"] == "S208" and f["path"].startswith("reports/٢٠٢٣-Q1/") for f in report["findings"])
    report = json.loads(zzip("check", "reports/٢٠٢٣-Q1", *AS_OF, "-f", "json").stdout)
    assert any(f["code"] == "S208" for f in report["findings"])


@pytest.mark.parametrize("args", [["check", "reports", *AS_OF], ["check", "reports", *AS_OF, "-f", "json"],
                                  ["overdue", *AS_OF], ["rules"], ["--version"], ["schema", "status"]],
                         ids=lambda a: " ".join(a[:3]))
def test_a_full_standard_output(workspace: Path, args) -> None:
    with open("/dev/full", "w") as full:
        done = installed(*args, cwd=workspace, stdout=full)
    assert done.returncode == 2
    assert one_line_error(done) == "zzip: error: cannot write to standard output: No space left on device"


@pytest.mark.parametrize("args", [["check", "reports", *AS_OF], ["check", "reports", *AS_OF, "-f", "json"],
                                  ["--version"], ["rules"]], ids=lambda a: " ".join(a[:3]))
def test_no_standard_output_at_all(workspace: Path, args) -> None:
    """`zzip check >&-` (a cron line, a service with no stdout): Python has no sys.stdout. It was an
    internal error (AttributeError, exit 3, a traceback as it exited), or a traceback for --version."""
    done = subprocess.run([str(ZZIP), *args], stderr=subprocess.PIPE, cwd=workspace, timeout=120,
                          preexec_fn=lambda: os.close(1), env={"PATH": str(ZZIP.parent), "ZZIP_LANG": "en"})
    assert done.returncode == 2
    assert one_line_error(done) == "zzip: error: cannot write to standard output: Bad file descriptor"
    assert len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("fast", ["", "1"], ids=["plain check", "typer"])
def test_no_standard_error_keeps_the_exit_code(workspace: Path, fast: str) -> None:
    """`zzip check missing 2>&-`: Python has no sys.stderr, and writing the one-line error raised
    AttributeError, which ended the run with 1 (findings) instead of 2 (bad input)."""
    done = subprocess.run([str(ZZIP), "check", "no-such-folder"], stdout=subprocess.PIPE, cwd=workspace, timeout=120,
                          preexec_fn=lambda: os.close(2),
                          env={"PATH": str(ZZIP.parent), "ZZIP_LANG": "en", "ZZIP_NO_FAST_CHECK": fast})
    assert done.returncode == 2


def test_no_standard_output_with_an_output_file(workspace: Path) -> None:
    """With -o, standard output is never needed: the run is as with one."""
    done = subprocess.run([str(ZZIP), "check", "reports", *AS_OF, "-f", "json", "-o", "out.json"], stderr=subprocess.PIPE,
                          cwd=workspace, timeout=120, preexec_fn=lambda: os.close(1),
                          env={"PATH": str(ZZIP.parent), "ZZIP_LANG": "en"})
    assert done.returncode in (0, 1) and not done.stderr, done.stderr
    assert json.loads((workspace / "out.json").read_text(encoding="utf-8"))["tool"]["name"] == "zzip"


@pytest.mark.parametrize("args", [["check", "reports", *AS_OF], ["rules"], ["schema", "status"]], ids=lambda a: a[0])
def test_a_closed_standard_output(workspace: Path, args) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # nobody reads: the first write fails with EPIPE
    try:
        done = installed(*args, cwd=workspace, stdout=writer)
    finally:
        os.close(writer)
    assert done.returncode == 141, done.stderr  # as a shell reports a tool ended by SIGPIPE
    assert not done.stderr  # a reader that stops early (`| head`) is normal


def test_template_never_writes_through_a_link_to_the_plan(workspace: Path) -> None:
    (workspace / "reports/2023-Q2").mkdir()
    os.link(workspace / "plan/tasks.yaml", workspace / "reports/2023-Q2/court.yaml")
    before = snapshot(workspace)
    result = zzip("template", "-u", "court", "--period", "2023-Q2", "--force")
    assert result.exit_code == 2 and "input" in result.stderr
    assert snapshot(workspace) == before


@pytest.mark.parametrize("command", [["check"], ["overdue"], ["unit", "court", "--reports"]], ids=lambda c: c[0])
def test_an_unreadable_history_file_is_said_when_checking_a_later_quarter(workspace: Path, command) -> None:
    later = workspace / "reports/2023-Q2"
    later.mkdir()
    for name in ("court.yaml", "market-regulation.yaml"):
        text = (workspace / "reports/2023-Q1" / name).read_text(encoding="utf-8")
        (later / name).write_text(text.replace("period: 2023-Q1", "period: 2023-Q2")
                                  .replace('submitted: "2023-04-1', 'submitted: "2023-07-1'), encoding="utf-8")
    (workspace / COURT).write_text(UNPARSEABLE, encoding="utf-8")  # the history
    result = zzip(*command, "reports/2023-Q2", "--as-of", "2023-08-01")
    assert result.exit_code == 2
    assert f"{COURT}:3:1: F001" in result.stdout + result.stderr
