"""The machine-readable output formats: what CI systems, spreadsheets and reviewers rely on."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from zzip import __version__
from zzip.findings import Finding, Location, Severity
from zzip.output import csv_format, github, gitlab, junit, markdown, sarif
from zzip.output.formats import FORMATS, render
from zzip.report import Report, UnitStanding

SCHEMAS = Path(__file__).parents[1] / "schemas"  # the official schemas, shipped with the tests
CN_PATH = "reports/2025-Q2/市 市场监管局.yaml"
CN_URI = "reports/2025-Q2/%E5%B8%82%20%E5%B8%82%E5%9C%BA%E7%9B%91%E7%AE%A1%E5%B1%80.yaml"
ODD_PATH = "reports/old, v1: draft.yaml"
TRICKY = "progress 50% reported: see row 3,\r\nthen 4"


def _schema(name: str) -> Path:
    return SCHEMAS / name  # see tests/schemas/README.md


def finding(code, name, severity, message, path, line=None, column=None, unit=None) -> Finding:
    return Finding(code, name, severity, message, Location(path, line, column), unit)


def make_report() -> Report:
    findings = [
        finding("P107", "milestone-without-owner", Severity.WARNING, TRICKY, CN_PATH, 12, 5, unit="U01"),
        finding("P102", "duplicate-id", Severity.ERROR, "task id 'KT-1-1' is already used by the task at "
                "plan/tasks.yaml:2:3", "plan/tasks.yaml", 9, 3),
        finding("P102", "duplicate-id", Severity.ERROR, "milestone id 'M-1' is already used by the task at "
                "plan/tasks.yaml:4:3", "plan/tasks.yaml", 30, 3),
        finding("F002", "non-utf8-file", Severity.INFO, "saved as GBK, not UTF-8", ODD_PATH),
        finding("S201", "report-missing", Severity.ERROR, "no report for 2025-Q2", CN_PATH, 1, None, unit="U01"),
    ]
    standings = [
        UnitStanding("U01", "市场监管局 | 知识产权处", 7, 2, 41, 1, 0, 1, 2),
        UnitStanding("U02", "市科技局", 3, 0, 0, 0, 0, 0, 0),
    ]
    files = ["plan/tasks.yaml", "plan/units.yaml", CN_PATH, ODD_PATH]
    return Report("check", findings, files, summary={"plan": "zz-ip-2022-34", "as_of": "2025-07-20"},
                  standings=standings)


def empty_report() -> Report:
    return Report("validate", [], ["plan/tasks.yaml", "plan/units.yaml"])


# SARIF

def _validate_sarif(text: str) -> dict:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(_schema("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(text)
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    return document


def test_sarif_is_valid_and_locates_each_finding():
    document = _validate_sarif(sarif.render(make_report()))
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("zzip", __version__)
    assert "informationUri" not in driver
    rules = driver["rules"]
    results = run["results"]
    got = [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]) for r in results]
    assert got == [
        ("P102", "error", {"artifactLocation": {"uri": "plan/tasks.yaml"}, "region": {"startLine": 9, "startColumn": 3}}),
        ("P102", "error", {"artifactLocation": {"uri": "plan/tasks.yaml"}, "region": {"startLine": 30, "startColumn": 3}}),
        ("S201", "error", {"artifactLocation": {"uri": CN_URI}, "region": {"startLine": 1}}),
        ("P107", "warning", {"artifactLocation": {"uri": CN_URI}, "region": {"startLine": 12, "startColumn": 5}}),
        ("F002", "note", {"artifactLocation": {"uri": "reports/old%2C%20v1%3A%20draft.yaml"}}),
    ]
    # The schema's uri-reference format is only checked when rfc3986-validator is installed: check it here.
    for _, _, location in got:
        assert re.fullmatch(r"[A-Za-z0-9/%._~-]+", location["artifactLocation"]["uri"])
    assert [rules[r["ruleIndex"]]["id"] for r in results] == [r["ruleId"] for r in results]
    assert [r["id"] for r in rules] == ["P102", "S201", "P107", "F002"]
    p107 = rules[2]
    assert p107["name"] == "milestone-without-owner"
    assert p107["shortDescription"]["text"] == "A milestone has no responsible unit"
    assert p107["help"]["markdown"].startswith("## What it does")
    assert p107["defaultConfiguration"]["level"] == "error"  # the rule's default, while the result is a warning
    assert results[3]["message"]["text"] == TRICKY
    assert results[3]["properties"] == {"unit": "U01"}
    assert "properties" not in results[0]
    fingerprints = [r["partialFingerprints"]["zzip/v2"] for r in results]
    assert len(set(fingerprints)) == len(results) and all(re.fullmatch(r"[0-9a-f]{32}", f) for f in fingerprints)
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["properties"] == {"plan": "zz-ip-2022-34", "as_of": "2025-07-20"}


def test_sarif_of_an_empty_report():
    run = _validate_sarif(sarif.render(empty_report()))["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert "properties" not in run


# JUnit

def _validate_junit(text: str) -> ET.Element:
    xmlschema = pytest.importorskip("xmlschema")
    xmlschema.XMLSchema(str(_schema("junit-10.xsd"))).validate(text)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(text.encode("utf-8"))
    assert "file" not in root.attrib and all("file" not in case.attrib for case in root.iter("testcase"))
    assert [child.tag for child in root][0] == "properties"
    assert [child.tag for child in root][-2:] == ["system-out", "system-err"]
    return root


def test_junit_is_valid_with_one_testcase_per_file_and_rule():
    root = _validate_junit(junit.render(make_report()))
    cases = [(c.get("classname"), c.get("name")) for c in root.iter("testcase")]
    assert len(cases) == len(set(cases))
    assert sorted(cases) == sorted([
        ("plan/tasks.yaml", "P102 duplicate-id"),
        ("plan/units.yaml", "all checks passed"),
        (CN_PATH, "P107 milestone-without-owner"),
        (CN_PATH, "S201 report-missing"),
        (ODD_PATH, "F002 non-utf8-file"),
    ])
    assert root.get("name") == "zzip check"
    assert (root.get("tests"), root.get("failures"), root.get("errors"), root.get("skipped")) == ("5", "4", "0", "0")
    assert root.get("timestamp") == "2025-07-20T00:00:00"
    assert {p.get("name"): p.get("value") for p in root.iter("property")} == {
        "plan": "zz-ip-2022-34", "as_of": "2025-07-20"}
    failures = {c.get("name"): c.find("failure") for c in root.iter("testcase") if c.get("classname") == "plan/tasks.yaml"}
    failure = failures["P102 duplicate-id"]
    assert failure.get("type") == "error"
    assert failure.get("message").startswith("task id 'KT-1-1'")
    assert failure.text.splitlines() == [
        "plan/tasks.yaml:9:3: task id 'KT-1-1' is already used by the task at plan/tasks.yaml:2:3",
        "plan/tasks.yaml:30:3: milestone id 'M-1' is already used by the task at plan/tasks.yaml:4:3",
    ]
    assert next(c for c in root.iter("testcase") if c.get("classname") == "plan/units.yaml").find("failure") is None


def test_junit_of_an_empty_report_has_the_passing_testcases():
    root = _validate_junit(junit.render(empty_report()))
    assert (root.get("tests"), root.get("failures")) == ("2", "0")
    assert [c.get("name") for c in root.iter("testcase")] == ["all checks passed"] * 2
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", root.get("timestamp"))
    assert root.find("properties") is not None and len(root.find("properties")) == 0


def test_junit_drops_characters_xml_cannot_carry():
    report = Report("validate", [finding("P101", "plan-schema-violation", Severity.ERROR, "bad \x01byte", "a.yaml")])
    root = _validate_junit(junit.render(report))
    assert root.find("testcase/failure").get("message") == "bad byte"


# GitHub

def test_github_annotations_are_escaped_exactly():
    lines = github.render(make_report()).splitlines()
    assert lines == [
        "::error file=plan/tasks.yaml,line=9,col=3,title=P102 duplicate-id::task id 'KT-1-1' is already used "
        "by the task at plan/tasks.yaml:2:3",
        "::error file=plan/tasks.yaml,line=30,col=3,title=P102 duplicate-id::milestone id 'M-1' is already used "
        "by the task at plan/tasks.yaml:4:3",
        "::error file=reports/2025-Q2/市 市场监管局.yaml,line=1,title=S201 report-missing::no report for 2025-Q2",
        "::warning file=reports/2025-Q2/市 市场监管局.yaml,line=12,col=5,title=P107 milestone-without-owner::"
        "progress 50%25 reported: see row 3,%0D%0Athen 4",
        "::notice file=reports/old%2C v1%3A draft.yaml,title=F002 non-utf8-file::saved as GBK, not UTF-8",
        "Found 3 errors, 1 warning, 1 note in 4 files.",
    ]


def test_github_escapes_property_values():
    assert github.escape_property("a%b:c,d\r\ne") == "a%25b%3Ac%2Cd%0D%0Ae"
    assert github.escape_data("a%b:c,d\r\ne") == "a%25b:c,d%0D%0Ae"


# GitLab

def test_gitlab_code_quality():
    text = gitlab.render(make_report())
    assert not text.startswith("\ufeff")
    issues = json.loads(text)
    assert [i["severity"] for i in issues] == ["critical", "critical", "critical", "major", "info"]
    assert issues[3] == {
        "description": f"P107 {TRICKY}", "check_name": "P107", "fingerprint": issues[3]["fingerprint"],
        "severity": "major", "location": {"path": CN_PATH, "lines": {"begin": 12}},
    }
    assert issues[4]["location"]["lines"] == {"begin": 1}  # no line: GitLab needs one anyway
    assert "市场监管局" in text  # not \u escapes
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert all(re.fullmatch(r"[0-9a-f]{32}", i["fingerprint"]) for i in issues)


def test_gitlab_fingerprints_differ_for_identical_findings():
    same = finding("P102", "duplicate-id", Severity.ERROR, "id 'X' is used twice", "plan/tasks.yaml", 4, 3)
    issues = json.loads(gitlab.render(Report("validate", [same, same, same])))
    assert len({i["fingerprint"] for i in issues}) == 3
    # ...and stay stable from run to run
    assert issues == json.loads(gitlab.render(Report("validate", [same, same, same])))


# CSV

def _rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_csv_round_trips_the_findings():
    report = make_report()
    rows = _rows(csv_format.render(report))
    assert list(rows[0]) == ["severity", "code", "name", "path", "line", "column", "unit", "message"]
    expected = [{"severity": str(f.severity), "code": f.code, "name": f.name, "path": f.location.path,
                 "line": "" if f.location.line is None else str(f.location.line),
                 "column": "" if f.location.column is None else str(f.location.column),
                 "unit": f.unit or "", "message": f.message} for f in report.findings]
    assert rows == expected
    assert rows[3]["message"] == TRICKY and rows[3]["path"] == CN_PATH


def test_csv_standings():
    rows = _rows(csv_format.render_standings(make_report()))
    assert rows[0] == {"unit_id": "U01", "unit_name": "市场监管局 | 知识产权处", "answers_for": "7", "overdue": "2",
                       "worst_days_overdue": "41", "missing_reports": "1", "late_reports": "0",
                       "indicators_behind": "1", "indicators_at_risk": "0", "findings": "2"}
    assert [r["unit_id"] for r in rows] == ["U01", "U02"]


# Markdown

def test_markdown_shows_who_is_behind_and_counts_by_rule():
    text = markdown.render(make_report())
    assert text.startswith("# zzip check: plan zz-ip-2022-34 version None, as of 20 July 2025\n\nFound 3 errors, 1 warning, 1 note in 4 files.\n")
    behind = text.split("## Who is behind", 1)[1].split("##", 1)[0]
    assert r"| 市场监管局 \| 知识产权处 | U01 | 7 | 2 | 41 | 1 | - | 1 | - | 2 |" in behind
    assert "市科技局" not in behind
    by_rule = text.split("## Findings by rule", 1)[1].split("## Findings\n", 1)[0]
    assert "| P102 | duplicate-id | error | 2 |" in by_rule
    assert "| F002 | non-utf8-file | info | 1 |" in by_rule
    findings = text.split("## Findings\n", 1)[1]
    assert "### 市场监管局 \\| 知识产权处 (U01)" in findings  # findings about a unit are listed under its name (markdown-escaped)
    assert "- `reports/2025-Q2/市 市场监管局.yaml:12:5` P107 **warning** progress 50% reported: see row 3, then 4" in findings
    assert "### `plan/tasks.yaml`" in findings and "- `plan/tasks.yaml:30:3` P102 " in findings
    assert "\r" not in text


def test_markdown_when_nobody_is_behind():
    report = make_report()
    report.standings = [report.standings[1]]
    assert "## Who is behind\n\nNobody is behind.\n" in markdown.render(report)
    assert "Who is behind" not in markdown.render(empty_report())


def test_markdown_code_spans_survive_backticks():
    assert markdown.code_span("a`b") == "``a`b``"
    assert markdown.code_span("`a") == "`` `a ``"


# Every format

@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_an_empty_report(name):
    text = render(name, empty_report())
    assert isinstance(text, str) and text.endswith("\n")
    if name == "json":
        assert json.loads(text)["findings"] == []
    if name == "gitlab":
        assert json.loads(text) == []
    if name == "sarif":
        _validate_sarif(text)
    if name == "junit":
        _validate_junit(text)
    if name == "csv":
        assert _rows(text) == []
    if name == "github":
        assert text == "All checks passed (2 files checked).\n"
    if name == "markdown":
        assert "No findings." in text


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        render("xml", empty_report())
