"""What the check costs beyond reading: a finding that is not reported (its rule ignored, its file out
of the quarter checked) must not make zzip read a file again for its position (benchmarks/README.md,
"Native speed"), and the shared indexes of the check context must answer as the scans they replace."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from zzip import fastyaml

REPO = Path(__file__).resolve().parent.parent
AS_OF = dt.date(2025, 7, 31)


def _with_a_stray_entry(tmp_path: Path) -> tuple[Path, str]:
    """The example reports, with an entry for an item its unit has no part in (S203) added to a
    file of 2024-Q1 that has no other finding. Returns the reports folder and that file as shown."""
    from zzip.plan_loader import display_path, load_plan
    from zzip.responsibility import Responsibilities

    reports = tmp_path / "reports"
    shutil.copytree(REPO / "reports", reports)
    plan = load_plan(REPO / "plan").plan
    duties = Responsibilities(plan)
    stray = next(t for t in plan.tasks if duties.role("arbitration", t) is None)
    path = reports / "2024-Q1" / "arbitration.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "entries:\n", f"entries:\n  - id: {stray}\n    status: in-progress\n    percent: 10\n", 1)
    path.write_text(text, encoding="utf-8")
    return reports, display_path(path)


def _check(reports: Path, monkeypatch, ignore=None):
    """run_check in this process; returns the report and the files read again for positions."""
    from zzip import status_loader
    from zzip.check import run_check
    from zzip.config import Config

    reread: list[str] = []
    resolve = status_loader._PositionsLater._resolve

    def counted(self):
        reread.append(self.shown)
        return resolve(self)

    monkeypatch.setattr(status_loader._PositionsLater, "_resolve", counted)
    report, _context = run_check(REPO / "plan", reports, AS_OF, Config(), None, ignore)
    return report, reread


@pytest.mark.skipif(not fastyaml.available(), reason="yaml-rs has no wheel here: every file is read precisely")
def test_an_ignored_screening_rule_reads_no_file_again(tmp_path, monkeypatch):
    reports, stray = _with_a_stray_entry(tmp_path)
    report, reread = _check(reports, monkeypatch)
    assert [f.code for f in report.findings if f.location.path.endswith("2024-Q1/arbitration.yaml")] == ["S203"]
    assert stray in reread  # reported: its line is needed

    report, reread = _check(reports, monkeypatch, ["S203"])
    assert not [f for f in report.findings if f.code == "S203"]
    assert stray not in reread
    assert set(reread) <= _lined(report)  # only files that a reported finding points into


@pytest.mark.skipif(not fastyaml.available(), reason="yaml-rs has no wheel here: every file is read precisely")
def test_a_quarter_check_reads_no_history_file_again_for_its_rejections(tmp_path, monkeypatch):
    reports, stray = _with_a_stray_entry(tmp_path)
    report, reread = _check(reports / "2025-Q2", monkeypatch)
    assert not [f for f in report.findings if f.code == "S203"]
    assert stray not in reread
    assert set(reread) <= _lined(report)  # only files that a reported finding points into


def _lined(report) -> set[str]:
    """The files that a reported finding points into, at a line."""
    return {f.location.path for f in report.findings if f.location.line is not None and f.location.sheet is None}


@pytest.mark.skipif(not fastyaml.available(), reason="yaml-rs has no wheel here: every file is read precisely")
def test_what_is_overdue_is_found_without_reading_a_file_again(monkeypatch):
    """C301, C312 and C313 share one list of overdue items; an item's line is looked up only when
    a rule reports it (an ignored C312 must not make zzip read the files of overdue yearly items)."""
    from zzip import status_loader
    from zzip.check import prepare
    from zzip.config import Config

    reread: list[str] = []
    resolve = status_loader._PositionsLater._resolve
    monkeypatch.setattr(status_loader._PositionsLater, "_resolve", lambda self: reread.append(self.shown) or resolve(self))
    _plan, _findings, context = prepare(REPO / "plan", REPO / "reports", AS_OF, Config())
    overdue = context.overdue
    assert context.overdue is overdue  # worked out once
    assert overdue and reread == []  # finding what is overdue reads nothing again
    item = next(d for d in overdue if d.status is not None and d.where[0].path.endswith(".yaml"))
    location = item.location
    assert reread == [location.path] and location.line  # its line, when asked


def _findings_as_rich_prints_them(findings, indent=""):
    """The reference: one rich print per finding, as `zzip check` wrote them before."""
    import io

    from rich.console import Console

    from zzip.output.text import rich_finding_line

    buffer = io.StringIO()
    console = Console(file=buffer, no_color=True, highlight=False, soft_wrap=True, width=80)
    for finding in findings:
        console.print(rich_finding_line(finding, indent), soft_wrap=True, highlight=False)
    return buffer.getvalue()


@pytest.mark.parametrize("message", ["no entry for KT-1-1 (二(一)1 完善政策), which 市市场监管局 leads",
                                     "a tab\there, kept as rich expands it", "trailing space ", "  leading"])
def test_plain_finding_lines_are_what_rich_would_print(message):
    import io

    from rich.console import Console

    from zzip.findings import Finding, Location, Severity
    from zzip.output import check_text

    findings = [Finding("C303", "not-reported", Severity.WARNING, message, Location("reports/2025-Q2/a.yaml", 3, 5)),
                Finding("S203", "not-responsible", Severity.ERROR, message, Location("reports/2025-Q2/b.xlsx", 4, 2, "任务进展")),
                Finding("C304", "submission-missing", Severity.INFO, message, Location("reports/2025-Q2/c.yaml"))]
    for indent in ("", "    "):
        buffer = io.StringIO()
        console = Console(file=buffer, no_color=True, highlight=False, soft_wrap=True, width=80)
        check_text._print_findings(console, findings, indent)
        assert buffer.getvalue() == _findings_as_rich_prints_them(findings, indent)


def test_json_findings_in_batches_are_the_findings_one_by_one():
    """More findings than one batch of the encoder: the same text as each finding encoded on its own."""
    import json

    from zzip.findings import Finding, Location, Severity
    from zzip.output import json_format
    from zzip.report import Report

    findings = [Finding("S203", "not-responsible", Severity.ERROR, f"第{n}条 \"quoted\" \\ {n}",
                        Location(f"reports/2025-Q2/u{n % 7}.yaml", n, 3), f"u{n % 7}", {"item": f"KT-{n}"})
                for n in range(1234)]
    text = json_format.render(Report("check", findings))
    listed = text[text.index('"findings":[') + len('"findings":'):text.index('],"files"') + 1]
    assert listed == "[" + ",".join(json.dumps(f.to_dict(), ensure_ascii=False, separators=(",", ":"))
                                    for f in Report("check", list(findings)).findings) + "]"
    assert len(json.loads(text)["findings"]) == 1234


def _example_context(reports: Path = REPO / "reports"):
    from zzip.check import prepare
    from zzip.config import Config

    return prepare(REPO / "plan", reports, AS_OF, Config())[2]


def test_items_active_in_a_period_are_those_whose_span_touches_it():
    """Responsibilities.active answers from a table per period: the same as each item's own span,
    for every item of the plan, an id it does not have, and every period of the plan and beyond."""
    from zzip.months import HalfYear, Quarter, Year
    from zzip.responsibility import Responsibilities

    context = _example_context()
    plan = context.plan
    duties = Responsibilities(plan)

    def by_span(item_id, period):
        if item_id in plan.tasks:
            start, end = duties.task_span(plan.tasks[item_id])
        elif item_id in plan.milestones:
            start, end = duties.milestone_span(plan.milestones[item_id])
        elif item_id in plan.annual_items:
            start, end = plan.annual_items[item_id].start, plan.annual_items[item_id].end
        else:
            return False
        return period.overlaps(start, end)

    periods = [kind.of(dt.date(year, month, 1)) for kind in (Quarter, HalfYear, Year)
               for year in range(2021, 2027) for month in (1, 4, 7, 10)]
    ids = [*plan.tasks, *plan.milestones, *plan.annual_items, "KT-9-99"]
    assert any(duties.active(i, p) for i in ids for p in periods)
    assert not all(duties.active(i, p) for i in ids for p in periods)
    for period in periods:
        for item_id in ids:
            assert duties.active(item_id, period) == by_span(item_id, period), (item_id, period)


def test_the_history_index_holds_exactly_the_entries_that_count(tmp_path):
    context = _example_context(_with_a_stray_entry(tmp_path)[0])
    screening = context.screening
    expected: dict = {}
    for sub in context.usable:
        for entry in sub.entries:
            if screening.counts_entry(entry):
                expected.setdefault((sub.unit, entry.id), []).append(entry)
    assert context._entries == expected
    assert [sub.path for sub in context.submissions if not screening.counts_whole_file(sub.path)] == \
        [sub.path for sub in context.submissions if sub.path.endswith("2024-Q1/arbitration.yaml")]
