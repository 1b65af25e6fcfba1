"""SARIF and GitLab fingerprints name the problem, not the day it was seen: the same overdue
milestone checked tomorrow keeps its fingerprint, so code scanning and merge requests do not show
it as new every morning (issue 8, point 18)."""

import json
import subprocess
import sys
from pathlib import Path

from zzip.findings import Finding, Location, Severity
from zzip.output import gitlab, sarif

REPO = Path(__file__).parent.parent
ZZIP = Path(sys.executable).parent / "zzip"
DAYS = ("2025-07-31", "2025-08-14")


def zzip(*args: str) -> str:
    result = subprocess.run([str(ZZIP), *args], capture_output=True, text=True, cwd=REPO, timeout=120,
                            env={"PATH": str(ZZIP.parent), "LANG": "C.UTF-8", "ZZIP_LANG": "en"})
    assert result.returncode == 1, result.stderr
    return result.stdout


def sarif_results(day: str) -> dict:
    """(rule, file, line, column) -> (fingerprint, message), one per finding."""
    results = json.loads(zzip("check", "reports", "--as-of", day, "--format", "sarif"))["runs"][0]["results"]
    out = {}
    for r in results:
        physical = r["locations"][0]["physicalLocation"]
        region = physical.get("region", {})
        key = (r["ruleId"], physical["artifactLocation"]["uri"], region.get("startLine"), region.get("startColumn"),
               r.get("properties", {}).get("unit"))
        assert key not in out, key  # the example data has one finding per rule, place and unit
        out[key] = (r["partialFingerprints"], r["message"]["text"])
    return out


def gitlab_issues(day: str) -> dict:
    issues = json.loads(zzip("check", "reports", "--as-of", day, "--format", "gitlab"))
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # GitLab keys issues on the fingerprint
    return {i["fingerprint"]: i for i in issues}


def test_sarif_fingerprints_of_the_same_findings_do_not_change_from_one_day_to_the_next() -> None:
    first, second = (sarif_results(day) for day in DAYS)
    same = set(first) & set(second)
    assert len(same) >= 20
    reworded = [key for key in same if first[key][1] != second[key][1]]
    assert len(reworded) >= 5, "the two days must change some messages ('N days ago') for the test to mean anything"
    assert {key[0] for key in reworded} >= {"C301", "C304"}
    for key in same:
        assert first[key][0] == second[key][0], (key, first[key][1], second[key][1])


def test_sarif_fingerprints_tell_different_problems_apart() -> None:
    for day in DAYS:
        fingerprints = [prints["zzip/v2"] for prints, _message in sarif_results(day).values()]
        assert len(set(fingerprints)) == len(fingerprints)


def test_gitlab_fingerprints_of_the_same_findings_do_not_change_from_one_day_to_the_next() -> None:
    first, second = (gitlab_issues(day) for day in DAYS)
    def place(issue: dict) -> tuple:
        return issue["check_name"], issue["location"]["path"], issue["location"]["lines"]["begin"]
    by_place_first = {}
    for fingerprint, issue in first.items():
        by_place_first.setdefault(place(issue), set()).add(fingerprint)
    kept = 0
    for fingerprint, issue in second.items():
        if place(issue) in by_place_first:
            assert fingerprint in by_place_first[place(issue)], issue
            kept += 1
    assert kept >= 20
    reworded = [f for f in set(first) & set(second) if first[f]["description"] != second[f]["description"]]
    assert len(reworded) >= 5


def finding(code: str, message: str, unit: str | None = "court", **extra) -> Finding:
    return Finding(code, "name", Severity.ERROR, message, Location("reports/2025-Q2/court.yaml", 3, 5), unit, extra)


def test_fingerprints_follow_what_identifies_the_problem_not_the_wording() -> None:
    today = finding("C301", "MS-1-2 is overdue: 10 days ago", milestone="MS-1-2", days_overdue=10, grade="overdue")
    tomorrow = finding("C301", "MS-1-2 is severely overdue, 91 days ago", milestone="MS-1-2", days_overdue=91,
                       grade="severely overdue")
    other_item = finding("C301", "MS-1-2 is overdue: 10 days ago", milestone="MS-1-3", days_overdue=10)
    other_unit = finding("C301", "MS-1-2 is overdue: 10 days ago", unit="office", milestone="MS-1-2", days_overdue=10)
    other_rule = finding("C302", "MS-1-2 is overdue: 10 days ago", milestone="MS-1-2", days_overdue=10)
    assert sarif.fingerprint(today) == sarif.fingerprint(tomorrow)
    assert len({sarif.fingerprint(f) for f in (today, other_item, other_unit, other_rule)}) == 4
    issues = json.loads(gitlab.render(_report([today, other_item, other_unit, other_rule])))
    assert len({i["fingerprint"] for i in issues}) == 4
    again = json.loads(gitlab.render(_report([tomorrow, other_item, other_unit, other_rule])))
    assert {i["fingerprint"] for i in issues} == {i["fingerprint"] for i in again}


def _report(findings: list[Finding]):
    from zzip.report import Report

    return Report("check", list(findings))
